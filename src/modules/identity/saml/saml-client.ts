import { SAML, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import type { Config } from '../../../platform/config.js';
import { samlAcsUrl, type SamlProvider } from './providers.js';
import { SAML_REQUEST_TTL_MS } from './requests.js';

/** Tolerated difference between the IdP's clock and ours when checking NotBefore/NotOnOrAfter. */
export const SAML_CLOCK_SKEW_MS = 60_000;

/**
 * node-saml configured for one workspace's IdP. Assertions must be signed by the IdP certificate
 * (the Response envelope may be unsigned, as many IdPs send it), addressed to this SP's entity id,
 * within their validity window, and answer a request we issued.
 */
export function samlClient(config: Config, provider: SamlProvider, options: { cache?: CacheProvider; requestId?: string } = {}): SAML {
  return new SAML({
    entryPoint: provider.entryPoint,
    issuer: provider.spEntityId,
    audience: provider.spEntityId,
    callbackUrl: samlAcsUrl(config),
    idpCert: provider.idpCert,
    idpIssuer: provider.idpIssuer ?? undefined,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: SAML_REQUEST_TTL_MS,
    ...(options.cache ? { cacheProvider: options.cache } : {}),
    // IdPs differ in the authentication contexts they grant (MFA, Kerberos): do not demand one.
    disableRequestedAuthnContext: true,
    ...(options.requestId ? { generateUniqueId: () => options.requestId as string } : {}),
  });
}
