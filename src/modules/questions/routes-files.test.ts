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
import { questions } from './schema.js';

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

  it('refuses a binary that is not an archive, and another workspace', async () => {
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'project' });
    expect((await upload(a, id, 'bootstrap', PNG, 'x.png')).statusCode).toBe(415);
    expect((await upload(b, id, 'bootstrap', gzipSync('x'), 'x.gz')).statusCode).toBe(404);
    const foreign = await t.app.inject({ method: 'DELETE', url: `/assessments/questions/${id}/bootstrap`, headers: b.keyHeaders });
    expect(foreign.statusCode).toBe(404);
  });
});
