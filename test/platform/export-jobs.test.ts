import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import S3rver from 's3rver';
import { buildServer } from '../../src/server.js';
import type { Database } from '../../src/platform/db/client.js';
import type { Runtime } from '../../src/platform/runtime.js';
import type { Config } from '../../src/platform/config.js';
import { createMember, createTenant, type TenantFixture } from '../support/fixtures.js';
import { eventually, workerDatabase, workerRuntime, type WorkerDatabase } from '../support/worker-database.js';
import { createUser } from '../../src/modules/identity/users.js';
import { addMember } from '../../src/modules/identity/workspaces/create-workspace.js';
import { createSubaccount } from '../../src/modules/workspace/subaccounts/save-subaccount.js';
import { exportFiles } from '../../src/platform/exports/schema.js';
import { sweepExports } from '../../src/platform/exports/sweep-exports.js';

/**
 * Exports run as jobs, end to end: a real worker (pg-boss on the test database), real disk
 * storage, the HTTP routes. Each describe has its own database, so workers see only its jobs.
 */

const names = ['Ana Export', '=HYPERLINK("http://evil")', 'Quote " and, comma', 'Line\nbreak', 'Ünïcödé ✓'];

interface Harness {
  store: WorkerDatabase;
  database: Database;
  runtime: Runtime;
  app: FastifyInstance;
  dirs: string[];
}

const disk = (root: string): Config['storage'] => ({ driver: 'disk', root });

async function start(storage: Config['storage'], jobs = {}): Promise<Harness> {
  const store = await workerDatabase();
  const database = await store.open();
  const runtime = await workerRuntime(database, { storage }, jobs);
  const app = await buildServer(runtime, { validateResponses: true });
  await app.ready();
  return { store, database, runtime, app, dirs: [] };
}

async function stop(h: Harness | undefined): Promise<void> {
  if (!h) return;
  await h.app.close();
  await h.runtime.close();
  await h.database.close();
  await h.store.drop();
}

async function hire(runtime: Runtime, workspaceId: string): Promise<void> {
  for (const [i, displayName] of names.entries()) {
    const user = await createUser(runtime.database.db, { email: `export.job.${workspaceId}.${i}@example.test`, displayName, confirmed: true });
    await addMember(runtime.database.db, workspaceId, user.id, { roles: 'user', permissions: i === 0 ? ['read_user'] : [] });
  }
}

/** Polls GET /exports/:id until the export leaves queued/running. */
function settled(app: FastifyInstance, headers: Record<string, string>, id: string) {
  return eventually(
    async () => {
      const res = await app.inject({ method: 'GET', url: `/exports/${id}`, headers });
      expect(res.statusCode).toBe(200);
      const view = res.json();
      return view.status === 'done' || view.status === 'failed' ? view : undefined;
    },
    30_000,
    `export ${id} to finish`,
  );
}

