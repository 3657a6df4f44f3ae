import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { users } from './schema.js';

/**
 * Whether the instance has no account at all. Its first account is the operator's: it may sign up
 * whatever SIGNUP says (except `closed`), and it is confirmed at once, since there is nobody to
 * hide and no mail may be configured yet.
 */
export async function isEmptyInstance(db: DbOrTx): Promise<boolean> {
  const anyone = await db.select({ id: users.id }).from(users).limit(1);
  return anyone.length === 0;
}

/**
 * In the transaction that creates an account: true when it is the instance's first. The lock makes
 * two concurrent first sign-ups take turns, so only one of them is first.
 */
export async function claimFirstAccount(tx: DbOrTx): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('assay.first-account'))`);
  return isEmptyInstance(tx);
}

