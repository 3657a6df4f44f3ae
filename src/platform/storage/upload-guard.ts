/**
 * Receiving one uploaded file through @fastify/multipart, safely:
 *
 *   const upload = await receiveUpload(request, { maxBytes: 5 * 1024 * 1024, kinds: ['png', 'jpeg'] });
 *   const stored = await runtime.storage.put(key, upload.stream, { contentType: upload.contentType });
 *
 * - the type comes from the file's first bytes (file-kinds.ts), not from the client's Content-Type
 *   or name: anything else is a 415 `unsupported_file_type`;
 * - the size limit is enforced while streaming: past maxBytes the stream fails with a 413
 *   `file_too_large` (busboy truncates silently, so `truncated` is checked here), and a storage put
 *   fed by it fails without leaving a file;
 * - the name is sanitized (sanitizeFileName) and its extension made to match the bytes;
 * - on every refusal the file stream is drained, because an unconsumed multipart stream hangs the
 *   request. A handler that decides not to store the file after all calls `discard()`.
 * Only the fields sent BEFORE the file part are known here (multipart is read in order).
 * @fastify/multipart is registered per module plugin (`app.register(multipart, multipartDefaults)`),
 * not at the root: a module that registers its own would otherwise collide with the root parser.
 */
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyMultipartBaseOptions, MultipartFile } from '@fastify/multipart';
import { AppError, badRequest } from '../errors.js';
import { fileKinds, sanitizeFileName, sniffBytes, sniffKind, type FileKind } from './file-kinds.js';

export type { FileKind } from './file-kinds.js';

/** Options to register @fastify/multipart with: generous ceilings; each route narrows them. */
export const multipartDefaults: FastifyMultipartBaseOptions = {
  limits: { fileSize: 200 * 1024 * 1024, files: 5, fields: 50, fieldSize: 100 * 1024, parts: 60, headerPairs: 100 },
  throwFileSizeLimit: true,
};

export interface UploadRules {
  maxBytes: number;
  kinds: FileKind[];
}

export interface GuardedUpload {
  fieldName: string;
  fileName: string;
  kind: FileKind;
  contentType: string;
  fields: Record<string, string>;
  /** The file's bytes; errors with 413 past maxBytes. Consume it (storage.put) or call discard(). */
  stream: Readable;
  discard(): void;
}

const tooLarge = (maxBytes: number) => new AppError(413, 'file_too_large', `The file is larger than ${maxBytes} bytes`);

export async function receiveUpload(request: FastifyRequest, rules: UploadRules): Promise<GuardedUpload> {
  if (!request.isMultipart()) throw new AppError(415, 'multipart_required', 'Send the file as multipart/form-data');
  const part = await request.file({ limits: { fileSize: rules.maxBytes, files: 1 }, throwFileSizeLimit: true });
  if (!part) throw badRequest('file_required', 'The request carries no file', 'body/file');
  return guardFile(part, rules);
}

/**
 * One file part checked as receiveUpload checks it: its type from its first bytes (415), its size
 * while it streams (413 past maxBytes, or where busboy cut it). Drained on refusal.
 */
export async function guardFile(part: MultipartFile, rules: UploadRules): Promise<GuardedUpload> {
  const file = part.file;
  const discard = () => {
    file.resume();
  };
  let head: Buffer;
  let complete: boolean;
  try {
    ({ head, complete } = await readHead(file, sniffBytes));
  } catch (error) {
    discard();
    throw error;
  }
  if (file.truncated) throw tooLarge(rules.maxBytes);
  const kind = sniffKind(head, complete, rules.kinds, { mimetype: part.mimetype, fileName: part.filename });
  if (!kind) {
    discard();
    throw new AppError(415, 'unsupported_file_type', `This upload accepts ${rules.kinds.join(', ')}; the file's content is none of these`);
  }
  return {
    fieldName: part.fieldname,
    fileName: sanitizeFileName(part.filename, kind),
    kind,
    contentType: fileKinds[kind].contentType,
    fields: fieldsOf(part),
    stream: checkedRest(file, head, rules.maxBytes),
    discard,
  };
}

/**
 * Reads at least `size` bytes, or to the end. `complete` is true when fewer came: the file ended.
 * (A stream may hand over all it has buffered in one read() and end right after, so the head
 * cannot be unshift()ed back; checkedRest replays it instead.)
 */
function readHead(stream: Readable, size: number): Promise<{ head: Buffer; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = () => {
      stream.off('readable', onReadable);
      stream.off('end', finish);
      stream.off('error', onError);
      resolve({ head: Buffer.concat(chunks), complete: length < size });
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while (length < size && (chunk = stream.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length >= size) finish();
    };
    const onError = (error: Error) => {
      stream.off('readable', onReadable);
      stream.off('end', finish);
      reject(error);
    };
    stream.on('readable', onReadable);
    stream.once('end', finish);
    stream.once('error', onError);
  });
}

/** The head, then the rest of the file, failing at the end if busboy cut the file short. */
function checkedRest(file: MultipartFile['file'], head: Buffer, maxBytes: number): Readable {
  async function* bytes() {
    yield head;
    for await (const chunk of file) yield chunk as Buffer;
    if (file.truncated) throw tooLarge(maxBytes);
  }
  return Readable.from(bytes(), { objectMode: false });
}

function fieldsOf(part: MultipartFile): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, entry] of Object.entries(part.fields)) {
    const last = Array.isArray(entry) ? entry.at(-1) : entry;
    if (last && last.type === 'field' && typeof last.value === 'string') fields[name] = last.value;
  }
  return fields;
}
