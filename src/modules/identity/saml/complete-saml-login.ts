import { and, eq } from 'drizzle-orm';
import type { Profile } from '@node-saml/node-saml';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { addMember } from '../workspaces/create-workspace.js';
import { memberships } from '../workspaces/schema.js';
import { findOrCreateExternalUser, findOrCreateUnprovenExternalUser, type ExternalSignIn } from '../oauth/external-user.js';
import type { ExternalProfile } from '../oauth/providers.js';
import { emailDomain, getSamlProvider } from './providers.js';
import { consumeSamlRequest, findPendingSamlRequest, parseRelayState, validatingCache } from './requests.js';
import { samlClient } from './saml-client.js';

const rejected = (why: string) => new AppError(401, 'saml_response_invalid', `SAML response rejected: ${why}`);

export interface SamlSignIn extends ExternalSignIn {
  workspaceId: string;
}

/**
 * The assertion consumer: checks the IdP's answer against the request named by RelayState, then
 * signs the asserted person in as a member of the provider's workspace. Only a provider whose
 * domains are verified vouches for existing accounts of those domains; an unverified one may
 * create new accounts and sign in its own (findOrCreateUnprovenExternalUser).
 */
export async function completeSamlLogin(db: Db, config: Config, input: { samlResponse: string; relayState: string }): Promise<SamlSignIn> {
  const state = parseRelayState(input.relayState);
  if (!state) throw rejected('unknown RelayState');
  const request = await findPendingSamlRequest(db, state.workspaceId, state.requestId);
  if (!request) throw rejected('the sign-in request is unknown, expired or already used');
  const provider = await getSamlProvider(db, request.workspaceId, request.providerId).catch((error: unknown) => {
    throw error instanceof AppError && error.statusCode === 404 ? rejected('the SAML provider no longer exists') : error;
  });

  let profile: Profile | null;
  try {
    ({ profile } = await samlClient(config, provider, { cache: validatingCache(request) }).validatePostResponseAsync({ SAMLResponse: input.samlResponse }));
  } catch (error) {
    throw rejected(error instanceof Error ? error.message : 'invalid response');
  }
  if (!profile) throw rejected('no assertion');
  // node-saml checks the issuer of logout messages only; for assertions it is ours to check.
  if (provider.idpIssuer && profile.issuer !== provider.idpIssuer) throw rejected(`unexpected issuer ${profile.issuer ?? '(none)'}`);
  if (!(await consumeSamlRequest(db, request.workspaceId, request.id))) throw rejected('the sign-in request was already used');

  const person = assertedPerson(provider.id, profile);
  // The IdP speaks only for the domains its workspace configured, never for other people's addresses.
  if (!provider.domains.includes(emailDomain(person.email))) {
    throw forbidden(`${person.email} is not in a domain of this SAML provider`, 'saml_email_domain_mismatch');
  }
  const signIn = provider.verifiedAt
    ? await findOrCreateExternalUser(db, person, config.signup)
    : await findOrCreateUnprovenExternalUser(db, person, config.signup);
  await ensureActiveMember(db, provider.workspaceId, signIn.user.id);
  return { ...signIn, workspaceId: provider.workspaceId };
}

const attributeNames = {
  email: ['email', 'mail', 'emailAddress', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'],
  firstName: ['firstName', 'givenName', 'given_name', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname'],
  lastName: ['lastName', 'sn', 'surname', 'family_name', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname'],
  displayName: ['displayName', 'name', 'http://schemas.microsoft.com/identity/claims/displayname'],
};

function attribute(profile: Profile, names: string[]): string | undefined {
  for (const name of names) {
    const value: unknown = profile[name];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first.trim() !== '') return first.trim();
  }
  return undefined;
}

/** The person in the assertion: e-mail from the attributes, else a NameID that is an address. */
function assertedPerson(providerId: string, profile: Profile): ExternalProfile & { email: string } {
  const email = attribute(profile, attributeNames.email) ?? (profile.nameID?.includes('@') ? profile.nameID.trim() : undefined);
  if (!email || !email.includes('@')) throw rejected('the assertion carries no e-mail address (NameID or email attribute)');
  const transient = profile.nameIDFormat === 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
  return {
    provider: 'saml',
    // A transient NameID changes every time, so the e-mail identifies the person instead.
    subject: `${providerId}:${transient || !profile.nameID ? email.toLowerCase() : profile.nameID}`,
    email,
    emailVerified: true,
    firstName: attribute(profile, attributeNames.firstName),
    lastName: attribute(profile, attributeNames.lastName),
    displayName: attribute(profile, attributeNames.displayName),
  };
}

/**
 * Just-in-time provisioning: the IdP is the source of truth for who belongs to the workspace, so
 * SSO makes the person a member, and a person whose membership was deleted is added again (as a
 * `user`) on their next sign-in; to keep someone out, remove them at the IdP. A membership that an
 * admin paused or made inactive stays so, and that person is refused.
 */
async function ensureActiveMember(db: Db, workspaceId: string, userId: string): Promise<void> {
  await addMember(db, workspaceId, userId, { roles: 'user' });
  const where = and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId));
  const [member] = await db.select({ status: memberships.status }).from(memberships).where(where);
  if (member.status === 'inactive' || member.status === 'paused') {
    throw forbidden('Your access to this workspace is suspended; ask its administrator', 'membership_inactive');
  }
  if (member.status !== 'active') await db.update(memberships).set({ status: 'active', updated: new Date() }).where(where);
}
