import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { checkTokenClient } from './check-token-client.js';
import { exchangeCode } from './exchange-code.js';
import { findOrCreateExternalUser, type ExternalSignIn } from './external-user.js';
import { fetchProfile } from './fetch-profile.js';
import type { OAuthProvider } from './providers.js';

export interface OAuthSignInInput {
  /** Authorization code from the provider's redirect; exchanged with our client credentials. */
  code?: string;
  /** A token the client already holds; used once the provider confirms it was issued to our client id. */
  accessToken?: string;
  /** The redirect URI the code was obtained with (the token endpoint compares them). */
  redirectUri?: string;
}

/**
 * Social sign-in: the provider's account becomes (or finds) an Assay user. Network calls happen
 * before any database work, so no transaction waits on a provider.
 */
export async function signInWithOAuth(db: Db, config: Config, provider: OAuthProvider, input: OAuthSignInInput): Promise<ExternalSignIn> {
  if (!input.code && !input.accessToken) {
    throw new AppError(400, 'code_required', 'Send the authorization code (code) or an access_token', [
      { field: 'body/code', message: 'body/code or body/access_token is required' },
    ]);
  }
  const providerConfig = config.oauth[provider];
  if (!providerConfig) {
    throw new AppError(400, 'provider_not_configured', `Sign-in with ${provider} is not configured on this server (set OAUTH_${provider.toUpperCase()}_CLIENT_ID and _CLIENT_SECRET)`);
  }
  // A code is preferred when both are sent: exchanging it with our secret proves the grant was made to this client.
  let accessToken: string;
  if (input.code) {
    accessToken = await exchangeCode(provider, providerConfig, input.code, input.redirectUri ?? null);
  } else {
    accessToken = input.accessToken as string;
    await checkTokenClient(provider, providerConfig, accessToken);
  }
  const profile = await fetchProfile(provider, providerConfig, accessToken);
  return findOrCreateExternalUser(db, profile, config.signup);
}
