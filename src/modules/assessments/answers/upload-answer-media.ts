import { Readable } from 'node:stream';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError, badRequest, conflict } from '../../../platform/errors.js';
import { fileKinds, sanitizeFileName, sniffBytes, sniffKind, type FileKind } from '../../../platform/storage/file-kinds.js';
import { answers, answerUploadParts } from '../schema.js';
import type { AnswerMedia } from '../types.js';
import { mediaKinds, mediaLimits } from './media-rules.js';
import { checkAttemptOpen, mediaTarget, type MediaTarget } from './media-target.js';

export interface MediaPart {
  isLast: boolean;
  recordId: string;
  partNumber: number;
  totalChunks?: number;
  bytes: Buffer;
  fileName?: string;
  mimetype?: string;
}

export interface MediaUploadResult {
  answer_id: string;
  complete: boolean;
  record_id: string | null;
  received_parts: number[];
  missing_parts: number[];
  /** The file this upload made, once complete. */
  media: AnswerMedia | null;
  /** The answer's media after this request. */
  files: AnswerMedia[];
}

export const recordIdPattern = '^[A-Za-z0-9_-]{1,64}$';

const partKey = (t: MediaTarget, recordId: string, n: number) => `workspaces/${t.answer.workspaceId}/answers/${t.answer.id}/uploads/${recordId}/part-${n}`;
const mediaKey = (t: MediaTarget, recordId: string, kind: FileKind) =>
  `workspaces/${t.answer.workspaceId}/answers/${t.answer.id}/media/${recordId}${fileKinds[kind].extensions[0]}`;
const mediaDir = (t: MediaTarget, recordId: string) => `workspaces/${t.answer.workspaceId}/answers/${t.answer.id}/media/${recordId}.`;

function checkPart(part: MediaPart): void {
  if (!new RegExp(recordIdPattern).test(part.recordId)) throw badRequest('invalid_record_id', 'recordId is 1 to 64 letters, digits, _ or -', 'body/recordId');
  if (!Number.isInteger(part.partNumber) || part.partNumber < 1 || part.partNumber > mediaLimits.maxParts) {
    throw badRequest('invalid_part_number', `partNumber is an integer from 1 to ${mediaLimits.maxParts}`, 'body/partNumber');
  }
  if (part.totalChunks !== undefined && (!Number.isInteger(part.totalChunks) || part.totalChunks < part.partNumber || part.totalChunks > mediaLimits.maxParts)) {
    throw badRequest('invalid_total_chunks', `totalChunks is an integer from partNumber to ${mediaLimits.maxParts}`, 'body/totalChunks');
  }
  if (part.bytes.length === 0) throw badRequest('empty_part', 'The part carries no bytes', 'body/file');
  if (part.bytes.length > mediaLimits.maxPartBytes) throw new AppError(413, 'part_too_large', `A part is at most ${mediaLimits.maxPartBytes} bytes`);
}

function kindOf(head: Buffer, whole: boolean, kinds: FileKind[], part: Pick<MediaPart, 'fileName' | 'mimetype'>): FileKind {
  const kind = sniffKind(head.subarray(0, sniffBytes), whole, kinds, { mimetype: part.mimetype, fileName: part.fileName });
  if (!kind) throw new AppError(415, 'unsupported_file_type', `This answer takes ${kinds.join(', ')}; the file's first bytes are none of these`);
  return kind;
}

async function readHead(runtime: Runtime, key: string): Promise<Buffer> {
  const file = await runtime.storage.get(key);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of file.body) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= sniffBytes) break;
  }
  file.body.destroy();
  return Buffer.concat(chunks);
}

/** The stored parts, in order, streamed one after the other. */
function concatenated(runtime: Runtime, keys: string[]): Readable {
  async function* bytes() {
    for (const key of keys) {
      const file = await runtime.storage.get(key);
      for await (const chunk of file.body) yield chunk as Buffer;
    }
  }
  return Readable.from(bytes(), { objectMode: false });
}

/**
 * POST /assessments/answers/:token/media: one part of an answer's recording or file (a single
 * upload is part 1 with isLast). Parts may arrive in any order and a part sent again replaces
 * itself. The upload is assembled when its number of parts is known — `totalChunks` (send it with
 * every part when they may arrive out of order), or the number of the part marked isLast — and
 * every part from 1 to it is stored; then the parts become one file in storage, recorded as the
 * answer's `media` (replacing an earlier one), and the parts are dropped. A part of an upload that
 * is already assembled answers the assembled file again. Only while the attempt is started and
 * before its ends_at (409).
 */
