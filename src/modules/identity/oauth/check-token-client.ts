import type { OAuthProviderConfig } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import { providerUnavailable } from './exchange-code.js';
import type { OAuthProvider } from './providers.js';

const PROVIDER_TIMEOUT_MS = 10_000;

const tokenInvalid = (provider: string) => new AppError(401, 'oauth_token_invalid', `${provider} rejected the access token`);
const wrongClient = (provider: string) =>
  new AppError(401, 'oauth_token_wrong_client', `${provider} did not issue this access token to this application; sign in through it again`);
const clientRejected = (provider: string) =>
  new AppError(503, 'oauth_client_rejected', `${provider} rejected this server's client credentials; check OAUTH_${provider.toUpperCase()}_CLIENT_ID/SECRET`);

type Json = Record<string, unknown>;

/**
 * A client-sent access token may belong to any app the person once signed in to with the same
 * provider; using it to read the account would let that app (or whoever holds its tokens) sign in
 * as them here. So before anything else the provider must confirm it issued the token to our
 * client id. Tokens we obtained ourselves by exchanging a code need no such check.
 */
export async function checkTokenClient(provider: OAuthProvider, config: OAuthProviderConfig, accessToken: string): Promise<void> {
  switch (provider) {
    case 'google':
      return checkGoogle(config, accessToken);
    case 'github':
      return checkGithub(config, accessToken);
    case 'linkedin':
      return checkLinkedin(config, accessToken);
    case 'facebook':
      return checkFacebook(config, accessToken);
  }
}

/** Google's tokeninfo: `aud` (and `azp`) name the client the token was issued to; 400 for unknown tokens. */
async function checkGoogle(config: OAuthProviderConfig, accessToken: string): Promise<void> {
  const url = new URL(config.tokenCheckEndpoint);
  url.searchParams.set('access_token', accessToken);
  const { status, body } = await call('google', url, { method: 'GET' });
  if (status === 400 || status === 401) throw tokenInvalid('google');
  if (status !== 200 || !body) throw providerUnavailable('google', `tokeninfo HTTP ${status}`);
  if (body.aud !== config.clientId && body.azp !== config.clientId) throw wrongClient('google');
}

/**
 * GitHub's "check a token" (POST /applications/{client_id}/token, Basic client id/secret): 200 only
 * for a valid token of that OAuth app; 404 for any other token, 401 when our credentials are wrong.
 */
async function checkGithub(config: OAuthProviderConfig, accessToken: string): Promise<void> {
  const url = new URL(config.tokenCheckEndpoint.replace('{client_id}', encodeURIComponent(config.clientId)));
  const { status, body } = await call('github', url, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`,
      'content-type': 'application/json',
      accept: 'application/vnd.github+json',
    },
    body: JSON.stringify({ access_token: accessToken }),
  });
  if (status === 404 || status === 422) throw wrongClient('github');
  if (status === 401 || status === 403) throw clientRejected('github');
  if (status !== 200 || !body) throw providerUnavailable('github', `token check HTTP ${status}`);
  const app = body.app as Json | undefined;
  if (app && app.client_id !== undefined && app.client_id !== config.clientId) throw wrongClient('github');
}

/** LinkedIn's token introspection (client id/secret in the form): `active` and the token's `client_id`. */
async function checkLinkedin(config: OAuthProviderConfig, accessToken: string): Promise<void> {
  const { status, body } = await call('linkedin', new URL(config.tokenCheckEndpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ client_id: config.clientId, client_secret: config.clientSecret, token: accessToken }),
  });
  if (status === 401) throw clientRejected('linkedin');
  if (status !== 200 || !body) throw providerUnavailable('linkedin', `introspection HTTP ${status}`);
  if (body.active !== true) throw tokenInvalid('linkedin');
  if (body.client_id !== config.clientId) throw wrongClient('linkedin');
}

/** Facebook's debug_token, asked with our app token (`<app id>|<app secret>`): `data.is_valid` and `data.app_id`. */
async function checkFacebook(config: OAuthProviderConfig, accessToken: string): Promise<void> {
  const url = new URL(config.tokenCheckEndpoint);
  url.searchParams.set('input_token', accessToken);
  url.searchParams.set('access_token', `${config.clientId}|${config.clientSecret}`);
  const { status, body } = await call('facebook', url, { method: 'GET' });
  if (status === 400 || status === 401) throw tokenInvalid('facebook');
  const data = body?.data as Json | undefined;
  if (status !== 200 || !data || typeof data !== 'object') throw providerUnavailable('facebook', `debug_token HTTP ${status}`);
  if (data.is_valid !== true) throw tokenInvalid('facebook');
  if (String(data.app_id) !== config.clientId) throw wrongClient('facebook');
}

async function call(provider: string, url: URL, init: RequestInit): Promise<{ status: number; body: Json | undefined }> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', 'user-agent': 'assay', ...(init.headers as Record<string, string> | undefined) },
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch {
    throw providerUnavailable(provider, 'token check endpoint');
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  const json = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Json) : undefined;
  return { status: response.status, body: json };
}
