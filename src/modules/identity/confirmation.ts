import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Runtime } from '../../platform/runtime.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { users } from './schema.js';
import { consumeToken, issueUserToken, retireTokens } from './user-tokens.js';
import { confirmationLink } from './links.js';
import { findUserByEmail, type User } from './users.js';

/** Queues the account-confirmation e-mail with a fresh one-time link, in the caller's transaction. */
export async function queueConfirmationMail(db: DbOrTx, appUrl: string, user: User, language: string): Promise<void> {
  const token = await issueUserToken(db, user.id, 'confirm');
  await queueMail(db, {
    to: user.email,
    template: 'account_confirmation',
    language,
    data: { name: user.displayName, link: confirmationLink(appUrl, token) },
  });
}

/**
 * Sends a new confirmation link when the account exists and is not confirmed yet. The caller
 * answers the same either way, so the route does not reveal which addresses have accounts.
 */
export async function resendConfirmation(runtime: Runtime, email: string, language: string): Promise<void> {
  const { db } = runtime.database;
  const user = await findUserByEmail(db, email);
  if (!user || user.confirmedAt) return;
  await db.transaction(async (tx) => {
    await retireTokens(tx, user.id, 'confirm');
    await queueConfirmationMail(tx, runtime.config.appUrl, user, language);
  });
}

/** Confirms the account behind a one-time token (404 unknown, 410 expired or used). */
export async function confirmAccount(runtime: Runtime, token: string): Promise<User> {
  return runtime.database.db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, 'confirm');
    const [user] = await tx
      .update(users)
      .set({ confirmedAt: sql`coalesce(${users.confirmedAt}, now())`, updated: sql`now()` })
      .where(eq(users.id, userId))
      .returning();
    return user;
  });
}
