import type { FastifyReply } from 'fastify';
import { attachmentDisposition, type FileStorage } from './storage.js';
import { parseRange, RangeNotSatisfiable } from './byte-range.js';

export interface SendFileOptions {
  /** Offered as the download's name; the key's last segment when left out. */
  fileName?: string;
  /** The request's `Range` header: one byte range is answered with a 206 of those bytes. */
  range?: string;
}

/**
 * Answers a download: a 302 to a short-lived signed URL where the storage has them (S3, which
 * takes ranges itself), else the bytes streamed through the API (disk) with Content-Type,
 * Content-Length and Accept-Ranges; one byte range is a 206 with Content-Range, a range past the
 * end a 416 (`Content-Range: bytes *\/size`), several ranges or a malformed one the whole file.
 * Stored files are served as attachments with nosniff, so an uploaded file can never run as a
 * page of our origin.
 */
export async function sendStoredFile(reply: FastifyReply, storage: FileStorage, key: string, options: SendFileOptions = {}): Promise<FastifyReply> {
  const url = await storage.downloadUrl(key, { fileName: options.fileName });
  if (url) return reply.redirect(url, 302);
  const range = parseRange(options.range);
  const file = await storage.get(key, range ? { range } : {}).catch((error: unknown) => {
    if (error instanceof RangeNotSatisfiable) reply.header('content-range', `bytes */${error.size}`);
    throw error;
  });
  reply
    .header('content-type', file.contentType)
    .header('accept-ranges', 'bytes')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', attachmentDisposition(options.fileName ?? key.split('/').pop()!));
  if (!file.range) return reply.header('content-length', file.size).send(file.body);
  const { start, end } = file.range;
  return reply
    .status(206)
    .header('content-range', `bytes ${start}-${end}/${file.size}`)
    .header('content-length', end - start + 1)
    .send(file.body);
}

/** The OpenAPI responses of a file download route: the file, one range of it, or S3's redirect. */
export function fileResponses(description: string) {
  return {
    200: { description: `${description}, streamed as an attachment (Content-Type of the file, Content-Length, Accept-Ranges: bytes)`, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
    206: { description: 'The one byte range asked for in `Range` (Content-Range: bytes start-end/size)', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
    302: { description: 'Redirect to a short-lived signed URL of the file (S3 storage; ranges go there)' },
  } as const;
}
