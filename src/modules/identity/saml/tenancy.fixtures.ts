import { randomBytes } from 'node:crypto';
import type { TenancyContext, TenancyFixtures } from '../../../../test/support/tenancy-registry.js';
import { createTestIdp, type TestIdp } from '../../../../test/support/saml-idp.js';
import { createSamlProvider } from './providers.js';
import { markSamlProviderVerified } from './verify-saml-provider.js';

let idp: TestIdp | undefined;

async function samlProviderOf({ runtime, tenant }: TenancyContext) {
  idp ??= createTestIdp('https://idp.tenancy.test/metadata');
  const provider = await createSamlProvider(runtime.database.db, runtime.config, tenant.workspace.id, {
    name: 'Tenancy IdP',
    domains: [`tenancy-${randomBytes(6).toString('hex')}.test`],
    entryPoint: 'https://idp.tenancy.test/sso',
    idpIssuer: idp.issuer,
    idpCert: idp.cert,
  });
  return { params: { id: provider.id } };
}

/** Already verified, so the owner's control call answers 200 without a DNS lookup. */
async function verifiedSamlProviderOf(context: TenancyContext) {
  const target = await samlProviderOf(context);
  await markSamlProviderVerified(context.runtime.database.db, context.tenant.workspace.id, target.params.id);
  return target;
}

/** Tenant A's SAML providers for the tenancy suite (test/tenancy.test.ts). */
export const tenancyFixtures: TenancyFixtures = {
  getSamlProvider: samlProviderOf,
  deleteSamlProvider: samlProviderOf,
  verifySamlProvider: verifiedSamlProviderOf,
};
