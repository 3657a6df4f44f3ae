import { and, eq } from 'drizzle-orm';
import { newId } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { fileKinds } from '../../platform/storage/file-kinds.js';
import type { GuardedUpload } from '../../platform/storage/upload-guard.js';
import type { QuestionBootstrap } from './content.js';
import { questions, type QuestionRow } from './schema.js';

/** Stores the starter file of the question (from writableQuestion) and makes it the question's bootstrap; the file it replaces is deleted. */
export async function uploadBootstrap(runtime: Runtime, question: QuestionRow, upload: GuardedUpload): Promise<QuestionBootstrap> {
  const { db } = runtime.database;
  const { workspaceId, id: questionId, bootstrap: previous } = question;
  const key = `workspaces/${workspaceId}/questions/${questionId}/bootstrap/${newId()}${fileKinds[upload.kind].extensions[0]}`;
  let stored;
  try {
    stored = await runtime.storage.put(key, upload.stream, { contentType: upload.contentType });
  } catch (error) {
    upload.discard();
    throw error;
  }
  const bootstrap: QuestionBootstrap = { path: key, name: upload.fileName, content_type: stored.contentType, size: stored.size };
  await db.update(questions).set({ bootstrap, updated: new Date() }).where(and(eq(questions.workspaceId, workspaceId), eq(questions.id, questionId)));
  if (previous) await runtime.storage.delete(previous.path).catch(() => undefined);
  return bootstrap;
}
