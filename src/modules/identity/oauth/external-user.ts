import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { isUniqueViolation } from '../../../platform/db/unique-violation.js';
import { AppError } from '../../../platform/errors.js';
import { userIdentities, users } from '../schema.js';
import { createUser, findUserByEmail, findUserById, type User } from '../users.js';
import type { ExternalProfile } from './providers.js';

export interface ExternalSignIn {
  user: User;
  isNew: boolean;
}

/**
 * The account behind an external identity (social provider or SAML): the linked one, else the one
 * with the same verified e-mail (linking it), else a new confirmed account. Runs in a transaction;
 * when a concurrent first sign-in of the same person wins the race, the second attempt finds it.
 */
export async function findOrCreateExternalUser(db: Db, profile: ExternalProfile): Promise<ExternalSignIn> {
  try {
    return await db.transaction((tx) => resolveExternalUser(tx, profile));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.transaction((tx) => resolveExternalUser(tx, profile));
  }
}

async function resolveExternalUser(tx: DbOrTx, profile: ExternalProfile): Promise<ExternalSignIn> {
  const [linked] = await tx
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.provider, profile.provider), eq(userIdentities.subject, profile.subject)));
  const linkedUser = linked && (await findUserById(tx, linked.userId));
  if (linkedUser) return { user: linkedUser, isNew: false };

  if (!profile.email) {
    throw new AppError(422, 'oauth_email_missing', `${profile.provider} did not share an e-mail address; allow access to it and try again`);
  }
  // An unverified address could be anyone's: never match or create an account on it.
  if (!profile.emailVerified) {
    throw new AppError(422, 'oauth_email_unverified', `${profile.provider} has not verified ${profile.email}; verify it there first`);
  }

  const existing = await findUserByEmail(tx, profile.email);
  if (existing) {
    const user = existing.confirmedAt ? existing : await confirmThroughProvider(tx, existing);
    await linkIdentity(tx, user.id, profile);
    return { user, isNew: false };
  }
  const user = await createUser(tx, {
    email: profile.email,
    displayName: profile.displayName,
    firstName: profile.firstName,
    lastName: profile.lastName,
    provider: profile.provider,
    confirmed: true,
  });
  await linkIdentity(tx, user.id, profile);
  return { user, isNew: true };
}

/**
 * An unconfirmed account with this e-mail may have been registered by someone who does not own the
 * mailbox (account pre-hijacking): the provider proves the owner, so the account is confirmed and
 * any password set before confirmation is dropped. The owner can set a new one by reset.
 */
async function confirmThroughProvider(tx: DbOrTx, user: User): Promise<User> {
  const [updated] = await tx
    .update(users)
    .set({ confirmedAt: new Date(), passwordHash: null, updated: new Date() })
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
