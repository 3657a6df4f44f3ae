import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { testApp } from '../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../test/support/fixtures.js';
import { insertOwnQuestion, insertPublicQuestion } from './run-test-questions.js';
import { publicQuestions, questions } from './schema.js';

const t = await testApp({ storage: { driver: 'disk', root: mkdtempSync(join(tmpdir(), 'assay-question-files-')) } });
afterAll(() => t.close());

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenant(t.runtime, 'Files A');
  b = await createTenant(t.runtime, 'Files B');
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
const PDF = Buffer.from('%PDF-1.4\n%test\n');

function form(content: Buffer, filename: string, type = 'application/octet-stream') {
  const boundary = `----assay${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(tenant: TenantFixture, id: string, what: 'media' | 'bootstrap', content: Buffer, filename: string) {
  const body = form(content, filename);
  return t.app.inject({ method: 'POST', url: `/assessments/questions/${id}/${what}`, headers: { ...tenant.keyHeaders, ...body.headers }, payload: body.payload });
}

/** Several files in one form, as parts named `files`. */
function uploadMany(tenant: TenantFixture, id: string, files: Array<{ content: Buffer; filename: string }>) {
  const boundary = `----assay${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    ...files.flatMap((file) => [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url: `/assessments/questions/${id}/media`, headers: { ...tenant.keyHeaders, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

const download = (tenant: TenantFixture, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { ...tenant.keyHeaders, ...headers } });

async function stored(id: string) {
  const [row] = await t.runtime.database.db.select().from(questions).where(and(eq(questions.workspaceId, a.workspace.id), eq(questions.id, id)));
  return row;
}

describe('question attachments', () => {
  it('stores an image and a PDF, lists them, and deletes one by its path', async () => {
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'essay' });
    const first = await upload(a, id, 'media', PNG, 'diagram.png');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().docs).toEqual([expect.objectContaining({ name: 'diagram.png', content_type: 'image/png', size: PNG.length })]);
    const second = await upload(a, id, 'media', PDF, 'brief');
    expect(second.json().docs.map((d: { name: string }) => d.name)).toEqual(['diagram.png', 'brief.pdf']);
    const path = first.json().docs[0].path as string;
    expect(path).toMatch(new RegExp(`^workspaces/${a.workspace.id}/questions/${id}/attachments/`));
    expect(await t.runtime.storage.exists(path)).toBe(true);

    const removed = await t.app.inject({ method: 'DELETE', url: `/assessments/questions/${id}/media`, headers: a.keyHeaders, payload: { path } });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().docs.map((d: { name: string }) => d.name)).toEqual(['brief.pdf']);
    expect(await t.runtime.storage.exists(path)).toBe(false);
    expect((await stored(id)).attachments).toHaveLength(1);
    const again = await t.app.inject({ method: 'DELETE', url: `/assessments/questions/${id}/media`, headers: a.keyHeaders, payload: { path } });
    expect(again.json()).toMatchObject({ statusCode: 404, code: 'attachment_not_found' });
  });

  it('holds at most 15 attachments', async () => {
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'essay' });
    for (let i = 0; i < 15; i += 1) expect((await upload(a, id, 'media', PNG, `p${i}.png`)).statusCode).toBe(201);
    const sixteenth = await upload(a, id, 'media', PNG, 'p15.png');
    expect(sixteenth.statusCode).toBe(409);
    expect(sixteenth.json().code).toBe('attachment_limit_reached');
    expect((await stored(id)).attachments).toHaveLength(15);
  });

  it('refuses a type outside the list and an image over 5 MB, keeping nothing', async () => {
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'essay' });
    const text = await upload(a, id, 'media', Buffer.from('just text'), 'notes.txt');
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('unsupported_file_type');
    const html = await upload(a, id, 'media', Buffer.from('<html><script>alert(1)</script></html>'), 'evil.png');
    expect(html.statusCode).toBe(415);
    const big = await upload(a, id, 'media', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'huge.png');
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('file_too_large');
    expect((await stored(id)).attachments).toEqual([]);
  });

  it('takes several files in one request, all or nothing, naming the part refused', async () => {
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'essay' });
    const both = await uploadMany(a, id, [{ content: PNG, filename: 'a.png' }, { content: PDF, filename: 'b.pdf' }]);
    expect(both.statusCode, both.body).toBe(201);
    expect(both.json().docs.map((d: { name: string; url: string }) => d.name)).toEqual(['a.png', 'b.pdf']);
    const refused = await uploadMany(a, id, [{ content: PDF, filename: 'c.pdf' }, { content: Buffer.from('just text'), filename: 'd.txt' }]);
    expect(refused.statusCode).toBe(415);
    expect(refused.json().details).toEqual([{ field: 'body/files/1', message: expect.any(String) }]);
    const over = await uploadMany(a, id, Array.from({ length: 14 }, (_, i) => ({ content: PNG, filename: `p${i}.png` })));
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'attachment_limit_reached', details: [{ field: 'body/files/13' }] });
    expect((await stored(id)).attachments.map((f) => f.name)).toEqual(['a.png', 'b.pdf']);
  });

  it('downloads an attachment of an own or a public question; another workspace\'s is not found', async () => {
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'essay' });
    const [doc] = (await upload(a, id, 'media', PNG, 'diagram.png')).json().docs;
    expect(doc.url).toBe(`/assessments/questions/${id}/media/${doc.path.split('/').pop()}`);
    const file = await download(a, doc.url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(file.headers).toMatchObject({ 'content-type': 'image/png', 'content-length': String(PNG.length), 'content-disposition': expect.stringContaining('filename="diagram.png"') });
    const range = await download(a, doc.url, { range: `bytes=-8` });
    expect(range.statusCode).toBe(206);
    expect(range.rawPayload.equals(PNG.subarray(PNG.length - 8))).toBe(true);
    expect((await download(b, doc.url)).statusCode).toBe(404);
    expect((await download(a, `/assessments/questions/${id}/media/nope.png`)).json()).toMatchObject({ statusCode: 404, code: 'attachment_not_found' });
    expect((await t.app.inject({ method: 'GET', url: (await t.app.inject({ method: 'GET', url: `/assessments/questions/${id}`, headers: a.keyHeaders })).json().attachments[0].url, headers: a.keyHeaders })).statusCode).toBe(200);

    // A public question's attachments are readable by every workspace, as the question is.
    const shared = await insertPublicQuestion(t.runtime.database.db, { type: 'essay' });
    const path = `workspaces/${a.workspace.id}/questions/${shared}/attachments/shared.pdf`;
    await t.runtime.storage.put(path, PDF, { contentType: 'application/pdf' });
    await t.runtime.database.db.update(publicQuestions).set({ attachments: [{ path, name: 'shared.pdf', content_type: 'application/pdf', size: PDF.length, created: new Date().toISOString() }] }).where(eq(publicQuestions.id, shared));
    const publicFile = await download(b, `/assessments/questions/${shared}/media/shared.pdf`);
    expect(publicFile.statusCode).toBe(200);
    expect(publicFile.body).toBe(PDF.toString());
  });

  it('keeps public questions read-only and other workspaces\' questions out of reach', async () => {
    const own = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'essay' });
    const foreign = await upload(b, own, 'media', PNG, 'x.png');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('question_not_found');
    const shared = await insertPublicQuestion(t.runtime.database.db, { type: 'essay' });
    const readOnly = await upload(a, shared, 'media', PNG, 'x.png');
    expect(readOnly.statusCode).toBe(409);
    expect(readOnly.json().code).toBe('public_question_read_only');
    const json = await t.app.inject({ method: 'POST', url: `/assessments/questions/${own}/media`, headers: a.keyHeaders, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });
});

