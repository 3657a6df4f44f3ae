import { and, isNull, sql, type SQL } from 'drizzle-orm';
import { userIdentities, users } from '../../identity/schema.js';

/**
 * An account nobody has used yet: the stub made when an admin adds an unknown e-mail as an
 * employee. It has no password, never signed in and has no linked identity. Only such an account
 * may be reshaped by a workspace (its e-mail corrected, or deleted with the membership); any
 * other account belongs to its owner, whatever workspaces it is in.
 */
export function unusedAccount(): SQL {
  return and(
    isNull(users.passwordHash),
    isNull(users.lastLogin),
    sql`not exists (select 1 from ${userIdentities} where ${userIdentities.userId} = ${users.id})`,
  )!;
}
