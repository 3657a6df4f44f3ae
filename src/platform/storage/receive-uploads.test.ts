import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { registerErrorHandling } from '../http/error-handler.js';
import { diskStorage } from './disk-storage.js';
import { multipartDefaults } from './upload-guard.js';
import { receiveUploads } from './receive-uploads.js';
import { AppError } from '../errors.js';

const root = mkdtempSync(join(tmpdir(), 'assay-uploads-'));
const storage = diskStorage(root);
let app: FastifyInstance;
let counter = 0;

const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size - 8, 7)]);
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);
const gzip = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

beforeAll(async () => {
  app = Fastify();
  registerErrorHandling(app);
  await app.register(multipart, multipartDefaults);
  app.post<{ Querystring: { max?: string; tooMany?: string } }>('/upload', async (request) => {
    const batch = `batch-${(counter += 1)}`;
    const { files, fields } = await receiveUploads(
      request,
      {
        maxFiles: Number(request.query.max ?? 3),
        kinds: ['png', 'pdf'],
        maxBytesOf: (kind) => (kind === 'png' ? 1000 : 5000),
        ...(request.query.tooMany ? { tooMany: () => new AppError(409, 'too_many_media', 'Full') } : {}),
      },
      (upload, index) => storage.put(`${batch}/${index}-${upload.fileName}`, upload.stream, { contentType: upload.contentType }),
      async (stored) => {
        for (const file of stored) await storage.delete(file.key);
      },
    );
    return { files, fields };
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

type Part = { name: string; value: string | Buffer; fileName?: string };
function form(parts: Part[]) {
  const boundary = '----assay-uploads-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName !== undefined ? `; filename="${part.fileName}"` : ''}`;
    const type = part.fileName !== undefined ? '\r\nContent-Type: application/octet-stream' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (parts: Part[], query = '') => app.inject({ method: 'POST', url: `/upload${query}`, ...form(parts) });
const file = (value: Buffer, fileName: string): Part => ({ name: 'files', value, fileName });
/** Files the disk holds, the driver's own bookkeeping aside. */
const filesOnDisk = () => (readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string }>)
  .filter((entry) => entry.isFile() && !entry.parentPath.includes('.meta') && !entry.parentPath.includes('.tmp')).length;

describe('receiveUploads', () => {
  it('stores every file of the request, in order, each typed by its bytes, with the fields', async () => {
    const response = await upload([{ name: 'note', value: 'two files' }, file(png(900), 'a.png'), file(pdf(4000), 'b.pdf'), { name: 'file', value: png(20), fileName: 'c.png' }]);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.fields).toEqual({ note: 'two files' });
    expect(body.files.map((f: { contentType: string; size: number }) => [f.contentType, f.size])).toEqual([['image/png', 900], ['application/pdf', 4000], ['image/png', 20]]);
  });

  it('refuses the whole request at the first bad part, naming it, and keeps none of the files before it', async () => {
    const before = filesOnDisk();
    const wrongType = await upload([file(png(100), 'a.png'), file(gzip, 'b.gz'), file(png(100), 'c.png')]);
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ code: 'unsupported_file_type', details: [{ field: 'body/files/1' }] });

    const tooLarge = await upload([file(png(100), 'a.png'), file(pdf(4000), 'b.pdf'), file(png(1001), 'c.png')]);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'file_too_large', details: [{ field: 'body/files/2' }] });

    // A PNG within the PDF limit (the parser's ceiling) but over its own.
    const overKind = await upload([file(png(4000), 'a.png')]);
    expect(overKind.statusCode).toBe(413);
    expect(overKind.json().details).toEqual([{ field: 'body/files/0', message: expect.any(String) }]);
    expect(filesOnDisk()).toBe(before);
  });

  it('refuses a part past the maximum count, naming it', async () => {
    const before = filesOnDisk();
    const four = [file(png(50), 'a.png'), file(png(50), 'b.png'), file(png(50), 'c.png'), file(png(50), 'd.png')];
    const response = await upload(four);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'too_many_files', details: [{ field: 'body/files/3' }] });
    const full = await upload(four.slice(0, 2), '?max=1&tooMany=1');
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'too_many_media', details: [{ field: 'body/files/1' }] });
    expect(filesOnDisk()).toBe(before);
  });

  it('asks for multipart with at least one file', async () => {
    const none = await upload([{ name: 'note', value: 'no file' }]);
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'file_required', details: [{ field: 'body/files' }] });
    const json = await app.inject({ method: 'POST', url: '/upload', payload: { files: [] } });
    expect(json.statusCode).toBe(415);
  });
});
