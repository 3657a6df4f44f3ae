import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { findSamlProviderById, findSamlProviderForEmail } from './providers.js';
import { deleteExpiredSamlRequests, issuingCache, newSamlRequest } from './requests.js';
import { samlClient } from './saml-client.js';

export interface SamlLoginStart {
  /** The IdP URL carrying the AuthnRequest (HTTP-Redirect binding); send the browser there. */
  redirectUrl: string;
  providerId: string;
  /** Comes back from the IdP with the SAMLResponse; the callback needs it unchanged. */
  relayState: string;
}

/** SP-initiated SSO: picks the workspace's IdP by e-mail domain or provider id and records the request. */
export async function startSamlLogin(db: Db, config: Config, input: { email?: string; id?: string }): Promise<SamlLoginStart> {
  if (!input.email && !input.id) {
    throw new AppError(400, 'email_required', 'Send the e-mail to sign in with (email) or the SAML provider id (id)', [
      { field: 'body/email', message: 'body/email or body/id is required' },
    ]);
  }
  const provider = input.id ? await findSamlProviderById(db, input.id) : await findSamlProviderForEmail(db, input.email as string);
  await deleteExpiredSamlRequests(db, provider.workspaceId);
  const request = newSamlRequest(provider.workspaceId, provider.id);
  const redirectUrl = await samlClient(config, provider, { cache: issuingCache(db, request), requestId: request.id }).getAuthorizeUrlAsync(request.relayState, undefined, {});
  return { redirectUrl, providerId: provider.id, relayState: request.relayState };
}
