import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { createSharedDataset } from './create-dataset.js';
import { sqlPoolOf } from '../sql/sql-pool-of.js';
import { maxCompressedBytes, maxScriptBytes } from './gzip-script.js';

const t = await testApp({ storage: { driver: 'disk', root: mkdtempSync(join(tmpdir(), 'assay-datasets-')) } });
afterAll(() => t.close());

let a: TenantFixture;
let b: TenantFixture;
let sharedId: string;

beforeAll(async () => {
  await sqlPoolOf(t.runtime).warmUp();
  a = await createTenant(t.runtime, 'Datasets A');
  b = await createTenant(t.runtime, 'Datasets B');
  sharedId = (await createSharedDataset(t.runtime, { name: 'World', upload: gzipSync('CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT);') }))._id;
});

/** A multipart/form-data body as a browser would send it. */
function form(fields: Record<string, string>, file?: { content: Buffer; filename?: string }) {
  const boundary = `----assay${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename ?? 'data.sql.gz'}"\r\nContent-Type: application/gzip\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(tenant: TenantFixture, fields: Record<string, string>, content?: Buffer) {
  const body = form(fields, content ? { content } : undefined);
  return t.app.inject({ method: 'POST', url: '/assessments/questions/datasets', payload: body.payload, headers: { ...tenant.keyHeaders, ...body.headers } });
}

const script = `
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total REAL);
INSERT INTO customers VALUES (1, 'Ann'), (2, 'Bob');
INSERT INTO orders VALUES (10, 1, 9.5), (11, 1, 20), (12, 2, 7.25);
`;

describe('question datasets', () => {
  let created: { _id: string; table_names: string[] };

  it('creates a dataset from a gzip upload and answers its tables', async () => {
    const res = await upload(a, { name: 'Shop', description: 'Customers and orders' }, gzipSync(script));
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(await t.runtime.storage.exists(res.json().path)).toBe(true);
    expect(res.json()).toMatchObject({
      name: 'Shop',
      description: 'Customers and orders',
      driver: 'postgres',
      table_names: ['customers', 'orders'],
      table_count: 2,
      company: a.workspace.id,
      status: 'published',
      path: `workspaces/${a.workspace.id}/question-datasets/${res.json()._id}.sql.gz`,
    });
  });

  it('finds its own and shared datasets by id, but not another workspace’s', async () => {
    const own = await t.app.inject({ method: 'GET', url: `/assessments/questions/datasets/${created._id}`, headers: a.keyHeaders });
    expect(own.statusCode).toBe(200);
    expect(own.json()._id).toBe(created._id);
    const shared = await t.app.inject({ method: 'GET', url: `/assessments/questions/datasets/${sharedId}`, headers: b.keyHeaders });
    expect(shared.json()).toMatchObject({ _id: sharedId, company: null, table_names: ['countries'] });
    const foreign = await t.app.inject({ method: 'GET', url: `/assessments/questions/datasets/${created._id}`, headers: b.keyHeaders });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('question_dataset_not_found');
  });

  it('lists the workspace’s datasets with the shared ones, newest first', async () => {
    const listA = await t.app.inject({ method: 'GET', url: '/assessments/questions/datasets', headers: a.keyHeaders });
    const idsA = listA.json<Array<{ _id: string }>>().map((d) => d._id);
    expect(idsA).toContain(created._id);
    expect(idsA).toContain(sharedId);
    expect(idsA.indexOf(created._id)).toBeLessThan(idsA.indexOf(sharedId));
    const listB = await t.app.inject({ method: 'GET', url: '/assessments/questions/datasets?limit=1000', headers: b.keyHeaders });
    const idsB = listB.json<Array<{ _id: string }>>().map((d) => d._id);
    expect(idsB).toContain(sharedId);
    expect(idsB).not.toContain(created._id);
    const page = await t.app.inject({ method: 'GET', url: '/assessments/questions/datasets?limit=1&offset=1', headers: a.keyHeaders });
    expect(page.json()).toHaveLength(1);
    expect(page.json()[0]._id).toBe(idsA[1]);
  });

  it('refuses a file that is not gzip', async () => {
    const res = await upload(a, { name: 'Plain' }, Buffer.from(script));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'dataset_not_gzip', details: [{ field: 'file' }] });
  });

  it('refuses a gzip bomb without inflating it all', async () => {
    const bomb = gzipSync(Buffer.alloc(maxScriptBytes + 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(maxCompressedBytes);
    const res = await upload(a, { name: 'Bomb' }, bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('dataset_too_large');
  });

  it('refuses an upload over the compressed limit', async () => {
    const big = Buffer.concat([Buffer.from([0x1f, 0x8b]), randomBytes(maxCompressedBytes + 1024)]);
    const res = await upload(a, { name: 'Big' }, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('dataset_too_large');
  });

  it('refuses a script that does not load into PostgreSQL, or creates no table', async () => {
    const broken = await upload(a, { name: 'Broken' }, gzipSync('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);'));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('dataset_invalid');
    expect(broken.json().message).toContain('syntax error');
    const empty = await upload(a, { name: 'Empty' }, gzipSync('SELECT 1;'));
    expect(empty.json().code).toBe('dataset_has_no_tables');
    const sqlite = await upload(a, { name: 'SQLite file' }, gzipSync(Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)])));
    expect(sqlite.json().code).toBe('dataset_not_script');
  });

  it('needs a name, a file and a multipart form', async () => {
    expect((await upload(a, {}, gzipSync(script))).json()).toMatchObject({ statusCode: 400, code: 'name_required' });
    expect((await upload(a, { name: 'No file' })).json()).toMatchObject({ statusCode: 400, code: 'file_required' });
    const json = await t.app.inject({ method: 'POST', url: '/assessments/questions/datasets', payload: { name: 'x' }, headers: a.keyHeaders });
    expect(json.statusCode).toBe(415);
  });

  it('lets only a super admin share a dataset', async () => {
    const res = await upload(a, { name: 'Shared?', shared: 'true' }, gzipSync(script));
    expect(res.statusCode).toBe(403);
  });
});
