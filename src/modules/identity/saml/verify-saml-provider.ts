import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError, type FieldProblem } from '../../../platform/errors.js';
import { samlProviders } from '../schema.js';
import { txtRecords } from './domain-txt.js';
import { checkDomainsUnclaimed, getSamlProvider, samlVerificationRecord, type SamlProvider } from './providers.js';

/**
 * Proves the provider's domains: each must publish the TXT record `assay-saml-verification=<token>`
 * (the provider's token). 422 naming the domains without it; 409 when another provider has
 * verified one of them first. Verifying a verified provider changes nothing.
 */
export async function verifySamlProvider(db: Db, config: Config, workspaceId: string, id: string): Promise<SamlProvider> {
  const provider = await getSamlProvider(db, workspaceId, id);
  if (provider.verifiedAt) return provider;
  const expected = samlVerificationRecord(provider);
  // DNS first, outside any transaction (a transaction must not wait on the network).
  const records = await Promise.all(provider.domains.map((domain) => txtRecords(domain, config.dnsServers)));
  const missing: FieldProblem[] = [];
  provider.domains.forEach((domain, i) => {
    if (!records[i].includes(expected)) missing.push({ field: `domains/${i}`, message: `${domain} has no TXT record ${expected}` });
  });
  if (missing.length > 0) {
    throw new AppError(422, 'saml_domain_unverified', `Publish the TXT record ${expected} on ${missing.length === 1 ? 'this domain' : 'these domains'}, then verify again`, missing);
  }
  return markSamlProviderVerified(db, workspaceId, provider.id);
}

/**
 * Marks the provider verified: from now on its domains are claimed installation-wide. The domains
 * are locked (transaction-scoped advisory locks, in a fixed order) so two providers verifying the
 * same domain at once cannot both win. Also the instance super admin's override, without DNS.
 */
export async function markSamlProviderVerified(db: Db, workspaceId: string, id: string): Promise<SamlProvider> {
  return db.transaction(async (tx) => {
    const provider = await getSamlProvider(tx, workspaceId, id);
    if (provider.verifiedAt) return provider;
    for (const domain of [...provider.domains].sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`saml-domain:${domain}`}))`);
    }
    await checkDomainsUnclaimed(tx, provider.domains, provider.id);
    const [verified] = await tx
      .update(samlProviders)
      .set({ verifiedAt: sql`now()` })
      .where(and(eq(samlProviders.workspaceId, workspaceId), eq(samlProviders.id, provider.id)))
      .returning();
    return verified;
  });
}
