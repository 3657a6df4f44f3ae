import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { hashSecret, newId, newSecret } from '../../platform/ids.js';
import { userTokens } from './schema.js';

export type UserTokenPurpose = 'reset' | 'confirm';

export const tokenLifetimeMs: Record<UserTokenPurpose, number> = {
  reset: 60 * 60 * 1000,
  confirm: 7 * 24 * 60 * 60 * 1000,
};

const invalidToken = () => new AppError(404, 'token_not_found', 'This link is invalid');
const expiredToken = () => new AppError(410, 'token_expired', 'This link has expired or was already used');

/** Issues a one-time token; only its SHA-256 is stored, the plain token goes into the e-mailed link. */
export async function issueUserToken(db: DbOrTx, userId: string, purpose: UserTokenPurpose): Promise<string> {
  const token = newSecret(32);
  await db.insert(userTokens).values({
    id: newId(),
    userId,
    purpose,
    tokenHash: hashSecret(token),
    expiresAt: new Date(Date.now() + tokenLifetimeMs[purpose]),
  });
  return token;
}

/** The token's row when it is usable; 404 when unknown, 410 when expired or used. */
export async function findUsableToken(db: DbOrTx, token: string, purpose: UserTokenPurpose): Promise<typeof userTokens.$inferSelect> {
  const [row] = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashSecret(token)), eq(userTokens.purpose, purpose)));
  if (!row) throw invalidToken();
  if (row.usedAt || row.expiresAt.getTime() <= Date.now()) throw expiredToken();
  return row;
}

/**
 * Marks the token used and returns its user id. The conditional update is the single-use guard:
 * of two concurrent requests with the same token only one gets a row back.
 */
export async function consumeToken(db: DbOrTx, token: string, purpose: UserTokenPurpose): Promise<string> {
  const row = await findUsableToken(db, token, purpose);
  const [used] = await db
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(userTokens.id, row.id), isNull(userTokens.usedAt), sql`${userTokens.expiresAt} > now()`))
    .returning({ userId: userTokens.userId });
  if (!used) throw expiredToken();
  return used.userId;
}

/** Retires every other open token of that purpose, e.g. older reset links once the password changed. */
export async function retireTokens(db: DbOrTx, userId: string, purpose: UserTokenPurpose): Promise<void> {
  await db
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}
