/**
 * File storage: one interface, a local-disk and an S3 implementation, chosen by config.storage
 * (createStorage in create-storage.ts) and held on the runtime as `runtime.storage`.
 *
 *   put(key, buffer | stream, { contentType }) → { key, size, contentType }   (replaces an existing file)
 *   get(key, { range }?) → { body: Readable, size, contentType, range? }     (404 file_not_found; a range
 *     the file holds none of is a 416 RangeNotSatisfiable; `size` is always the whole file's)
 *   exists(key) → boolean · delete(key) (no error when absent)
 *   downloadUrl(key, { expiresInSeconds, fileName }) → a signed URL (S3), or undefined (disk: stream
 *     the file through the API; sendStoredFile in send-file.ts does either)
 *
 * Keys are chosen by the server, never taken from a client: `workspaces/<id>/attempts/<id>/snapshot-3.png`.
 * storageKey() refuses anything that is not already in canonical form: absolute paths, `..`, `.`,
 * empty segments, backslashes, and characters outside [A-Za-z0-9._-]; a segment may not start
 * with a dot (the disk driver keeps its bookkeeping under `.meta` and `.tmp`).
 */
import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import type { ByteRange, ResolvedRange } from './byte-range.js';

export interface StoredFile {
  key: string;
  size: number;
  contentType: string;
}

export interface FileDownload extends StoredFile {
  /** The whole file, or the bytes of `range` when one was asked for. */
  body: Readable;
  /** The bytes `body` holds, when a range was asked for. */
  range?: ResolvedRange;
}

export interface GetOptions {
  range?: ByteRange;
}

export interface DownloadUrlOptions {
  /** Lifetime of a signed URL; default 300 s. */
  expiresInSeconds?: number;
  /** Offered as the download's file name (Content-Disposition: attachment). */
  fileName?: string;
}

export interface FileStorage {
  readonly driver: 'disk' | 's3';
  put(key: string, body: Readable | Uint8Array, options: { contentType: string }): Promise<StoredFile>;
  get(key: string, options?: GetOptions): Promise<FileDownload>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  downloadUrl(key: string, options?: DownloadUrlOptions): Promise<string | undefined>;
  close(): Promise<void>;
}

const segmentPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$/;
const maxKeyLength = 1024;

/** The key itself when it is safe and canonical; otherwise a 400 (a key never leaves its root). */
export function storageKey(key: string): string {
  const refuse = (why: string) => new AppError(400, 'invalid_storage_key', `Invalid file key: ${why}`);
  if (typeof key !== 'string' || key.length === 0) throw refuse('empty');
  if (key.length > maxKeyLength) throw refuse(`longer than ${maxKeyLength} characters`);
  if (key.startsWith('/')) throw refuse('absolute paths are not allowed');
  for (const segment of key.split('/')) {
    if (segment === '..' || segment === '.') throw refuse('"." and ".." segments are not allowed');
    if (segment === '') throw refuse('empty path segment');
    if (!segmentPattern.test(segment)) throw refuse('segments use only letters, digits, ".", "_" and "-", and do not start with "."');
  }
  return key;
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
