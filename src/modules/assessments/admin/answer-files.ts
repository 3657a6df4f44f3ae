import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { FileStorage } from '../../../platform/storage/storage.js';
import { answers, answerUploadParts } from '../schema.js';

/** Storage keys of the media and upload parts of these attempts' answers (read before their rows go). */
export async function answerFileKeys(db: DbOrTx, workspaceId: string, attemptIds: string[]): Promise<string[]> {
  if (attemptIds.length === 0) return [];
  const rows = await db
    .select({ id: answers.id, media: answers.media })
    .from(answers)
    .where(and(eq(answers.workspaceId, workspaceId), inArray(answers.attemptId, attemptIds)));
  const keys = rows.flatMap((row) => row.media.map((m) => m.path));
  const answerIds = rows.map((row) => row.id);
  if (answerIds.length > 0) {
    const parts = await db
      .select({ key: answerUploadParts.storageKey })
      .from(answerUploadParts)
      .where(and(eq(answerUploadParts.workspaceId, workspaceId), inArray(answerUploadParts.answerId, answerIds)));
    keys.push(...parts.map((p) => p.key));
  }
  return keys;
}

/** Drops files once the rows naming them are committed away; a file that cannot be deleted is left, never a row without its file. */
export async function dropFiles(storage: FileStorage, keys: string[]): Promise<void> {
  for (const key of keys) await storage.delete(key).catch(() => undefined);
}
