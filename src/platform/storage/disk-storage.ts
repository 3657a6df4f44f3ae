import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { AppError, notFound } from '../errors.js';
import { storageKey, type FileStorage, type StoredFile } from './storage.js';
import { RangeNotSatisfiable, resolveRange } from './byte-range.js';

interface Meta {
  contentType: string;
}

/**
 * Files under `root/<key>`, their content type in `root/.meta/<key>.json`. A put writes to
 * `root/.tmp` and renames into place, so a reader never sees half a file and a failed or
 * oversized upload leaves nothing behind.
 */
export function diskStorage(rootDir: string): FileStorage {
  const root = resolve(rootDir);
  const tmpDir = join(root, '.tmp');

  /** Second line of defence after storageKey: the resolved path must stay under the root. */
  function pathOf(key: string, base = root): string {
    const full = resolve(base, storageKey(key));
    if (!full.startsWith(base + sep)) throw new AppError(400, 'invalid_storage_key', 'Invalid file key: outside the storage root');
    return full;
  }
  const metaPathOf = (key: string) => `${pathOf(key, join(root, '.meta'))}.json`;

  async function readMeta(key: string): Promise<Meta> {
    try {
      return JSON.parse(await readFile(metaPathOf(key), 'utf8')) as Meta;
    } catch {
      return { contentType: 'application/octet-stream' };
    }
  }

  return {
    driver: 'disk',

    async put(key, body, { contentType }) {
      const target = pathOf(key);
      const metaTarget = metaPathOf(key);
      const source = body instanceof Readable ? body : Readable.from([Buffer.from(body)]);
      // An error the source emits before the pipeline below is attached would be uncaught; the
      // pipeline still sees it, because it checks whether its source has already failed.
      source.on('error', () => undefined);
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, randomBytes(12).toString('hex'));
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          callback(null, chunk);
        },
      });
      try {
        await pipeline(source, counter, createWriteStream(tmp));
        await writeFile(`${tmp}.meta`, JSON.stringify({ contentType } satisfies Meta));
        await mkdir(dirname(target), { recursive: true });
        await mkdir(dirname(metaTarget), { recursive: true });
        await rename(`${tmp}.meta`, metaTarget);
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        await rm(`${tmp}.meta`, { force: true });
        throw keyConflict(error) ?? error;
      }
      return { key, size, contentType } satisfies StoredFile;
    },

    async get(key, options = {}) {
      const path = pathOf(key);
      // Open first, then stat the handle: a delete in between cannot turn into a stream error.
      const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
        throw missing(error) ? notFound('File') : error;
      });
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        throw notFound('File');
      }
      const range = options.range && resolveRange(options.range, info.size);
      if (range === null) {
        await handle.close();
        throw new RangeNotSatisfiable(info.size);
      }
      const { contentType } = await readMeta(key);
      return { key, size: info.size, contentType, body: handle.createReadStream(range ?? {}), ...(range ? { range } : {}) };
    },

    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (error) {
        if (missing(error)) return false;
        throw error;
      }
    },

    async delete(key) {
      const path = pathOf(key);
      const info = await stat(path).catch(() => undefined);
      if (info && !info.isFile()) return;
      await rm(path, { force: true });
      await rm(metaPathOf(key), { force: true });
    },

    async downloadUrl() {
      return undefined;
    },

    async close() {},
  };
}

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** `a` stored as a file and then `a/b` asked for (or the reverse): S3 allows it, a disk cannot. */
function keyConflict(error: unknown): AppError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') {
    return new AppError(409, 'storage_key_conflict', 'A file key cannot also be a folder of other files on disk storage');
  }
  return undefined;
}
