import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { pino } from 'pino';
import { testConfig, testDatabase } from '../../../test/support/app.js';
import { AppError } from '../errors.js';
import { createRuntime } from '../create-runtime.js';
import { createStorage } from './create-storage.js';
import { s3Storage } from './s3-storage.js';
import { storageKey, type FileStorage } from './storage.js';
import type { ByteRange } from './byte-range.js';

const scratch = mkdtempSync(join(tmpdir(), 'assay-storage-'));
const bucket = 'assay-test';
let s3server: S3rver;
let endpoint: string;

beforeAll(async () => {
  // s3rver (npm) runs on Node 20 and speaks enough S3 for PUT/GET/HEAD/DELETE, multipart and presigned GETs.
  s3server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(scratch, 's3'), configureBuckets: [{ name: bucket, configs: [] }] });
  const address = await s3server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await s3server.close();
  rmSync(scratch, { recursive: true, force: true });
});

const s3Config = () => ({ driver: 's3' as const, bucket, region: 'us-east-1', endpoint, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });

/** A stream of `count` chunks of 64 KiB, each filled with its index. */
function chunks(count: number): Readable {
  return Readable.from(Array.from({ length: count }, (_, i) => Buffer.alloc(64 * 1024, i % 256)));
}

async function bytes(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe.each([
  ['disk', () => createStorage({ driver: 'disk', root: join(scratch, 'disk') })],
  ['s3', () => createStorage(s3Config())],
])('%s storage', (driver, make) => {
  let storage: FileStorage;
  beforeAll(() => {
    storage = make();
  });
  afterAll(async () => {
    await storage.close();
  });

  it('stores a buffer and reads it back with its content type', async () => {
    const stored = await storage.put('workspaces/w1/notes/a.txt', Buffer.from('hello, world'), { contentType: 'text/plain' });
    expect(stored).toEqual({ key: 'workspaces/w1/notes/a.txt', size: 12, contentType: 'text/plain' });
    expect(await storage.exists('workspaces/w1/notes/a.txt')).toBe(true);
    const file = await storage.get('workspaces/w1/notes/a.txt');
    expect(file).toMatchObject({ size: 12, contentType: 'text/plain' });
    expect(await text(file.body)).toBe('hello, world');
  });

  it('stores a stream of unknown length larger than one S3 part', async () => {
    const stored = await storage.put('workspaces/w1/videos/big.webm', chunks(100), { contentType: 'video/webm' });
    expect(stored.size).toBe(100 * 64 * 1024);
    const data = await bytes((await storage.get('workspaces/w1/videos/big.webm')).body);
    expect(data.length).toBe(100 * 64 * 1024);
    expect(data[0]).toBe(0);
    expect(data[data.length - 1]).toBe(99);
  });

  it('replaces a file on a second put', async () => {
    await storage.put('workspaces/w1/replace.bin', Buffer.from('one'), { contentType: 'application/octet-stream' });
    await storage.put('workspaces/w1/replace.bin', Buffer.from('second'), { contentType: 'text/plain' });
    const file = await storage.get('workspaces/w1/replace.bin');
    expect(file.contentType).toBe('text/plain');
    expect(await text(file.body)).toBe('second');
  });

  it('reads one byte range, a suffix and an open end, and refuses a range past the end with the size', async () => {
    const key = 'workspaces/w1/range.txt';
    await storage.put(key, Buffer.from('0123456789'), { contentType: 'text/plain' });
    const read = async (range: ByteRange) => {
      const file = await storage.get(key, { range });
      return { size: file.size, range: file.range, text: await text(file.body) };
    };
    expect(await read({ start: 2, end: 4 })).toEqual({ size: 10, range: { start: 2, end: 4 }, text: '234' });
    expect(await read({ suffix: 3 })).toEqual({ size: 10, range: { start: 7, end: 9 }, text: '789' });
    expect(await read({ start: 8 })).toEqual({ size: 10, range: { start: 8, end: 9 }, text: '89' });
    expect(await read({ start: 5, end: 100 })).toEqual({ size: 10, range: { start: 5, end: 9 }, text: '56789' });
    expect((await storage.get(key)).range).toBeUndefined();
    await expect(storage.get(key, { range: { start: 10 } })).rejects.toMatchObject({ statusCode: 416, size: 10 });
  });

  it('deletes, reports absence, and answers 404 for a missing file', async () => {
    await storage.put('workspaces/w1/gone.txt', Buffer.from('x'), { contentType: 'text/plain' });
    await storage.delete('workspaces/w1/gone.txt');
    await storage.delete('workspaces/w1/gone.txt');
    expect(await storage.exists('workspaces/w1/gone.txt')).toBe(false);
    const error = await storage.get('workspaces/w1/gone.txt').catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ statusCode: 404, code: 'file_not_found' });
  });

  it('leaves nothing behind when the source stream fails midway', async () => {
    const failing = new Readable({ read() {} });
    failing.push(Buffer.alloc(1024, 1));
    setImmediate(() => failing.destroy(new AppError(413, 'file_too_large', 'too large')));
    const error = await storage.put('workspaces/w1/partial.bin', failing, { contentType: 'application/octet-stream' }).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 413 });
    expect(await storage.exists('workspaces/w1/partial.bin')).toBe(false);
    if (driver === 'disk') expect(readdirSync(join(scratch, 'disk', '.tmp'))).toEqual([]);
  });

  it('refuses keys that could leave the storage root', async () => {
    for (const key of ['../outside.txt', '/etc/passwd', 'a/../../b', 'a//b', 'a/./b', 'a/b/', '.meta/a.json', 'a\\..\\b', 'a/..', '', 'ä.txt', 'a/b\u0000.txt']) {
      const error = await storage.put(key, Buffer.from('x'), { contentType: 'text/plain' }).catch((e) => e);
      expect(error, key).toMatchObject({ statusCode: 400, code: 'invalid_storage_key' });
      await expect(storage.get(key), key).rejects.toMatchObject({ statusCode: 400 });
    }
  });

  it(driver === 'disk' ? 'has no signed URLs: files are streamed through the API' : 'signs a download URL that works without credentials', async () => {
    await storage.put('workspaces/w1/report.csv', Buffer.from('a,b\n1,2\n'), { contentType: 'text/csv' });
    const url = await storage.downloadUrl('workspaces/w1/report.csv', { fileName: 'Relatório final.csv', expiresInSeconds: 60 });
    if (driver === 'disk') {
      expect(url).toBeUndefined();
      return;
    }
    expect(url).toContain('X-Amz-Signature=');
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('a,b\n1,2\n');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''Relat%C3%B3rio%20final.csv");
  });
});