describe('exports as jobs', () => {
  let h: Harness;
  let storageRoot: string;
  let acme: TenantFixture;
  let other: TenantFixture;

  beforeAll(async () => {
    storageRoot = mkdtempSync(join(tmpdir(), 'assay-exports-'));
    h = await start(disk(storageRoot));
    acme = await createTenant(h.runtime, 'Acme Exports');
    other = await createTenant(h.runtime, 'Other Exports');
    await hire(h.runtime, acme.workspace.id);
  });
  afterAll(async () => {
    await stop(h);
    rmSync(storageRoot, { recursive: true, force: true });
  });

  it('the users CSV asked for as a job downloads byte for byte as the streamed one', async () => {
    const body = { search: 'a' };
    const headers = { ...acme.keyHeaders, 'x-language': 'pt' };
    const streamed = await h.app.inject({ method: 'POST', url: '/workspace/users/export', headers, payload: body });
    expect(streamed.statusCode).toBe(200);
    const expectedRows = parse(streamed.body.replace(/^\ufeff/, ''));
    expect(expectedRows.length).toBeGreaterThan(3);

    const asked = await h.app.inject({ method: 'POST', url: '/workspace/users/export?async=true', headers, payload: body });
    expect(asked.statusCode).toBe(202);
    const job = asked.json();
    expect(job).toMatchObject({ status: 'queued', url: `/exports/${job._id}`, type: 'users', download_url: null, author: acme.admin.id });
    expect(asked.headers.location).toBe(job.url);

    const done = await settled(h.app, acme.keyHeaders, job._id);
    expect(done).toMatchObject({ status: 'done', rows: expectedRows.length - 1, size: streamed.rawPayload.length, error: null, attempts: 1 });
    expect(done.download_url).toBe(`/exports/${job._id}/download`);
    expect(new Date(done.expires).getTime()).toBeGreaterThan(new Date(done.finished).getTime());

    const file = await h.app.inject({ method: 'GET', url: done.download_url, headers: acme.adminHeaders });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(`filename="${done.file_name}"`);
    expect(done.file_name).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(Buffer.compare(file.rawPayload, streamed.rawPayload)).toBe(0);
  });

  it('Prefer: respond-async asks for the job too; a bad filter is refused before any job exists', async () => {
    const asked = await h.app.inject({ method: 'POST', url: '/workspace/credits/export', headers: { ...acme.keyHeaders, prefer: 'respond-async' }, payload: {} });
    expect(asked.statusCode).toBe(202);
    expect(asked.headers['preference-applied']).toBe('respond-async');
    const done = await settled(h.app, acme.keyHeaders, asked.json()._id);
    expect(done).toMatchObject({ type: 'credits', status: 'done', rows: 0 });

    const before = await h.database.db.select({ n: sql<number>`count(*)::int` }).from(exportFiles).where(eq(exportFiles.workspaceId, acme.workspace.id));
    const bad = await h.app.inject({ method: 'POST', url: '/workspace/users/export?async=true', headers: acme.keyHeaders, payload: { startDate: 'soon' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('body/startDate');
    const after = await h.database.db.select({ n: sql<number>`count(*)::int` }).from(exportFiles).where(eq(exportFiles.workspaceId, acme.workspace.id));
    expect(after[0].n).toBe(before[0].n);
  });

  it("another workspace's export id answers 404, and a member without the export's permission 403", async () => {
    const asked = await h.app.inject({ method: 'POST', url: '/workspace/users/export?async=true', headers: acme.keyHeaders, payload: {} });
    const { _id: id } = asked.json();
    await settled(h.app, acme.keyHeaders, id);
    for (const headers of [other.keyHeaders, other.adminHeaders]) {
      for (const url of [`/exports/${id}`, `/exports/${id}/download`]) {
        const res = await h.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(acme.workspace.id);
      }
    }
    const plain = await createMember(h.runtime, acme.workspace.id, 'user');
    const refused = await h.app.inject({ method: 'GET', url: `/exports/${id}/download`, headers: plain.headers });
    expect(refused.statusCode).toBe(403);
  });

  it('a caller confined to a subaccount reads only exports made within it, which hold only its people', async () => {
    const whole = await h.app.inject({ method: 'POST', url: '/workspace/users/export?async=true', headers: acme.keyHeaders, payload: {} });
    await settled(h.app, acme.keyHeaders, whole.json()._id);
    const unit = await createSubaccount(h.runtime.database.db, { workspaceId: acme.workspace.id, allowedSubaccountIds: [] }, { name: 'Unit' });
    const confined = await createMember(h.runtime, acme.workspace.id, 'admin', { subaccountIds: [unit.id] });

    expect((await h.app.inject({ method: 'GET', url: `/exports/${whole.json()._id}`, headers: confined.headers })).statusCode).toBe(404);
    const own = await h.app.inject({ method: 'POST', url: '/workspace/users/export?async=true', headers: confined.headers, payload: {} });
    expect(own.statusCode).toBe(202);
    const done = await settled(h.app, confined.headers, own.json()._id);
    expect(done).toMatchObject({ status: 'done', rows: 1, author: confined.user.id });
    const file = await h.app.inject({ method: 'GET', url: done.download_url, headers: confined.headers });
    expect(parse(file.body.replace(/^\ufeff/, '')).slice(1).map((r) => r[0])).toEqual([confined.user.id]);
    expect((await h.app.inject({ method: 'GET', url: done.url, headers: acme.adminHeaders })).statusCode).toBe(200);
  });

  it('expired exports are deleted with their files by the sweep', async () => {
    const asked = await h.app.inject({ method: 'POST', url: '/workspace/users/export?async=true', headers: acme.keyHeaders, payload: {} });
    const { _id: id } = asked.json();
    await settled(h.app, acme.keyHeaders, id);
    const [row] = await h.database.db.select().from(exportFiles).where(and(eq(exportFiles.workspaceId, acme.workspace.id), eq(exportFiles.id, id)));
    expect(await h.runtime.storage.exists(row.storageKey)).toBe(true);

    await h.database.db.update(exportFiles).set({ expires: sql`now() - interval '1 minute'` }).where(eq(exportFiles.id, id));
    expect((await h.app.inject({ method: 'GET', url: `/exports/${id}`, headers: acme.keyHeaders })).statusCode).toBe(404);
    expect(await sweepExports(h.runtime)).toBeGreaterThanOrEqual(1);
    expect(await h.runtime.storage.exists(row.storageKey)).toBe(false);
    expect(await h.database.db.select().from(exportFiles).where(eq(exportFiles.id, id))).toEqual([]);
  });
});

describe('exports as jobs on S3 storage', () => {
  let h: Harness;
  let scratch: string;
  let s3server: S3rver;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'assay-exports-s3-'));
    const bucket = 'assay-exports';
    s3server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: scratch, configureBuckets: [{ name: bucket, configs: [] }] });
    const { port } = await s3server.run();
    h = await start({ driver: 's3', bucket, region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
  });
  afterAll(async () => {
    await stop(h);
    await s3server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the stored file is offered through a short-lived signed URL with the streamed bytes', async () => {
    const acme = await createTenant(h.runtime, 'S3 Exports');
    await hire(h.runtime, acme.workspace.id);
    const streamed = await h.app.inject({ method: 'POST', url: '/workspace/users/export', headers: acme.keyHeaders, payload: {} });
    const asked = await h.app.inject({ method: 'POST', url: '/workspace/users/export?async=true', headers: acme.keyHeaders, payload: {} });
    const done = await settled(h.app, acme.keyHeaders, asked.json()._id);
    expect(done).toMatchObject({ status: 'done', rows: names.length + 1 });
    const redirect = await h.app.inject({ method: 'GET', url: done.download_url, headers: acme.keyHeaders });
    expect(redirect.statusCode).toBe(302);
    const signed = await fetch(redirect.headers.location as string);
    expect(signed.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await signed.arrayBuffer()), streamed.rawPayload)).toBe(0);
  });
});

