import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { fileKinds } from '../../platform/storage/file-kinds.js';
import type { GuardedUpload } from '../../platform/storage/upload-guard.js';
import { attachmentLimits, limitedTo, maxAttachments, writableQuestion } from './attachments-rules.js';
import type { QuestionAttachment } from './content.js';
import { questions, type QuestionRow } from './schema.js';

const full = () => new AppError(409, 'attachment_limit_reached', `A question holds at most ${maxAttachments} attachments: delete one first`);

/** The question to attach to, checked before its upload is read: the workspace's own, not yet full. */
export async function attachableQuestion(db: DbOrTx, workspaceId: string, questionId: string): Promise<QuestionRow> {
  const question = await writableQuestion(db, workspaceId, questionId);
  if (question.attachments.length >= maxAttachments) throw full();
  return question;
}

/**
 * Stores one uploaded file and appends it to the question's attachments. The limit is checked
 * before storing and again in the update itself, so two concurrent uploads cannot pass it.
 */
export async function uploadAttachment(runtime: Runtime, question: QuestionRow, upload: GuardedUpload): Promise<QuestionAttachment[]> {
  const { db } = runtime.database;
  const { workspaceId, id: questionId } = question;
  const limit = attachmentLimits[upload.kind];
  if (!limit) {
    upload.discard();
    throw new AppError(415, 'unsupported_file_type', `${upload.kind} files are not accepted as attachments`);
  }
  const key = `workspaces/${workspaceId}/questions/${questionId}/attachments/${newId()}${fileKinds[upload.kind].extensions[0]}`;
  let stored;
  try {
    stored = await runtime.storage.put(key, limitedTo(upload.stream, limit.maxBytes, limit.label), { contentType: upload.contentType });
  } catch (error) {
    upload.discard();
    throw error;
  }
  const attachment: QuestionAttachment = { path: key, name: upload.fileName, content_type: stored.contentType, size: stored.size, created: new Date().toISOString() };
  const [updated] = await db
    .update(questions)
    .set({ attachments: sql`${questions.attachments} || ${JSON.stringify([attachment])}::jsonb`, updated: new Date() })
    .where(and(eq(questions.workspaceId, workspaceId), eq(questions.id, questionId), sql`jsonb_array_length(${questions.attachments}) < ${maxAttachments}`))
    .returning({ attachments: questions.attachments });
  if (!updated) {
    await runtime.storage.delete(key).catch(() => undefined);
    throw full();
  }
  return updated.attachments;
}
