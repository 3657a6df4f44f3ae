import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { writableQuestion } from './attachments-rules.js';
import { questions } from './schema.js';

/** Unsets the question's bootstrap file and deletes it from storage. */
export async function deleteBootstrap(runtime: Runtime, workspaceId: string, questionId: string): Promise<void> {
  const { db } = runtime.database;
  const question = await writableQuestion(db, workspaceId, questionId);
  if (!question.bootstrap) throw new AppError(404, 'bootstrap_not_found', 'The question has no bootstrap file');
  await db.update(questions).set({ bootstrap: null, updated: new Date() }).where(and(eq(questions.workspaceId, workspaceId), eq(questions.id, questionId)));
  await runtime.storage.delete(question.bootstrap.path);
}
