import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import type { FileStorage } from '../../../platform/storage/storage.js';
import { attempts } from '../schema.js';
import { checkOwnership, lockAttempts, type Actor } from './bulk-targets.js';
import { answerFileKeys, dropFiles } from './answer-files.js';

/**
 * POST /assessments/attempts/bulk/delete: deletes the attempts with their answers and upload
 * parts, all or none; their files are deleted after the commit. Admins delete any attempt; other roles holding delete_attempts only those
 * they invited (403 `attempt_not_owned`).
 */
export async function deleteAttempts(db: Db, storage: FileStorage, actor: Actor, ids: string[]): Promise<{ deleted: number }> {
  const { deleted, files } = await db.transaction(async (tx) => {
    const records = await lockAttempts(tx, actor, ids);
    checkOwnership(actor, records, ids);
    const unique = records.map((r) => r.attempt.id);
    const keys = await answerFileKeys(tx, actor.tenant.workspaceId, unique);
    await tx.delete(attempts).where(and(eq(attempts.workspaceId, actor.tenant.workspaceId), inArray(attempts.id, unique)));
    return { deleted: unique.length, files: keys };
  });
  await dropFiles(storage, files);
  return { deleted };
}
