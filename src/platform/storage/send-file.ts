import type { FastifyReply } from 'fastify';
import { attachmentDisposition, type FileStorage } from './storage.js';

/**
 * Answers a download: a 302 to a short-lived signed URL where the storage has them (S3), else the
 * bytes streamed through the API (disk). Stored files are served as attachments with nosniff, so
 * an uploaded file can never run as a page of our origin.
 */
export async function sendStoredFile(reply: FastifyReply, storage: FileStorage, key: string, options: { fileName?: string } = {}): Promise<FastifyReply> {
  const url = await storage.downloadUrl(key, { fileName: options.fileName });
  if (url) return reply.redirect(url, 302);
  const file = await storage.get(key);
  return reply
    .header('content-type', file.contentType)
    .header('content-length', file.size)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', attachmentDisposition(options.fileName ?? key.split('/').pop()!))
    .send(file.body);
}
