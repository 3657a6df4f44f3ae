import { ArcticFetchError, OAuth2Client, OAuth2RequestError, OAuth2Tokens, UnexpectedErrorResponseBodyError, UnexpectedResponseError } from 'arctic';
import type { OAuthProviderConfig } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import { clientAuthentication, type OAuthProvider } from './providers.js';

const PROVIDER_TIMEOUT_MS = 10_000;

export const providerUnavailable = (provider: string, why: string) =>
  new AppError(503, 'oauth_provider_unavailable', `${provider} could not be reached or answered unexpectedly (${why})`);

const codeRejected = (provider: string, why: string) =>
  new AppError(401, 'oauth_code_invalid', `${provider} rejected the authorization code (${why})`);

/** The provider refused our client id/secret: a server misconfiguration, not the caller's fault. */
const clientErrors = new Set(['invalid_client', 'unauthorized_client', 'incorrect_client_credentials']);
const clientRejected = (provider: string, why: string) =>
  new AppError(503, 'oauth_client_rejected', `${provider} rejected this server's client credentials (${why}); check OAUTH_${provider.toUpperCase()}_CLIENT_ID/SECRET`);

const rejection = (provider: string, error: string) => (clientErrors.has(error) ? clientRejected(provider, error) : codeRejected(provider, error));

/**
 * The authorization-code grant (RFC 6749 §4.1.3): trades `code` for an access token at the
 * provider's token endpoint. `redirectUri` must be the one the client used to obtain the code.
 */
export async function exchangeCode(provider: OAuthProvider, config: OAuthProviderConfig, code: string, redirectUri: string | null): Promise<string> {
  let tokens: OAuth2Tokens;
  try {
    tokens =
      clientAuthentication[provider] === 'basic'
        ? await new OAuth2Client(config.clientId, config.clientSecret, redirectUri).validateAuthorizationCode(config.tokenEndpoint, code, null)
        : await exchangeWithBodyCredentials(config, code, redirectUri);
  } catch (error) {
    throw asAppError(provider, error);
  }
  // GitHub reports a bad code with 200 and `{error}`, which the generic client takes for tokens.
  const data = tokens.data as Record<string, unknown>;
  if (typeof data.error === 'string') throw rejection(provider, data.error);
  try {
    return tokens.accessToken();
  } catch {
    throw providerUnavailable(provider, 'no access_token in the token answer');
  }
}

/**
 * arctic's generic client only sends the secret as HTTP Basic; LinkedIn and Facebook read it from
 * the form body (client_secret_post), as arctic's own LinkedIn and Facebook classes do.
 */
async function exchangeWithBodyCredentials(config: OAuthProviderConfig, code: string, redirectUri: string | null): Promise<OAuth2Tokens> {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, client_id: config.clientId, client_secret: config.clientSecret });
  if (redirectUri !== null) body.set('redirect_uri', redirectUri);
  let response: Response;
  try {
    response = await fetch(config.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'user-agent': 'assay' },
      body,
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ArcticFetchError(error);
  }
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object') throw new UnexpectedResponseError(response.status);
  if (response.status === 400 || response.status === 401) {
    if (typeof data.error !== 'string') throw new UnexpectedErrorResponseBodyError(response.status, data);
    const description = typeof data.error_description === 'string' ? data.error_description : null;
    throw new OAuth2RequestError(data.error, description, null, null);
  }
  if (response.status !== 200) throw new UnexpectedResponseError(response.status);
  return new OAuth2Tokens(data);
}

function asAppError(provider: string, error: unknown): unknown {
  if (error instanceof OAuth2RequestError) return rejection(provider, error.code);
  const rejected = (error instanceof UnexpectedResponseError || error instanceof UnexpectedErrorResponseBodyError) && (error.status === 400 || error.status === 401);
  if (rejected) return codeRejected(provider, `HTTP ${error.status}`);
  if (error instanceof UnexpectedResponseError) return providerUnavailable(provider, `HTTP ${error.status}`);
  if (error instanceof ArcticFetchError || error instanceof UnexpectedErrorResponseBodyError) return providerUnavailable(provider, 'token endpoint');
  return error;
}
