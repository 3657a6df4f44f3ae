import { pipeline, Transform } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { fileKinds } from '../../../platform/storage/file-kinds.js';
import { receiveUpload } from '../../../platform/storage/upload-guard.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessments, type AssessmentRow } from '../schema.js';
import { findAssessment } from './find-assessment.js';
import { maxAssessmentMedia, maxMediaBytes, mediaKinds, mediaLimitOf, type AssessmentMedia } from './media-rules.js';

const tooMany = () => conflict('too_many_media', `An assessment holds at most ${maxAssessmentMedia} attachments; delete one first`);

function checkWritable(row: AssessmentRow): void {
  if (row.status === 'archived') throw conflict('assessment_archived', 'An archived assessment is read-only; publish it again first');
}

/** Fails the stream with a 413 once it passes the limit of its file type. */
function limitTo(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new AppError(413, 'file_too_large', `Files of this type may have at most ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
}

/**
 * Stores one uploaded file (multipart, field `file`) and adds it to the assessment's media. The type
 * is read from the bytes; each type has its own size limit (media-rules.ts); at most 15 files.
 */
export async function uploadAssessmentMedia(runtime: Runtime, request: FastifyRequest, tenant: ScopedTenant, id: string): Promise<AssessmentMedia[]> {
  const { db } = runtime.database;
  const before = await findAssessment(db, tenant, id);
  checkWritable(before);
  if (before.media.length >= maxAssessmentMedia) throw tooMany();
  const upload = await receiveUpload(request, { maxBytes: maxMediaBytes, kinds: mediaKinds });
  const key = `workspaces/${tenant.workspaceId}/assessments/${id}/media/${newId()}${fileKinds[upload.kind].extensions[0]}`;
  // pipeline, not pipe: an error of the upload itself (past the guard's ceiling) must fail the put too.
  const limited = limitTo(mediaLimitOf(upload.kind));
  pipeline(upload.stream, limited, () => undefined);
  const stored = await runtime.storage.put(key, limited, { contentType: upload.contentType });
  const entry: AssessmentMedia = { path: stored.key, name: upload.fileName, content_type: stored.contentType, size: stored.size, created: new Date().toISOString() };
  try {
    return await db.transaction(async (tx) => {
      const row = await findAssessment(tx, tenant, id, { forUpdate: true });
      checkWritable(row);
      if (row.media.length >= maxAssessmentMedia) throw tooMany();
      const media = [...row.media, entry];
      await tx.update(assessments).set({ media, updated: new Date() }).where(and(eq(assessments.workspaceId, tenant.workspaceId), eq(assessments.id, id)));
      return media;
    });
  } catch (error) {
    await runtime.storage.delete(stored.key);
    throw error;
  }
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
