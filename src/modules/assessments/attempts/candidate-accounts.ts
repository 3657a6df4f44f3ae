import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { inChunks } from '../../../platform/db/chunks.js';
import { insertMany } from '../../../platform/db/insert-many.js';
import { newId } from '../../../platform/ids.js';
import { users } from '../../identity/schema.js';
import { displayNameOf, normalizeEmail } from '../../identity/users.js';

/**
 * The accounts of these (normalized) addresses by e-mail; unknown ones are created without a
 * password and with a neutral name, as the employees API does: the candidate sets a password
 * through the reset flow if ever they sign in, and the name the workspace gave stays on the attempt.
 */
export async function candidateAccounts(tx: DbOrTx, emails: string[]): Promise<Map<string, string>> {
  const byEmail = new Map<string, string>();
  const load = async (list: string[]) => {
    for (const part of inChunks(list)) {
      const rows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(sql`lower(${users.email})`, part));
      for (const row of rows) byEmail.set(normalizeEmail(row.email), row.id);
    }
  };
  await load(emails);
  const missing = [...new Set(emails)].filter((email) => !byEmail.has(email));
  // A concurrent sign-up of the same address wins; its account is read back below.
  await insertMany(tx, users, missing.map((email) => ({ id: newId(), email, displayName: displayNameOf({ email }), provider: 'local' })), { onConflictDoNothing: true });
  if (missing.length) await load(missing);
  return byEmail;
}