describe('s3 storage requests', () => {
  it('are signed with SigV4 credentials (the fake refuses an unknown access key)', async () => {
    const storage = s3Storage({ ...s3Config(), accessKeyId: 'NOT-A-KEY' });
    const error = await storage.put('workspaces/w1/x.txt', Buffer.from('x'), { contentType: 'text/plain' }).catch((e) => e);
    expect(error.name).toBe('InvalidAccessKeyId');
    await storage.close();
  });
});

describe('storageKey', () => {
  it('accepts canonical keys unchanged', () => {
    expect(storageKey('workspaces/65f8c2f739ee2f2c21ff9c10/attempts/a-1/snapshot_3.png')).toBe('workspaces/65f8c2f739ee2f2c21ff9c10/attempts/a-1/snapshot_3.png');
  });
});

describe('runtime.storage', () => {
  it('is built from config.storage and closed with the runtime', async () => {
    const database = await testDatabase();
    const root = join(scratch, 'runtime');
    const runtime = await createRuntime(testConfig({ storage: { driver: 'disk', root } }), { database, logger: pino({ level: 'silent' }) });
    try {
      expect(runtime.storage.driver).toBe('disk');
      await runtime.storage.put('exports/e1.csv', Buffer.from('a\n'), { contentType: 'text/csv' });
      expect(readdirSync(join(root, 'exports'))).toEqual(['e1.csv']);
    } finally {
      await runtime.close();
      await database.close();
    }
  });
});