describe('question bootstrap file', () => {
  it('uploads, replaces (deleting the old file) and deletes the starter file', async () => {
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'project' });
    const first = await upload(a, id, 'bootstrap', gzipSync('starter'), 'starter.tar.gz');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().bootstrap).toMatchObject({ name: 'starter.tar.gz', content_type: 'application/gzip' });
    const oldPath = first.json().bootstrap.path as string;

    const second = await upload(a, id, 'bootstrap', Buffer.from('def solve():\n    pass\n'), 'main.txt');
    expect(second.statusCode).toBe(201);
    expect(second.json().bootstrap).toMatchObject({ name: 'main.txt', content_type: 'text/plain' });
    expect(await t.runtime.storage.exists(oldPath)).toBe(false);
    expect((await stored(id)).bootstrap).toMatchObject({ name: 'main.txt' });

    const removed = await t.app.inject({ method: 'DELETE', url: `/assessments/questions/${id}/bootstrap`, headers: a.keyHeaders });
    expect(removed.statusCode).toBe(204);
    expect((await stored(id)).bootstrap).toBeNull();
    expect(await t.runtime.storage.exists(second.json().bootstrap.path as string)).toBe(false);
    const again = await t.app.inject({ method: 'DELETE', url: `/assessments/questions/${id}/bootstrap`, headers: a.keyHeaders });
    expect(again.json()).toMatchObject({ statusCode: 404, code: 'bootstrap_not_found' });
  });

  it('downloads the bootstrap file; none, or another workspace\'s, is not found', async () => {
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'project' });
    const url = `/assessments/questions/${id}/bootstrap`;
    expect((await download(a, url)).json()).toMatchObject({ statusCode: 404, code: 'bootstrap_not_found' });
    const starter = gzipSync('starter');
    expect((await upload(a, id, 'bootstrap', starter, 'starter.tar.gz')).json().bootstrap.url).toBe(url);
    const file = await download(a, url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(starter)).toBe(true);
    expect(file.headers).toMatchObject({ 'content-type': 'application/gzip', 'content-disposition': expect.stringContaining('filename="starter.tar.gz"') });
    expect((await download(b, url)).statusCode).toBe(404);
  });

  it('refuses a binary that is not an archive, and another workspace', async () => {
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'project' });
    expect((await upload(a, id, 'bootstrap', PNG, 'x.png')).statusCode).toBe(415);
    expect((await upload(b, id, 'bootstrap', gzipSync('x'), 'x.gz')).statusCode).toBe(404);
    const foreign = await t.app.inject({ method: 'DELETE', url: `/assessments/questions/${id}/bootstrap`, headers: b.keyHeaders });
    expect(foreign.statusCode).toBe(404);
  });
});
