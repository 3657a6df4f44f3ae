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
  /** The app the token was issued to (ours unless a test says otherwise). */
  clientId?: string;
}

/** Where each real provider expects the client secret (what the fake insists on). */
const clientAuth: Record<FakeProviderName, 'basic' | 'body'> = { google: 'basic', github: 'basic', linkedin: 'body', facebook: 'body' };

/**
 * An OAuth 2.0 provider on 127.0.0.1 speaking like Google, GitHub, LinkedIn and Facebook under
 * /<provider>/token, /<provider>/userinfo and /github/emails. It checks client credentials,
 * single-use codes and the redirect_uri, as the real token endpoints do. Each also answers its
 * provider's way of telling which app a token was issued to: Google's /google/tokeninfo, GitHub's
 * /github/applications/<client id>/token, LinkedIn's /linkedin/introspectToken, Facebook's
 * /facebook/debug_token.
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
      tokenCheckEndpoint: `${this.url}${tokenCheckPaths[provider]}`,
      ...overrides,
    };
  }

  /** What the provider's authorize page would hand back to the redirect URI. */
  issueCode(provider: FakeProviderName, account: FakeAccount, redirectUri?: string): string {
    const code = randomBytes(12).toString('hex');
    this.codes.set(code, { provider, account, redirectUri });
    return code;
  }

  /** An access token for the account, issued to our app, or to another app's `clientId`. */
  issueToken(provider: FakeProviderName, account: FakeAccount, clientId = this.config(provider).clientId): string {
    const token = `${provider}-at-${randomBytes(12).toString('hex')}`;
    this.tokens.set(token, { provider, account, clientId });
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
    if (url.pathname === tokenCheckPaths[provider].replace('{client_id}', url.pathname.split('/')[3] ?? '')) return this.tokenCheck(provider, url, req, res);
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

  /** The provider's answer about which app a token belongs to, in its own shape. */
  private async tokenCheck(provider: FakeProviderName, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ours = this.config(provider);
    const body = await readBody(req);
    switch (provider) {
      case 'google': {
        const grant = this.grantOf('google', url.searchParams.get('access_token'));
        if (!grant) return send(res, 400, { error: 'invalid_token', error_description: 'Invalid Value' });
        return send(res, 200, { azp: grant.clientId, aud: grant.clientId, scope: 'openid email profile', expires_in: '3599' });
      }
      case 'github': {
        const basic = `Basic ${Buffer.from(`${ours.clientId}:${ours.clientSecret}`).toString('base64')}`;
        const clientId = decodeURIComponent(url.pathname.split('/')[3]);
        if (req.method !== 'POST' || req.headers.authorization !== basic || clientId !== ours.clientId) return send(res, 401, { message: 'Requires authentication' });
        const grant = this.grantOf('github', (JSON.parse(body || '{}') as { access_token?: string }).access_token);
        if (!grant || grant.clientId !== clientId) return send(res, 404, { message: 'Not Found' });
        return send(res, 200, { id: 1, token: 'redacted', app: { client_id: grant.clientId, name: 'app' }, user: grant.account.userinfo });
      }
      case 'linkedin': {
        const form = new URLSearchParams(body);
        if (req.method !== 'POST' || form.get('client_id') !== ours.clientId || form.get('client_secret') !== ours.clientSecret) return send(res, 401, { error: 'invalid_client' });
        const grant = this.grantOf('linkedin', form.get('token'));
        if (!grant) return send(res, 200, { active: false });
        return send(res, 200, { active: true, client_id: grant.clientId, status: 'active', scope: 'openid,profile,email', auth_type: '3L' });
      }
      case 'facebook': {
        if (url.searchParams.get('access_token') !== `${ours.clientId}|${ours.clientSecret}`) return send(res, 400, { error: { message: 'Invalid OAuth access token', code: 190 } });
        const grant = this.grantOf('facebook', url.searchParams.get('input_token'));
        if (!grant) return send(res, 200, { data: { is_valid: false, error: { code: 190, message: 'Invalid OAuth access token.' } } });
        return send(res, 200, { data: { app_id: grant.clientId, type: 'USER', is_valid: true, user_id: grant.account.userinfo.id } });
      }
    }
  }

  private grantOf(provider: FakeProviderName, token: string | null | undefined): Grant | undefined {
    const grant = token ? this.tokens.get(token) : undefined;
    return grant?.provider === provider ? grant : undefined;
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

const tokenCheckPaths: Record<FakeProviderName, string> = {
  google: '/google/tokeninfo',
  github: '/github/applications/{client_id}/token',
  linkedin: '/linkedin/introspectToken',
  facebook: '/facebook/debug_token',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
