import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { isUniqueViolation } from '../../../platform/db/unique-violation.js';
import type { SignupMode } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import { checkMayOpenAccount } from '../sign-up-policy.js';
import { userIdentities, users } from '../schema.js';
import { createUser, findUserByEmail, findUserById, nextSessionVersion, type User } from '../users.js';
import type { ExternalProfile } from './providers.js';

export interface ExternalSignIn {
  user: User;
  isNew: boolean;
}

/**
 * The account behind an external identity (social provider or SAML): the linked one, else the one
 * with the same verified e-mail (linking it), else a new confirmed account when SIGNUP allows it
 * (403 signup_closed / signup_invite_only otherwise). Runs in a transaction; when a concurrent first
 * sign-in of the same person wins the race, the second attempt finds it.
 */
export async function findOrCreateExternalUser(db: Db, profile: ExternalProfile, signup: SignupMode): Promise<ExternalSignIn> {
  try {
    return await db.transaction((tx) => resolveExternalUser(tx, profile, signup));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.transaction((tx) => resolveExternalUser(tx, profile, signup));
  }
}

/**
 * For an identity provider that has not proven it speaks for the address's domain (an unverified
 * SAML provider, whose IdP could be anyone's). It signs in only an account it is linked to and
 * whose mailbox nobody has proven since — once the owner confirms the address (reset, confirmation
 * link, another provider), the account answers to them, not to this IdP — or creates a new,
 * unconfirmed account. Any other account with the address: 409 account_exists_link_required.
 */
export async function findOrCreateUnprovenExternalUser(db: Db, profile: ExternalProfile, signup: SignupMode): Promise<ExternalSignIn> {
  try {
    return await db.transaction((tx) => resolveUnprovenExternalUser(tx, profile, signup));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.transaction((tx) => resolveUnprovenExternalUser(tx, profile, signup));
  }
}

async function resolveExternalUser(tx: DbOrTx, profile: ExternalProfile, signup: SignupMode): Promise<ExternalSignIn> {
  const linkedUser = await findLinkedUser(tx, profile);
  if (linkedUser) return { user: linkedUser, isNew: false };
  const email = verifiedEmailOf(profile);
  const existing = await findUserByEmail(tx, email);
  if (existing) {
    const user = existing.confirmedAt ? existing : await confirmThroughProvider(tx, existing);
    await linkIdentity(tx, user.id, profile);
    return { user, isNew: false };
  }
  await checkMayOpenAccount(tx, signup, email);
  return { user: await createExternalUser(tx, profile, email, true), isNew: true };
}

async function resolveUnprovenExternalUser(tx: DbOrTx, profile: ExternalProfile, signup: SignupMode): Promise<ExternalSignIn> {
  const linkedUser = await findLinkedUser(tx, profile);
  if (linkedUser && !linkedUser.confirmedAt) return { user: linkedUser, isNew: false };
  const email = verifiedEmailOf(profile);
  if (linkedUser || (await findUserByEmail(tx, email))) {
    throw new AppError(
      409,
      'account_exists_link_required',
      `An account with ${email} already exists and this identity provider has not verified its domain: sign in to the account another way, or ask the workspace to verify the domain`,
    );
  }
  await checkMayOpenAccount(tx, signup, email);
  return { user: await createExternalUser(tx, profile, email, false), isNew: true };
}

async function findLinkedUser(tx: DbOrTx, profile: ExternalProfile): Promise<User | undefined> {
  const [linked] = await tx
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.provider, profile.provider), eq(userIdentities.subject, profile.subject)));
  return linked && (await findUserById(tx, linked.userId));
}

function verifiedEmailOf(profile: ExternalProfile): string {
  if (!profile.email) {
    throw new AppError(422, 'oauth_email_missing', `${profile.provider} did not share an e-mail address; allow access to it and try again`);
  }
  // An unverified address could be anyone's: never match or create an account on it.
  if (!profile.emailVerified) {
    throw new AppError(422, 'oauth_email_unverified', `${profile.provider} has not verified ${profile.email}; verify it there first`);
  }
  return profile.email;
}

async function createExternalUser(tx: DbOrTx, profile: ExternalProfile, email: string, confirmed: boolean): Promise<User> {
  const user = await createUser(tx, {
    email,
    displayName: profile.displayName,
    firstName: profile.firstName,
    lastName: profile.lastName,
    provider: profile.provider,
    confirmed,
  });
  await linkIdentity(tx, user.id, profile);
  return user;
}

/**
 * An unconfirmed account with this e-mail may have been registered by someone who does not own the
 * mailbox (account pre-hijacking): the provider proves the owner, so the account is confirmed, any
 * password set before confirmation is dropped and the sessions signed in with it end. The owner can
 * set a new password by reset.
 */
async function confirmThroughProvider(tx: DbOrTx, user: User): Promise<User> {
  const [updated] = await tx
    .update(users)
    .set({ confirmedAt: new Date(), passwordHash: null, sessionVersion: nextSessionVersion(), updated: new Date() })
    .where(eq(users.id, user.id))
    .returning();
  return updated;
}

async function linkIdentity(tx: DbOrTx, userId: string, profile: ExternalProfile): Promise<void> {
  await tx
    .insert(userIdentities)
    .values({ provider: profile.provider, subject: profile.subject, userId, email: profile.email ?? null })
    .onConflictDoNothing();
}
