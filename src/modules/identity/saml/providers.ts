import { X509Certificate } from 'node:crypto';
import { and, arrayContains, arrayOverlaps, eq, isNotNull, ne } from 'drizzle-orm';
import type { Config } from '../../../platform/config.js';
import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors.js';
import { isId, newId, newSecret } from '../../../platform/ids.js';
import { samlProviders, samlRequests } from '../schema.js';

export type SamlProvider = typeof samlProviders.$inferSelect;

export interface NewSamlProvider {
  name: string;
  domains: string[];
  entryPoint: string;
  idpIssuer: string;
  /** The IdP's signing certificate, PEM or bare base64 DER. */
  idpCert: string;
  spEntityId?: string;
}

/**
 * Whoever configures a domain decides who signs in with its addresses. Any workspace admin may
 * name domains, but they count only once proven (verify-saml-provider.ts: a DNS TXT record, or an
 * instance super admin): a verified domain belongs to one provider in the whole installation, and
 * an unverified one claims nothing, so a squatter can neither sign in the domain's existing
 * accounts nor block its real owner. Webmail domains shared by the public cannot be named at all.
 */
const publicMailDomains = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'icloud.com', 'me.com',
  'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.net', 'mail.com', 'yandex.ru', 'mail.ru', 'zoho.com',
  'uol.com.br', 'bol.com.br', 'terra.com.br', 'hotmail.com.br', 'yahoo.com.br', 'outlook.com.br',
]);

const domainPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

export const samlAcsUrl = (config: Config) => `${config.publicUrl.replace(/\/+$/, '')}/auth/saml/callback`;
export const samlMetadataUrl = (config: Config, providerId: string) => `${config.publicUrl.replace(/\/+$/, '')}/auth/saml/${providerId}/metadata`;

/** The TXT record the domain owner publishes on each domain of the provider. */
export const samlVerificationRecord = (provider: Pick<SamlProvider, 'verificationToken'>) => `assay-saml-verification=${provider.verificationToken}`;

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
}

function normalizeDomains(domains: string[]): string[] {
  const normalized = [...new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')))];
  normalized.forEach((domain, i) => {
    if (!domainPattern.test(domain)) throw badRequest('invalid_domain', `${domain} is not a domain name`, `body/domains/${i}`);
    if (publicMailDomains.has(domain)) throw badRequest('saml_domain_public', `${domain} is a public e-mail domain and cannot be tied to one workspace`, `body/domains/${i}`);
  });
  return normalized;
}

/** Accepts PEM or bare base64; answers PEM after checking it parses as an X.509 certificate. */
function normalizeCertificate(cert: string): string {
  const body = cert.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
  try {
    new X509Certificate(pem);
  } catch {
    throw badRequest('invalid_certificate', 'idp_cert is not an X.509 certificate (PEM or base64)', 'body/idp_cert');
  }
  return pem;
}

export async function createSamlProvider(db: DbOrTx, config: Config, workspaceId: string, input: NewSamlProvider): Promise<SamlProvider> {
  const domains = normalizeDomains(input.domains);
  const idpCert = normalizeCertificate(input.idpCert);
  await checkDomainsUnclaimed(db, domains);
  const id = newId();
  const [provider] = await db
    .insert(samlProviders)
    .values({
      workspaceId,
      id,
      name: input.name.trim(),
      domains,
      entryPoint: input.entryPoint,
      idpIssuer: input.idpIssuer,
      idpCert,
      spEntityId: input.spEntityId?.trim() || samlMetadataUrl(config, id),
      verificationToken: newSecret(24),
    })
    .returning();
  return provider;
}

/** 409 when a verified provider (other than `exceptId`) has one of the domains. */
export async function checkDomainsUnclaimed(db: DbOrTx, domains: string[], exceptId?: string): Promise<void> {
  const [taken] = await db
    .select({ domains: samlProviders.domains })
    .from(samlProviders)
    .where(and(arrayOverlaps(samlProviders.domains, domains), isNotNull(samlProviders.verifiedAt), exceptId ? ne(samlProviders.id, exceptId) : undefined))
    .limit(1);
  if (taken) {
    const clash = domains.filter((d) => taken.domains.includes(d)).join(', ');
    throw conflict('saml_domain_taken', `${clash} already signs in through another SAML provider`);
  }
}

export async function listSamlProviders(db: DbOrTx, workspaceId: string): Promise<SamlProvider[]> {
  return db.select().from(samlProviders).where(eq(samlProviders.workspaceId, workspaceId)).orderBy(samlProviders.created, samlProviders.id);
}

export async function getSamlProvider(db: DbOrTx, workspaceId: string, id: string): Promise<SamlProvider> {
  const [provider] = isId(id)
    ? await db.select().from(samlProviders).where(and(eq(samlProviders.workspaceId, workspaceId), eq(samlProviders.id, id)))
    : [];
  if (!provider) throw notFound('SAML provider');
  return provider;
}

export async function deleteSamlProvider(db: DbOrTx, workspaceId: string, id: string): Promise<void> {
  const provider = await getSamlProvider(db, workspaceId, id);
  await db.delete(samlRequests).where(and(eq(samlRequests.workspaceId, workspaceId), eq(samlRequests.providerId, provider.id)));
  await db.delete(samlProviders).where(and(eq(samlProviders.workspaceId, workspaceId), eq(samlProviders.id, provider.id)));
}

/**
 * Sign-in looks providers up before any workspace is known: by the e-mail's domain or the provider
 * id. Only a verified provider is chosen by domain, else a squatter's IdP would collect the
 * domain's sign-ins; an unverified one is reached through its id (its workspace's own link).
 */
export async function findSamlProviderForEmail(db: DbOrTx, email: string): Promise<SamlProvider> {
  const domain = emailDomain(email);
  const [provider] = domain
    ? await db.select().from(samlProviders).where(and(arrayContains(samlProviders.domains, [domain]), isNotNull(samlProviders.verifiedAt))).limit(1)
    : [];
  if (!provider) throw new AppError(404, 'saml_provider_not_found', `No SAML provider signs in addresses at ${domain || 'this domain'}`);
  return provider;
}

export async function findSamlProviderById(db: DbOrTx, id: string): Promise<SamlProvider> {
  const [provider] = isId(id) ? await db.select().from(samlProviders).where(eq(samlProviders.id, id)) : [];
  if (!provider) throw new AppError(404, 'saml_provider_not_found', 'SAML provider not found');
  return provider;
}
