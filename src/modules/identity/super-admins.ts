import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { users } from './schema.js';
import { normalizeEmail } from './users.js';

/**
 * Instance super admins (`users.is_super_admin`) may grant credits, share datasets and verify SAML
 * domains without DNS. Only the CLI (and the first sign-up of an empty instance) makes them; the
 * flag is read on every request, so a change applies to live sessions at once.
 */
export interface SuperAdminChange {
  email: string;
  /** False when the account already was (or was not) a super admin. */
  changed: boolean;
}

async function setSuperAdmin(db: DbOrTx, email: string, isSuperAdmin: boolean): Promise<SuperAdminChange> {
  const address = normalizeEmail(email);
  const [before] = await db.select({ isSuperAdmin: users.isSuperAdmin }).from(users).where(sql`lower(${users.email}) = ${address}`);
  if (!before) throw new AppError(404, 'user_not_found', `no account with the e-mail ${address}`);
  if (before.isSuperAdmin === isSuperAdmin) return { email: address, changed: false };
  await db.update(users).set({ isSuperAdmin, updated: sql`now()` }).where(sql`lower(${users.email}) = ${address}`);
  return { email: address, changed: true };
}

export function grantSuperAdmin(db: DbOrTx, email: string): Promise<SuperAdminChange> {
  return setSuperAdmin(db, email, true);
}

export function revokeSuperAdmin(db: DbOrTx, email: string): Promise<SuperAdminChange> {
  return setSuperAdmin(db, email, false);
}
