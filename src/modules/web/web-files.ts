import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { webDist } from './web-paths.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebFile {
  body: Buffer;
  type: string;
  /** `br` or `gzip` when the body is the precompressed copy. */
  encoding?: 'br' | 'gzip';
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** Inside the build, a file, and not one of its hidden ones (the source hash, Vite's manifest). */
function servable(full: string): boolean {
  if (!full.startsWith(webDist) || full.endsWith(sep) || full.endsWith('.br') || full.endsWith('.gz')) return false;
  return !relative(webDist, full).split(sep).some((part) => part.startsWith('.'));
}

/**
 * A file of the build by its path under web/dist, in the best encoding the client accepts
 * (the build writes .br and .gz copies). Undefined when there is no such file or the path leaves the build.
 */
export async function readWebFile(path: string, acceptEncoding = ''): Promise<WebFile | undefined> {
  const full = normalize(join(webDist, path));
  if (!servable(full)) return undefined;
  const type = types[extname(full)] ?? 'application/octet-stream';
  if (/\bbr\b/.test(acceptEncoding)) {
    const body = await readOptional(`${full}.br`);
    if (body) return { body, type, encoding: 'br' };
  }
  if (/\bgzip\b/.test(acceptEncoding)) {
    const body = await readOptional(`${full}.gz`);
    if (body) return { body, type, encoding: 'gzip' };
  }
  const body = await readOptional(full);
  return body ? { body, type } : undefined;
}
