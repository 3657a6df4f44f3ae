import type { FastifyRequest } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { fileKinds } from '../../platform/storage/file-kinds.js';
import { receiveUploads } from '../../platform/storage/receive-uploads.js';
import { attachmentKinds, attachmentLimits, maxAttachments, writableQuestion } from './attachments-rules.js';
import type { QuestionAttachment } from './content.js';
import { questions, type QuestionRow } from './schema.js';

const full = () => new AppError(409, 'attachment_limit_reached', `A question holds at most ${maxAttachments} attachments: delete some first`);

/** The question to attach to, checked before its upload is read: the workspace's own, not yet full. */
export async function attachableQuestion(db: DbOrTx, workspaceId: string, questionId: string): Promise<QuestionRow> {
  const question = await writableQuestion(db, workspaceId, questionId);
  if (question.attachments.length >= maxAttachments) throw full();
  return question;
}

/**
 * Stores the request's files (one or more) and appends them to the question's attachments, all or
 * nothing: a part refused by type, size or the limit of 15 is named (`body/files/<i>`) and none is
 * kept. The limit is checked while reading and again in the update itself, so two concurrent
 * uploads cannot pass it together.
 */
export async function uploadAttachments(runtime: Runtime, request: FastifyRequest, question: QuestionRow): Promise<QuestionAttachment[]> {
  const { db } = runtime.database;
  const { workspaceId, id: questionId } = question;
  const dropAll = async (files: QuestionAttachment[]) => {
    for (const file of files) await runtime.storage.delete(file.path).catch(() => undefined);
  };
  const { files } = await receiveUploads(
    request,
    { maxFiles: maxAttachments - question.attachments.length, kinds: attachmentKinds, maxBytesOf: (kind) => attachmentLimits[kind]?.maxBytes ?? 0, tooMany: full },
    async (upload) => {
      const key = `workspaces/${workspaceId}/questions/${questionId}/attachments/${newId()}${fileKinds[upload.kind].extensions[0]}`;
      const stored = await runtime.storage.put(key, upload.stream, { contentType: upload.contentType });
      return { path: key, name: upload.fileName, content_type: stored.contentType, size: stored.size, created: new Date().toISOString() } satisfies QuestionAttachment;
    },
    dropAll,
  );
  const [updated] = await db
    .update(questions)
    .set({ attachments: sql`${questions.attachments} || ${JSON.stringify(files)}::jsonb`, updated: new Date() })
    .where(and(eq(questions.workspaceId, workspaceId), eq(questions.id, questionId), sql`jsonb_array_length(${questions.attachments}) + ${files.length} <= ${maxAttachments}`))
    .returning({ attachments: questions.attachments });
  if (!updated) {
    await dropAll(files);
    throw full();
  }
  return updated.attachments;
}
