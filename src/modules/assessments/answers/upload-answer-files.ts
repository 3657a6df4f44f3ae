import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { fileKinds } from '../../../platform/storage/file-kinds.js';
import { receiveUploads } from '../../../platform/storage/receive-uploads.js';
import { answers, answerUploadParts, attempts } from '../schema.js';
import type { AnswerMedia } from '../types.js';
import { maxFilesOf, mediaKinds, mediaLimits, wholeFileLimitOf } from './media-rules.js';
import { checkAttemptOpen, mediaTarget } from './media-target.js';

const tooLargeInAll = () => new AppError(413, 'media_too_large', `The files are at most ${mediaLimits.maxTotalBytes} bytes in all`);

/**
 * POST /assessments/answers/:token/media with whole files (parts named `files`): the request's
 * files become the answer's media, replacing what it had and any upload in progress, all or
 * nothing. Each file is typed by its bytes and held to its type's limit, their sum to the
 * whole-file limit, their number to the question type's (maxFilesOf). Only while the attempt is
 * started and before its ends_at, checked again under a share lock of the attempt when the files
 * are recorded, so a finish either sees them or refuses them.
 * `started`: the form, read by the route up to its first file part.
 */
export async function uploadAnswerFiles(runtime: Runtime, request: FastifyRequest, token: string, started: { parts: AsyncIterable<Multipart>; fields: Record<string, string> }): Promise<{ answerId: string; files: AnswerMedia[] }> {
  const db = runtime.database.db;
  const target = await mediaTarget(db, runtime.tokens, token);
  checkAttemptOpen(target.attempt);
  const type = target.question?.type;
  const kinds = type ? mediaKinds[type] : undefined;
  if (!type || !kinds) throw conflict('media_not_accepted', `A ${type ?? 'unknown'} question takes no media`);
  const { workspaceId, id: answerId } = target.answer;
  const dropAll = async (files: AnswerMedia[]) => {
    for (const file of files) await runtime.storage.delete(file.path).catch(() => undefined);
  };
  let total = 0;
  const { files } = await receiveUploads(
    request,
    { maxFiles: maxFilesOf(type), kinds, maxBytesOf: wholeFileLimitOf },
    async (upload) => {
      const key = `workspaces/${workspaceId}/answers/${answerId}/media/${newId()}${fileKinds[upload.kind].extensions[0]}`;
      const stored = await runtime.storage.put(key, upload.stream, { contentType: upload.contentType });
      total += stored.size;
      if (total > mediaLimits.maxTotalBytes) {
        await runtime.storage.delete(key);
        throw tooLargeInAll();
      }
      return { path: key, name: upload.fileName, content_type: stored.contentType, size: stored.size, created: new Date().toISOString() } satisfies AnswerMedia;
    },
    dropAll,
    started,
  );
  let replaced: { media: AnswerMedia[]; parts: string[] };
  try {
    replaced = await db.transaction(async (tx) => {
      const [attempt] = await tx.select().from(attempts).where(and(eq(attempts.workspaceId, workspaceId), eq(attempts.id, target.attempt.id))).for('share');
      checkAttemptOpen(attempt);
      const [answer] = await tx.select({ media: answers.media }).from(answers).where(and(eq(answers.workspaceId, workspaceId), eq(answers.id, answerId))).for('update');
      await tx.update(answers).set({ media: files, updated: new Date() }).where(and(eq(answers.workspaceId, workspaceId), eq(answers.id, answerId)));
      const parts = await tx
        .delete(answerUploadParts)
        .where(and(eq(answerUploadParts.workspaceId, workspaceId), eq(answerUploadParts.answerId, answerId)))
        .returning({ key: answerUploadParts.storageKey });
      return { media: answer.media, parts: parts.map((part) => part.key) };
    });
  } catch (error) {
    await dropAll(files);
    throw error;
  }
  // Files are dropped after the commit: a file is never gone while a row still names it.
  await dropAll(replaced.media);
  for (const key of replaced.parts) await runtime.storage.delete(key).catch(() => undefined);
  return { answerId, files };
}
