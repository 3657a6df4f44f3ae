import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { writableQuestion } from './attachments-rules.js';
import type { QuestionAttachment } from './content.js';
import { questions } from './schema.js';

/** Removes the attachment stored at `path` from the question, then its file. */
export async function deleteAttachment(runtime: Runtime, workspaceId: string, questionId: string, path: string): Promise<QuestionAttachment[]> {
  const { db } = runtime.database;
  const question = await writableQuestion(db, workspaceId, questionId);
  if (!question.attachments.some((a) => a.path === path)) throw new AppError(404, 'attachment_not_found', 'The question has no attachment at this path');
  const [updated] = await db
    .update(questions)
    .set({
      attachments: sql`coalesce((select jsonb_agg(e.value order by e.n) from jsonb_array_elements(${questions.attachments}) with ordinality as e(value, n) where e.value->>'path' <> ${path}), '[]'::jsonb)`,
      updated: new Date(),
    })
    .where(and(eq(questions.workspaceId, workspaceId), eq(questions.id, questionId)))
    .returning({ attachments: questions.attachments });
  await runtime.storage.delete(path);
  return updated?.attachments ?? [];
}
