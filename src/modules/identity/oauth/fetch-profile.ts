import { createHmac } from 'node:crypto';
import type { OAuthProviderConfig } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import { providerUnavailable } from './exchange-code.js';
import { githubVerifiedEmail, profileFromUserinfo, type ExternalProfile, type OAuthProvider } from './providers.js';

const PROVIDER_TIMEOUT_MS = 10_000;

const tokenRejected = (provider: string) => new AppError(401, 'oauth_token_invalid', `${provider} rejected the access token`);

/** Reads the account behind an access token from the provider's userinfo endpoint. */
export async function fetchProfile(provider: OAuthProvider, config: OAuthProviderConfig, accessToken: string): Promise<ExternalProfile> {
  const info = await getJson(provider, userinfoUrl(provider, config, accessToken), accessToken);
  if (typeof info !== 'object' || info === null || Array.isArray(info)) throw providerUnavailable(provider, 'userinfo is not an object');
  const profile = profileFromUserinfo(provider, info as Record<string, unknown>);
  if (provider === 'github' && !profile.email && config.emailsEndpoint) {
    // Without a public e-mail the profile says nothing; /user/emails (scope user:email) does.
    const email = githubVerifiedEmail(await getJson(provider, config.emailsEndpoint, accessToken));
    if (email) return { ...profile, email, emailVerified: true };
  }
  return profile;
}

/** Facebook apps may require `appsecret_proof` (HMAC of the token with the app secret) on Graph calls. */
function userinfoUrl(provider: OAuthProvider, config: OAuthProviderConfig, accessToken: string): string {
  if (provider !== 'facebook') return config.userinfoEndpoint;
  const url = new URL(config.userinfoEndpoint);
  url.searchParams.set('appsecret_proof', createHmac('sha256', config.clientSecret).update(accessToken).digest('hex'));
  return url.toString();
}

async function getJson(provider: string, url: string, accessToken: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', 'user-agent': 'assay' },
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch {
    throw providerUnavailable(provider, 'userinfo endpoint');
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    throw tokenRejected(provider);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw providerUnavailable(provider, `userinfo HTTP ${response.status}`);
  }
  try {
    return await response.json();
  } catch {
    throw providerUnavailable(provider, 'userinfo is not JSON');
  }
}
