/**
 * Receiving several files in one multipart request, all or nothing:
 *
 *   const { files } = await receiveUploads(request, rules, (upload) => storeIt(upload), (stored) => deleteThem(stored));
 *
 * Files are read in the order they arrive (part i is `body/files/<i>`, counting file parts only,
 * whatever their field name) and each is handed to `store` while it streams, checked as
 * receiveUpload checks one (type from its bytes, 415; size of its kind, 413). The first refusal
 * ends the request: the files stored before it are handed to `undo`, and the error names the part.
 * A part past `maxFiles` is refused the same way (rules.tooMany, else 400 `too_many_files`).
 */
import { Transform, type Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { AppError, badRequest } from '../errors.js';
import { guardFile, type FileKind, type GuardedUpload } from './upload-guard.js';

export interface MultiUploadRules {
  /** Files one request may carry. */
  maxFiles: number;
  kinds: FileKind[];
  /** The size limit of one file of this kind. */
  maxBytesOf(kind: FileKind): number;
  /** The refusal of the part past maxFiles (default 400 `too_many_files`). */
  tooMany?: () => AppError;
}

export interface ReceivedUploads<T> {
  files: T[];
  /** Text fields of the form (the last value of each name). */
  fields: Record<string, string>;
}

const partField = (index: number) => `body/files/${index}`;

/** The error, naming the part when it names nothing yet. */
function naming(error: unknown, field: string): unknown {
  if (!(error instanceof AppError) || error.details?.length) return error;
  return new AppError(error.statusCode, error.code, `${field}: ${error.message}`, [{ field, message: error.message }]);
}

/** The multipart parser's own refusals, as our errors. */
function multipartError(error: unknown, index: number, rules: MultiUploadRules): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'FST_FILES_LIMIT') return naming(rules.tooMany?.() ?? badRequest('too_many_files', `At most ${rules.maxFiles} files per request`), partField(rules.maxFiles));
  if (code === 'FST_REQ_FILE_TOO_LARGE') return naming(new AppError(413, 'file_too_large', 'The file is larger than its type allows'), partField(index));
  if (typeof code === 'string' && code.startsWith('FST_')) return badRequest('multipart_invalid', `The form could not be read: ${(error as Error).message}`);
  return error;
}

function limitedTo(stream: Readable, maxBytes: number, kind: FileKind): Readable {
  let size = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) callback(new AppError(413, 'file_too_large', `A ${kind} file may have at most ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
  stream.on('error', (error) => limiter.destroy(error));
  return stream.pipe(limiter);
}

/**
 * Reads and drops what is left of a multipart body that will not be read: once a form is being
 * parsed, Node no longer discards an unread body itself, and the connection would stall on it.
 */
export function discardRest(request: FastifyRequest): void {
  request.raw.unpipe();
  request.raw.resume();
}

/** The limits to read a form for these rules with (request.parts(multipartLimits(rules))). */
export function multipartLimits(rules: MultiUploadRules) {
  return { limits: { files: rules.maxFiles, fileSize: Math.max(...rules.kinds.map((kind) => rules.maxBytesOf(kind))) } };
}

/**
 * `parts`: the form when the caller has begun reading it already (request.parts() with limits at
 * least as wide as multipartLimits(rules), from its first file part on), with `fields` read before.
 */
export async function receiveUploads<T>(
  request: FastifyRequest,
  rules: MultiUploadRules,
  store: (upload: GuardedUpload, index: number) => Promise<T>,
  undo: (stored: T[]) => Promise<void>,
  started?: { parts: AsyncIterable<Multipart>; fields: Record<string, string> },
): Promise<ReceivedUploads<T>> {
  if (!request.isMultipart()) throw new AppError(415, 'multipart_required', 'Send the files as multipart/form-data');
  const limits = multipartLimits(rules);
  const ceiling = limits.limits.fileSize;
  const stored: T[] = [];
  const fields: Record<string, string> = { ...started?.fields };
  let index = 0;
  try {
    for await (const part of started?.parts ?? request.parts(limits)) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const field = partField(index);
      if (index >= rules.maxFiles) throw naming(rules.tooMany?.() ?? badRequest('too_many_files', `At most ${rules.maxFiles} files per request`), field);
      const upload = await guardFile(part, { maxBytes: ceiling, kinds: rules.kinds }).catch((error: unknown) => {
        throw naming(error, field);
      });
      const limited = { ...upload, stream: limitedTo(upload.stream, rules.maxBytesOf(upload.kind), upload.kind) };
      stored.push(await store(limited, index).catch((error: unknown) => {
        upload.discard();
        throw naming(error, field);
      }));
      index += 1;
    }
  } catch (error) {
    discardRest(request);
    await undo(stored);
    throw multipartError(error, index, rules);
  }
  if (stored.length === 0) throw badRequest('file_required', 'The request carries no file', 'body/files');
  return { files: stored, fields };
}
