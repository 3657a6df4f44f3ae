import { and, eq, sql } from 'drizzle-orm';
import type { Runtime } from '../../../platform/runtime.js';
import { answers, answerUploadParts } from '../schema.js';
import { checkAttemptOpen, mediaTarget } from './media-target.js';

/**
 * DELETE /assessments/answers/:token/media: clears the answer's media and any upload in
 * progress, then drops their files. Only while the attempt is started and before its ends_at.
 */
export async function deleteAnswerMedia(runtime: Runtime, token: string): Promise<{ deleted: number }> {
  const db = runtime.database.db;
  const target = await mediaTarget(db, runtime.tokens, token);
  checkAttemptOpen(target.attempt);
  const { workspaceId, id } = target.answer;
  const removed = await db.transaction(async (tx) => {
    const [answer] = await tx.select({ media: answers.media }).from(answers).where(and(eq(answers.workspaceId, workspaceId), eq(answers.id, id))).for('update');
    const parts = await tx.delete(answerUploadParts).where(and(eq(answerUploadParts.workspaceId, workspaceId), eq(answerUploadParts.answerId, id))).returning();
    await tx.update(answers).set({ media: sql`'[]'::jsonb`, updated: new Date() }).where(and(eq(answers.workspaceId, workspaceId), eq(answers.id, id)));
    return { media: answer.media, parts };
  });
  for (const media of removed.media) await runtime.storage.delete(media.path);
  for (const part of removed.parts) await runtime.storage.delete(part.storageKey);
  return { deleted: removed.media.length };
}
