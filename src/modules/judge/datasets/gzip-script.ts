import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { AppError, badRequest } from '../../../platform/errors.js';

const gunzipAsync = promisify(gunzip);

/** An upload larger than this (compressed) is refused before it is decompressed. */
export const maxCompressedBytes = 10 * 1024 * 1024;
/** Decompression stops here: a gzip bomb costs at most this much memory. */
export const maxScriptBytes = 50 * 1024 * 1024;

const gzipMagic = [0x1f, 0x8b];
const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The SQL script inside a gzip upload. Checks the magic bytes, inflates with a hard output cap
 * (zlib stops at maxOutputLength instead of inflating the whole bomb) and requires UTF-8 text.
 */
export async function readGzipScript(upload: Uint8Array): Promise<string> {
  if (upload.length < 2 || upload[0] !== gzipMagic[0] || upload[1] !== gzipMagic[1]) {
    throw badRequest('dataset_not_gzip', 'The dataset must be a gzip-compressed SQL script (.sql.gz)', 'file');
  }
  let script: Buffer;
  try {
    script = await gunzipAsync(upload, { maxOutputLength: maxScriptBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new AppError(413, 'dataset_too_large', `The decompressed dataset exceeds ${maxScriptBytes / 1024 / 1024} MB`, [
        { field: 'file', message: 'decompressed size over the limit' },
      ]);
    }
    throw badRequest('dataset_corrupt', 'The gzip data is corrupt or truncated', 'file');
  }
  if (script.subarray(0, sqliteMagic.length).equals(sqliteMagic)) {
    throw badRequest('dataset_not_script', 'Upload a SQL script (CREATE TABLE / INSERT ...), not a SQLite database file', 'file');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(script);
  } catch {
    throw badRequest('dataset_not_text', 'The dataset script is not UTF-8 text', 'file');
  }
}
