import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { attempts } from '../schema.js';
import { checkOwnership, lockAttempts, type Actor } from './bulk-targets.js';

/**
 * POST /assessments/attempts/bulk/delete: deletes the attempts with their answers and upload
 * parts, all or none. Admins delete any attempt; other roles holding delete_attempts only those
 * they invited (403 `attempt_not_owned`).
 */
export async function deleteAttempts(db: Db, actor: Actor, ids: string[]): Promise<{ deleted: number }> {
  return db.transaction(async (tx) => {
    const records = await lockAttempts(tx, actor, ids);
    checkOwnership(actor, records, ids);
    const unique = records.map((r) => r.attempt.id);
    await tx.delete(attempts).where(and(eq(attempts.workspaceId, actor.tenant.workspaceId), inArray(attempts.id, unique)));
    return { deleted: unique.length };
  });
}