describe('an export whose file cannot be stored', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    // The storage root is a regular file: creating any folder under it fails, for root too.
    dir = mkdtempSync(join(tmpdir(), 'assay-exports-broken-'));
    const notAFolder = join(dir, 'storage');
    writeFileSync(notAFolder, 'not a folder');
    h = await start(disk(notAFolder), { queueOptions: { 'export.csv': { retryLimit: 1, retryDelay: 1, retryBackoff: false } } });
  });
  afterAll(async () => {
    await stop(h);
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends failed with the error after its retries, and has nothing to download', async () => {
    const acme = await createTenant(h.runtime, 'Broken Storage');
    const asked = await h.app.inject({ method: 'POST', url: '/workspace/users/export?async=true', headers: acme.keyHeaders, payload: {} });
    expect(asked.statusCode).toBe(202);
    const failed = await settled(h.app, acme.keyHeaders, asked.json()._id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, download_url: null, rows: null });
    expect(failed.error).toMatch(/ENOTDIR|EEXIST/);
    expect(failed.error).not.toContain(dir);
    const file = await h.app.inject({ method: 'GET', url: `/exports/${failed._id}/download`, headers: acme.keyHeaders });
    expect(file.statusCode).toBe(409);
    expect(file.json().code).toBe('export_not_ready');
    // The attempts gave their database connections back.
    expect(await h.database.query('select 1 as one')).toEqual([{ one: 1 }]);
  });
});

describe('an export asked for before a restart', () => {
  it('is finished by the next process that works jobs', async () => {
    const storageRoot = mkdtempSync(join(tmpdir(), 'assay-exports-restart-'));
    const store = await workerDatabase();
    const database = await store.open();
    let runtime: Runtime | undefined;
    let app: FastifyInstance | undefined;
    try {
      // An API-only process takes the request; nobody works jobs yet.
      runtime = await workerRuntime(database, { workers: false, storage: { driver: 'disk', root: storageRoot } });
      app = await buildServer(runtime, { validateResponses: true });
      const acme = await createTenant(runtime, 'Restart Exports');
      const asked = await app.inject({ method: 'POST', url: '/workspace/users/export?async=true', headers: acme.keyHeaders, payload: {} });
      expect(asked.statusCode).toBe(202);
      await app.close();
      await runtime.close();

      runtime = await workerRuntime(database, { storage: { driver: 'disk', root: storageRoot } });
      app = await buildServer(runtime, { validateResponses: true });
      const done = await settled(app, acme.keyHeaders, asked.json()._id);
      expect(done).toMatchObject({ status: 'done', rows: 1 });
    } finally {
      await app?.close();
      await runtime?.close();
      await database.close();
      await store.drop();
      rmSync(storageRoot, { recursive: true, force: true });
    }
  });
});