export async function uploadAnswerMedia(runtime: Runtime, token: string, part: MediaPart): Promise<MediaUploadResult> {
  const db = runtime.database.db;
  checkPart(part);
  const target = await mediaTarget(db, runtime.tokens, token);
  checkAttemptOpen(target.attempt);
  const kinds = target.question ? mediaKinds[target.question.type] : undefined;
  if (!kinds) throw conflict('media_not_accepted', `A ${target.question?.type ?? 'unknown'} question takes no media`);
  const done = target.answer.media.find((m) => m.path.startsWith(mediaDir(target, part.recordId)));
  if (done) return { answer_id: target.answer.id, complete: true, record_id: part.recordId, received_parts: [], missing_parts: [], media: done, files: target.answer.media };

  const known = part.totalChunks ?? (part.isLast ? part.partNumber : undefined);
  if (part.partNumber === 1) kindOf(part.bytes, known === 1, kinds, part);
  const { workspaceId, id: answerId } = target.answer;
  const where = and(eq(answerUploadParts.workspaceId, workspaceId), eq(answerUploadParts.answerId, answerId), eq(answerUploadParts.recordId, part.recordId));
  const others = await db.select().from(answerUploadParts).where(where);
  const othersSize = others.filter((p) => p.partNumber !== part.partNumber).reduce((sum, p) => sum + p.size, 0);
  if (othersSize + part.bytes.length > mediaLimits.maxTotalBytes) throw new AppError(413, 'media_too_large', `The whole file is at most ${mediaLimits.maxTotalBytes} bytes`);

  const key = partKey(target, part.recordId, part.partNumber);
  await runtime.storage.put(key, part.bytes, { contentType: 'application/octet-stream' });
  await db
    .insert(answerUploadParts)
    .values({ workspaceId, answerId, recordId: part.recordId, partNumber: part.partNumber, size: part.bytes.length, storageKey: key })
    .onConflictDoUpdate({
      target: [answerUploadParts.workspaceId, answerUploadParts.answerId, answerUploadParts.recordId, answerUploadParts.partNumber],
      set: { size: part.bytes.length, storageKey: key, created: sql`now()` },
    });

  const parts = await db.select().from(answerUploadParts).where(where).orderBy(asc(answerUploadParts.partNumber));
  const received = parts.map((p) => p.partNumber);
  const missing = known === undefined ? [] : Array.from({ length: known }, (_, i) => i + 1).filter((n) => !received.includes(n));
  if (known === undefined || missing.length > 0) {
    return { answer_id: answerId, complete: false, record_id: part.recordId, received_parts: received, missing_parts: missing, media: null, files: target.answer.media };
  }
  return assemble(runtime, target, part, parts.filter((p) => p.partNumber <= known), kinds);
}

async function assemble(runtime: Runtime, target: MediaTarget, part: MediaPart, parts: (typeof answerUploadParts.$inferSelect)[], kinds: FileKind[]): Promise<MediaUploadResult> {
  const db = runtime.database.db;
  const kind = kindOf(await readHead(runtime, parts[0].storageKey), parts.length === 1 && parts[0].size < sniffBytes, kinds, part);
  const key = mediaKey(target, part.recordId, kind);
  const stored = await runtime.storage.put(key, concatenated(runtime, parts.map((p) => p.storageKey)), { contentType: fileKinds[kind].contentType });
  const media: AnswerMedia = {
    path: key,
    name: sanitizeFileName(part.fileName ?? `${part.recordId}`, kind),
    content_type: fileKinds[kind].contentType,
    size: stored.size,
    created: new Date().toISOString(),
  };
  const replaced = await db.transaction(async (tx) => {
    const [answer] = await tx
      .select({ media: answers.media })
      .from(answers)
      .where(and(eq(answers.workspaceId, target.answer.workspaceId), eq(answers.id, target.answer.id)))
      .for('update');
    const same = answer.media.find((m) => m.path === key);
    if (same) return { previous: [] as AnswerMedia[], media: same, files: answer.media };
    await tx.update(answers).set({ media: [media], updated: new Date() }).where(and(eq(answers.workspaceId, target.answer.workspaceId), eq(answers.id, target.answer.id)));
    await tx
      .delete(answerUploadParts)
      .where(and(eq(answerUploadParts.workspaceId, target.answer.workspaceId), eq(answerUploadParts.answerId, target.answer.id), eq(answerUploadParts.recordId, part.recordId)));
    return { previous: answer.media, media, files: [media] };
  });
  // Files are dropped after the commit: a file is never gone while a row still names it.
  for (const p of parts) await runtime.storage.delete(p.storageKey);
  for (const old of replaced.previous) if (old.path !== key) await runtime.storage.delete(old.path);
  return { answer_id: target.answer.id, complete: true, record_id: part.recordId, received_parts: parts.map((p) => p.partNumber), missing_parts: [], media: replaced.media, files: replaced.files };
}
