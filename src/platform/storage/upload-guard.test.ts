import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { registerErrorHandling } from '../http/error-handler.js';
import { diskStorage } from './disk-storage.js';
import { sanitizeFileName, sniffKind } from './file-kinds.js';
import { multipartDefaults, receiveUpload, type FileKind } from './upload-guard.js';

const root = mkdtempSync(join(tmpdir(), 'assay-upload-'));
const storage = diskStorage(root);
let app: FastifyInstance;

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20_000, 7)]);
const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(100)]);
const mkv = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88]), Buffer.from('matroska'), Buffer.alloc(100)]);
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(100)]);

beforeAll(async () => {
  app = Fastify();
  registerErrorHandling(app);
  await app.register(multipart, multipartDefaults);
  app.post<{ Querystring: { kinds: string; max: string } }>('/upload', async (request) => {
    const upload = await receiveUpload(request, { maxBytes: Number(request.query.max), kinds: request.query.kinds.split(',') as FileKind[] });
    const stored = await storage.put(`uploads/${upload.kind}-${Date.now()}`, upload.stream, { contentType: upload.contentType });
    return { fileName: upload.fileName, kind: upload.kind, contentType: stored.contentType, size: stored.size, fields: upload.fields, key: stored.key };
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

function form(parts: Array<{ name: string; value: string | Buffer; fileName?: string; type?: string }>) {
  const boundary = '----assay-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName !== undefined ? `; filename="${part.fileName}"` : ''}`;
    const type = part.fileName !== undefined ? `\r\nContent-Type: ${part.type ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(kinds: string, max: number, parts: Parameters<typeof form>[0]) {
  return app.inject({ method: 'POST', url: `/upload?kinds=${kinds}&max=${max}`, ...form(parts) });
}

describe('receiveUpload', () => {
  it('stores a PNG whole, typed by its bytes, with a sanitized name and the fields sent before it', async () => {
    const response = await upload('png,jpeg', 1_000_000, [
      { name: 'label', value: 'snapshot' },
      { name: 'file', value: png, fileName: '../../etc/Photo\u0000 <1>.PNG', type: 'application/x-evil' },
    ]);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ fileName: 'Photo 1.PNG', kind: 'png', contentType: 'image/png', size: png.length, fields: { label: 'snapshot' } });
    const stored = await storage.get(body.key);
    const bytes: Buffer[] = [];
    for await (const chunk of stored.body) bytes.push(chunk as Buffer);
    expect(Buffer.concat(bytes).equals(png)).toBe(true);
  });

  it('refuses content that is not an accepted kind, whatever the client claims (415)', async () => {
    const response = await upload('png,jpeg', 1_000_000, [{ name: 'file', value: '<html><script>alert(1)</script>', fileName: 'cat.png', type: 'image/png' }]);
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_file_type');
  });

  it('refuses a file over the limit with 413 and keeps nothing, also past the sniffed head', async () => {
    const small = await upload('png', 100, [{ name: 'file', value: png, fileName: 'big.png' }]);
    expect(small.statusCode).toBe(413);
    const streamed = await upload('png', 10_000, [{ name: 'file', value: png, fileName: 'big.png' }]);
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().code).toBe('file_too_large');
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const response = await upload('png', png.length, [{ name: 'file', value: png, fileName: 'exact.png' }]);
    expect(response.statusCode).toBe(200);
    expect(response.json().size).toBe(png.length);
  });

  it('tells CSV from text by the declared name and refuses binary posing as text', async () => {
    const csv = await upload('csv,text', 10_000, [{ name: 'file', value: 'name,email\nAna,ana@example.com\n', fileName: 'people.csv', type: 'text/csv' }]);
    expect(csv.json()).toMatchObject({ kind: 'csv', contentType: 'text/csv', fileName: 'people.csv' });
    const text = await upload('csv,text', 10_000, [{ name: 'file', value: 'olá, mundo', fileName: 'notes' }]);
    expect(text.json()).toMatchObject({ kind: 'text', fileName: 'notes.txt' });
    const binary = await upload('csv,text', 10_000, [{ name: 'file', value: Buffer.from([0x41, 0x00, 0x42]), fileName: 'x.csv' }]);
    expect(binary.statusCode).toBe(415);
  });

  it('answers 415 to a request that is not multipart and 400 to one without a file', async () => {
    const json = await app.inject({ method: 'POST', url: '/upload?kinds=png&max=10', payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    const noFile = await upload('png', 1000, [{ name: 'label', value: 'x' }]);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().details[0].field).toBe('body/file');
  });
});

describe('sniffKind', () => {
  it.each([
    [gzipSync(Buffer.from('create table t (a int);')), 'gzip'],
    [png, 'png'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpeg'],
    [webm, 'webm'],
    [mp4, 'mp4'],
    [Buffer.from('%PDF-1.7\n...'), 'pdf'],
    [Buffer.from('a,b\n1,2\n'), 'text'],
    [mkv, undefined],
    [Buffer.from([0x4d, 0x5a, 0x90, 0x00]), undefined],
    [Buffer.alloc(0), undefined],
  ])('recognises %#', (head, kind) => {
    const all: FileKind[] = ['gzip', 'png', 'jpeg', 'webm', 'mp4', 'pdf', 'text'];
    expect(sniffKind(head as Buffer, true, all, {})).toBe(kind);
  });

  it('accepts UTF-8 text cut inside a character at the end of the head', () => {
    const cut = Buffer.from('ação').subarray(0, 4);
    expect(sniffKind(cut, false, ['text'], {})).toBe('text');
    expect(sniffKind(cut, true, ['text'], {})).toBeUndefined();
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['report.pdf', 'pdf', 'report.pdf'],
    ['C:\\Users\\ana\\cv.pdf', 'pdf', 'cv.pdf'],
    ['.htaccess', 'text', 'htaccess.txt'],
    ['evil.html', 'png', 'evil.html.png'],
    ['invoice\u202Efdp.exe', 'pdf', 'invoicefdp.exe.pdf'],
    [undefined, 'jpeg', 'file.jpg'],
    [`${'a'.repeat(300)}.csv`, 'csv', `${'a'.repeat(116)}.csv`],
  ])('%j as %s → %j', (name, kind, expected) => {
    expect(sanitizeFileName(name, kind as FileKind)).toBe(expected);
  });
});
