import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { fileKinds } from '../../../platform/storage/file-kinds.js';
import { receiveUploads } from '../../../platform/storage/receive-uploads.js';
import { listedFile } from '../../../platform/storage/file-id.js';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessments, type AssessmentRow } from '../schema.js';
import { findAssessment } from './find-assessment.js';
import { maxAssessmentMedia, mediaKinds, mediaLimitOf, type AssessmentMedia } from './media-rules.js';

const tooMany = () => conflict('too_many_media', `An assessment holds at most ${maxAssessmentMedia} attachments; delete some first`);

function checkWritable(row: AssessmentRow): void {
  if (row.status === 'archived') throw conflict('assessment_archived', 'An archived assessment is read-only; publish it again first');
}

/**
 * Stores the uploaded files (multipart, one or more `file`/`files` parts) and adds them to the
 * assessment's media, all or nothing: the type of each is read from its bytes, each type has its
 * own size limit (media-rules.ts), and the assessment holds at most 15. A refused part is named
 * (`body/files/<i>`) and none of the request's files is kept.
 */
export async function uploadAssessmentMedia(runtime: Runtime, request: FastifyRequest, tenant: ScopedTenant, id: string): Promise<AssessmentMedia[]> {
  const { db } = runtime.database;
  const before = await findAssessment(db, tenant, id);
  checkWritable(before);
  if (before.media.length >= maxAssessmentMedia) throw tooMany();
  const dropAll = async (files: AssessmentMedia[]) => {
    for (const file of files) await runtime.storage.delete(file.path).catch(() => undefined);
  };
  const { files } = await receiveUploads(
    request,
    { maxFiles: maxAssessmentMedia - before.media.length, kinds: mediaKinds, maxBytesOf: mediaLimitOf, tooMany },
    async (upload) => {
      const key = `workspaces/${tenant.workspaceId}/assessments/${id}/media/${newId()}${fileKinds[upload.kind].extensions[0]}`;
      const stored = await runtime.storage.put(key, upload.stream, { contentType: upload.contentType });
      return { path: stored.key, name: upload.fileName, content_type: stored.contentType, size: stored.size, created: new Date().toISOString() } satisfies AssessmentMedia;
    },
    dropAll,
  );
  try {
    return await db.transaction(async (tx) => {
      const row = await findAssessment(tx, tenant, id, { forUpdate: true });
      checkWritable(row);
      if (row.media.length + files.length > maxAssessmentMedia) throw tooMany();
      const media = [...row.media, ...files];
      await tx.update(assessments).set({ media, updated: new Date() }).where(and(eq(assessments.workspaceId, tenant.workspaceId), eq(assessments.id, id)));
      return media;
    });
  } catch (error) {
    await dropAll(files);
    throw error;
  }
}

/** One attachment by its file id (the last segment of its path), to download; 404 `media_not_found` when the assessment has none such. */
export async function findAssessmentMediaFile(db: DbOrTx, tenant: ScopedTenant, id: string, fileId: string): Promise<AssessmentMedia> {
  const row = await findAssessment(db, tenant, id);
  const file = listedFile(row.media, fileId);
  if (!file) throw new AppError(404, 'media_not_found', 'The assessment has no attachment with this id', [{ field: 'params/file', message: 'not an attachment of this assessment' }]);
  return file;
}

/** Removes one attachment, named by its storage path, from the assessment and from storage. */
export async function deleteAssessmentMedia(runtime: Runtime, tenant: ScopedTenant, id: string, path: string): Promise<AssessmentMedia[]> {
  const media = await runtime.database.db.transaction(async (tx) => {
    const row = await findAssessment(tx, tenant, id, { forUpdate: true });
    checkWritable(row);
    if (!row.media.some((file) => file.path === path)) {
      throw new AppError(404, 'media_not_found', 'The assessment has no attachment at this path', [{ field: 'body/path', message: 'not an attachment of this assessment' }]);
    }
    const rest = row.media.filter((file) => file.path !== path);
    await tx.update(assessments).set({ media: rest, updated: new Date() }).where(and(eq(assessments.workspaceId, tenant.workspaceId), eq(assessments.id, id)));
    return rest;
  });
  await runtime.storage.delete(path);
  return media;
}
