import { eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import { forbidden } from '../../platform/errors.js';
import { users } from './schema.js';

/** Arbitrary constant: the advisory lock that serializes claims (migrations use 7_283_001). */
const INSTANCE_ADMIN_LOCK = 7_283_002;

/**
 * Makes the account just created in `tx` the instance's super admin, if it is the instance's only
 * account (hence no super admin exists either); refuses otherwise, rolling the sign-up back. The lock
 * makes a second claimant wait for the first to commit, so it then sees that account and is refused.
 */
export async function claimInstanceAdmin(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${INSTANCE_ADMIN_LOCK})`);
  const [other] = await tx.select({ id: users.id }).from(users).where(ne(users.id, userId)).limit(1);
  if (other) {
    throw forbidden('Only the first account of an empty instance may become its admin; a super admin can be made with `npx assay grant-super-admin <email>`', 'instance_not_empty');
  }
  await tx.update(users).set({ isSuperAdmin: true }).where(eq(users.id, userId));
}
