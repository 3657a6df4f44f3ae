import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuthProviderConfig } from '../../src/platform/config.js';

export type FakeProviderName = 'google' | 'github' | 'linkedin' | 'facebook';

/** The account a code or token stands for, in the provider's own userinfo shape. */
export interface FakeAccount {
  userinfo: Record<string, unknown>;
  /** GitHub's /user/emails answer. */
  emails?: Array<{ email: string; primary: boolean; verified: boolean }>;
}

interface Grant {
  provider: FakeProviderName;
  account: FakeAccount;
  redirectUri?: string;
}

/** Where each real provider expects the client secret (what the fake insists on). */
const clientAuth: Record<FakeProviderName, 'basic' | 'body'> = { google: 'basic', github: 'basic', linkedin: 'body', facebook: 'body' };

/**
 * An OAuth 2.0 provider on 127.0.0.1 speaking like Google, GitHub, LinkedIn and Facebook under
 * /<provider>/token, /<provider>/userinfo and /github/emails. It checks client credentials,
 * single-use codes and the redirect_uri, as the real token endpoints do.
 */
export class FakeOAuthProvider {
  private codes = new Map<string, Grant>();
  private tokens = new Map<string, Grant>();
  /** Every request received, as `<provider> <path>`. */
  readonly calls: string[] = [];

  private constructor(private server: Server, readonly url: string) {}

  static async start(): Promise<FakeOAuthProvider> {
    let self: FakeOAuthProvider | undefined;
    const server = createServer((req, res) => {
      self!.handle(req, res).catch((error) => send(res, 500, { error: 'server_error', error_description: String(error) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new FakeOAuthProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return self;
  }

  config(provider: FakeProviderName, overrides: Partial<OAuthProviderConfig> = {}): OAuthProviderConfig {
    return {
      clientId: `${provider}-client-id`,
      clientSecret: `${provider}-client-secret`,
      authorizationEndpoint: `${this.url}/${provider}/authorize`,
      tokenEndpoint: `${this.url}/${provider}/token`,
      userinfoEndpoint: `${this.url}/${provider}/userinfo${provider === 'facebook' ? '?fields=id,name,email,first_name,last_name' : ''}`,
      ...(provider === 'github' ? { emailsEndpoint: `${this.url}/github/emails` } : {}),
      ...overrides,
    };
  }

  /** What the provider's authorize page would hand back to the redirect URI. */
  issueCode(provider: FakeProviderName, account: FakeAccount, redirectUri?: string): string {
    const code = randomBytes(12).toString('hex');
    this.codes.set(code, { provider, account, redirectUri });
    return code;
  }

  issueToken(provider: FakeProviderName, account: FakeAccount): string {
    const token = `${provider}-at-${randomBytes(12).toString('hex')}`;
    this.tokens.set(token, { provider, account });
    return token;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const [, provider, endpoint] = url.pathname.split('/') as [string, FakeProviderName, string];
    this.calls.push(`${provider} ${endpoint}`);
    if (!(provider in clientAuth)) return send(res, 404, { error: 'not_found' });
    if (endpoint === 'token' && req.method === 'POST') return this.token(provider, req, res);
    if ((endpoint === 'userinfo' || endpoint === 'emails') && req.method === 'GET') return this.userinfo(provider, endpoint, url, req, res);
    return send(res, 404, { error: 'not_found' });
  }

  private async token(provider: FakeProviderName, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return send(res, 400, { error: 'invalid_request' });
    const form = new URLSearchParams(await readBody(req));
    const expected = this.config(provider);
    const basic = `Basic ${Buffer.from(`${expected.clientId}:${expected.clientSecret}`).toString('base64')}`;
    const clientOk =
      clientAuth[provider] === 'basic'
        ? req.headers.authorization === basic && !form.has('client_secret')
        : form.get('client_id') === expected.clientId && form.get('client_secret') === expected.clientSecret;
    if (!clientOk) return send(res, 401, { error: 'invalid_client' });
    const code = form.get('code') ?? '';
    const grant = this.codes.get(code);
    this.codes.delete(code);
    const valid = form.get('grant_type') === 'authorization_code' && grant?.provider === provider && (grant.redirectUri ?? null) === form.get('redirect_uri');
    if (!valid || !grant) {
      // GitHub answers a bad code with 200 and an error body; the others with 400.
      if (provider === 'github') return send(res, 200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
      return send(res, 400, { error: 'invalid_grant', error_description: 'Bad code or redirect_uri' });
    }
    const token = this.issueToken(provider, grant.account);
    return send(res, 200, { access_token: token, token_type: 'bearer', expires_in: 3600, scope: 'email profile' });
  }

  private userinfo(provider: FakeProviderName, endpoint: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const grant = this.tokens.get(token);
    if (!grant || grant.provider !== provider) return send(res, 401, { error: 'invalid_token' });
    if (provider === 'facebook') {
      const proof = createHmac('sha256', this.config('facebook').clientSecret).update(token).digest('hex');
      if (url.searchParams.get('appsecret_proof') !== proof) return send(res, 400, { error: { message: 'Invalid appsecret_proof' } });
    }
    if (endpoint === 'emails') return send(res, 200, grant.account.emails ?? []);
    return send(res, 200, grant.account.userinfo);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
