import { eq, sql } from 'drizzle-orm';
import type { Runtime } from '../../platform/runtime.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { hashPassword } from '../../platform/auth/password.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { users } from './schema.js';
import { consumeToken, findUsableToken, issueUserToken, retireTokens } from './user-tokens.js';
import { resetLink } from './links.js';
import { findUserByEmail, findUserById, nextSessionVersion, type User } from './users.js';

/**
 * Mails a reset link (valid one hour) when the address has an account; does nothing otherwise.
 * The route answers the same message in both cases.
 */
export async function requestPasswordReset(runtime: Runtime, email: string, language: string): Promise<void> {
  const { db } = runtime.database;
  const user = await findUserByEmail(db, email);
  if (!user) return;
  await db.transaction(async (tx) => {
    const token = await issueUserToken(tx, user.id, 'reset');
    await queueMail(tx, {
      to: user.email,
      template: 'password_reset',
      language,
      data: { name: user.displayName, link: resetLink(runtime.config.appUrl, token) },
    });
  });
}

/** The account a usable reset token belongs to (404 unknown, 410 expired or used). */
export async function checkResetToken(db: DbOrTx, token: string): Promise<User> {
  const row = await findUsableToken(db, token, 'reset');
  const user = await findUserById(db, row.userId);
  if (!user) throw new Error(`reset token ${row.id} points at a missing user`);
  return user;
}

/**
 * Sets the new password and spends the token; every other open reset link of the user dies with
 * it, and so does every session signed in before (whoever knew the old password). Following a
 * mailed link proves the address, so an unconfirmed account becomes confirmed.
 */
export async function resetPassword(runtime: Runtime, token: string, newPassword: string): Promise<User> {
  const { db } = runtime.database;
  // Check before hashing so invalid tokens cost no argon2 time; consumeToken re-checks atomically.
  await findUsableToken(db, token, 'reset');
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, 'reset');
    await retireTokens(tx, userId, 'reset');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, confirmedAt: sql`coalesce(${users.confirmedAt}, now())`, sessionVersion: nextSessionVersion(), updated: sql`now()` })
      .where(eq(users.id, userId))
      .returning();
    return user;
  });
}
