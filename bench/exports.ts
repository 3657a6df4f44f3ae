import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { and, eq, sql } from 'drizzle-orm';
import { to as copyTo } from 'pg-copy-streams';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { createRuntime } from '../src/platform/create-runtime.js';
import { modules } from '../src/modules/index.js';
import type { Runtime } from '../src/platform/runtime.js';
import { buildServer } from '../src/server.js';
import { createWorkspace, addMember } from '../src/modules/identity/workspaces/create-workspace.js';
import { createUser } from '../src/modules/identity/users.js';
import { createApiKey } from '../src/modules/identity/api-keys.js';
import { effectivePermissions } from '../src/platform/auth/permissions.js';
import { createEmployees } from '../src/modules/workspace/employees/create-employees.js';
import { exportEmployees, usersCsvExport } from '../src/modules/workspace/employees/export-employees.js';
import { requestExport } from '../src/platform/exports/request-export.js';
import { EXPORT_CSV, runExport } from '../src/platform/exports/run-export.js';
import { exportFiles } from '../src/platform/exports/schema.js';
import { subaccounts } from '../src/modules/identity/workspaces/schema.js';
import { newId } from '../src/platform/ids.js';
import { formatTable } from './measure.js';

/**
 * Exports and bulk creation of employees, each against a baseline in the same run:
 * - the users CSV export (POST /workspace/users/export over a real HTTP listener, body read as a
 *   stream by a client on a thread of its own, and the export's stream alone) vs PostgreSQL's own `COPY (SELECT the same columns of the same rows) TO STDOUT WITH CSV`
 *   (pg-copy-streams). PGlite has no COPY TO STDOUT: there the baselines are `COPY ... TO '/dev/blob'`
 *   (PGlite's in-memory COPY target, which holds the whole file in memory) and a raw keyset
 *   batching loop through the driver (the same batches, no CSV); the same export run as a job
 *   (what ?async=true queues) into disk storage is timed too;
 * - createEmployees of 10k people (accounts, memberships, invitations, e-mails and their jobs, one
 *   transaction) vs a raw multi-row INSERT of the same users and memberships.
 * Peak RSS is sampled every 20 ms while each step runs (on PGlite it includes the database's heap).
 * Steps are measured warm: one unmeasured export runs first.
 */

const exportRows = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const bulkRows = Number(process.env.BENCH_BULK_ROWS ?? 10_000);
/** `pglite`, `postgres` or both (default): one per process gives each its own RSS figures. */
const benchDatabases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const SEED_CHUNK = 100_000;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const rssRange = (result: { startRss: number; peakRss: number }) => `${mb(result.startRss)}→${mb(result.peakRss)}`;

/** Runs `step`, sampling RSS; answers seconds and the peak. */
async function timed<T>(step: () => Promise<T>): Promise<{ seconds: number; startRss: number; peakRss: number; value: T }> {
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  try {
    const value = await step();
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { seconds: (performance.now() - started) / 1000, startRss, peakRss, value };
  } finally {
    clearInterval(sampler);
  }
}

/** Newlines in a chunk (indexOf is a native scan: the count must not cost more than the bytes' transfer). */
function newlines(chunk: Uint8Array): number {
  let lines = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  return lines;
}

/** Lines and bytes of a streamed body. */
async function drain(chunks: AsyncIterable<Uint8Array>): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    lines += newlines(chunk);
  }
  return { lines, bytes };
}

/**
 * The HTTP client of the export, on a worker thread of its own (like the get-by-id bench's): it
 * does not share the server's event loop, so the figure is the server's cost, not the client's.
 * node:http, counting bytes and newlines as they arrive.
 */
const downloadThread = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, headers, body } = workerData;
const req = http.request(url, { method: 'POST', headers }, (res) => {
  let bytes = 0;
  let lines = 0;
  res.on('data', (chunk) => {
    bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  });
  res.on('end', () => parentPort.postMessage({ status: res.statusCode, bytes, lines }));
  res.on('error', (error) => parentPort.postMessage({ error: String(error) }));
});
req.on('error', (error) => parentPort.postMessage({ error: String(error) }));
req.end(body);
`;

function downloadInThread(url: string, headers: Record<string, string>, body: string): Promise<{ lines: number; bytes: number }> {
  const worker = new Worker(downloadThread, { eval: true, workerData: { url, headers, body } });
  return new Promise<{ lines: number; bytes: number }>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { status?: number; bytes?: number; lines?: number; error?: string }) => {
      if (message.status === 200) resolve({ lines: message.lines!, bytes: message.bytes! });
      else reject(new Error(message.error ?? `export answered ${message.status}`));
    });
  }).finally(() => worker.terminate());
}

/** 24-hex ids that cannot collide with newId(): a marker, the run's second, a counter. */
function idExpression(runMark: string, index: string) {
  return `'be' || '${runMark}' || lpad(to_hex(${index}), 14, '0')`;
}

/** One employee in ten belongs to a subaccount, so the export looks its name up. */
async function seedEmployees(database: Database, workspaceId: string, count: number): Promise<void> {
  const runMark = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  const subaccountId = newId();
  await database.db.insert(subaccounts).values({ workspaceId, id: subaccountId, name: 'Bench unit' });
  for (let from = 1; from <= count; from += SEED_CHUNK) {
    const to = Math.min(count, from + SEED_CHUNK - 1);
    await database.exec(`
      insert into users (id, email, display_name, provider)
        select ${idExpression(runMark, 'i')}, 'bench.${workspaceId}.' || i || '@example.test', 'Bench Person ' || i, 'local'
        from generate_series(${from}, ${to}) i;
      insert into memberships (workspace_id, user_id, roles, status, external_id, tags, subaccount_ids)
        select '${workspaceId}', ${idExpression(runMark, 'i')}, case when i % 10 = 0 then 'admin' else 'user' end, 'active', 'ext-' || i, array['t' || (i % 7)],
          case when i % 10 = 1 then array['${subaccountId}']::varchar(24)[] else '{}' end
        from generate_series(${from}, ${to}) i;`);
  }
  // What autovacuum would have done by the time someone exports a million rows (hint bits and
  // visibility map too: otherwise whichever read comes first pays for setting them).
  for (const table of ['users', 'memberships']) await database.exec(`vacuum analyze ${table}`);
}

/** The same columns the users CSV has, of the same rows, in the same order. */
function baselineSelect(workspaceId: string): string {
  return `select m.user_id, u.display_name, u.email, m.roles, m.status, array_to_string(m.permissions, '; '), array_to_string(m.subaccount_ids, '; '),
    m.external_id, array_to_string(m.tags, '; '), m.created, u.last_login
    from memberships m join users u on u.id = m.user_id where m.workspace_id = '${workspaceId}' order by m.user_id`;
}

async function copyBaseline(database: Database, workspaceId: string): Promise<{ lines: number; bytes: number }> {
  if (database.kind === 'pglite') {
    const result = await database.pglite!.query(`copy (${baselineSelect(workspaceId)}) to '/dev/blob' with csv header`);
    const text = Buffer.from(await result.blob!.arrayBuffer());
    let lines = 0;
    for (const byte of text) if (byte === 10) lines += 1;
    return { lines, bytes: text.length };
  }
  const client = await database.pool!.connect();
  try {
    return await drain(client.query(copyTo(`copy (${baselineSelect(workspaceId)}) to stdout with csv header`)));
  } finally {
    client.release();
  }
}

/** The export's own batches through the raw driver, without CSV: the floor of a batched read. */
async function batchLoopBaseline(database: Database, workspaceId: string): Promise<{ lines: number; bytes: number }> {
  const select = baselineSelect(workspaceId).replace(' order by m.user_id', '');
  let after = '';
  let lines = 0;
  for (;;) {
    const rows = await database.query<{ user_id: string }>(`${select} and m.user_id > $1 and u.id > $1 order by m.user_id limit 5000`, [after]);
    lines += rows.length;
    if (rows.length < 5000) return { lines, bytes: 0 };
    after = rows[rows.length - 1].user_id;
  }
}

async function rawBulkInsert(database: Database, workspaceId: string, count: number): Promise<void> {
  const runMark = (Math.floor(Date.now() / 1000) + 1).toString(16).padStart(8, '0');
  await database.db.transaction(async (tx) => {
    for (let from = 0; from < count; from += 1000) {
      const people = Array.from({ length: Math.min(1000, count - from) }, (_, k) => from + k);
      const ids = people.map((i) => `be${runMark}${i.toString(16).padStart(14, '0')}`);
      await tx.execute(sql`insert into users (id, email, display_name, provider) values ${sql.join(
        people.map((i, k) => sql`(${ids[k]}, ${`raw.${workspaceId}.${i}@example.test`}, ${`Raw ${i}`}, 'local')`),
        sql`, `,
      )}`);
      await tx.execute(sql`insert into memberships (workspace_id, user_id, roles, status) values ${sql.join(
        ids.map((id) => sql`(${workspaceId}, ${id}, 'user', 'invited')`),
        sql`, `,
      )}`);
    }
  });
}

async function cleanUp(database: Database, workspaceIds: string[]): Promise<void> {
  const list = workspaceIds.map((id) => `'${id}'`).join(', ');
  await database.exec(`
    delete from job_outbox where name = 'mail.deliver' and exists (
      select 1 from jsonb_array_elements_text(data->'outboxIds') as o(id) join mail_outbox m on m.id = o.id where m.workspace_id in (${list}));
    delete from job_outbox where name = '${EXPORT_CSV}' and data->>'workspaceId' in (${list});
    delete from export_files where workspace_id in (${list});
    delete from mail_outbox where workspace_id in (${list});
    delete from workspace_invites where workspace_id in (${list});
    create temporary table bench_people as select user_id from memberships where workspace_id in (${list});
    delete from memberships where workspace_id in (${list});
    delete from api_keys where workspace_id in (${list});
    delete from subaccounts where workspace_id in (${list});
    delete from users where id in (select user_id from bench_people) and not exists (select 1 from memberships m where m.user_id = users.id);
    drop table bench_people;
    delete from workspaces where id in (${list});`);
}

async function benchDatabase(databaseUrl: string | undefined): Promise<string[][]> {
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  const storageRoot = mkdtempSync(join(tmpdir(), 'assay-bench-exports-'));
  const config = loadConfig(process.env, {
    databaseUrl,
    embedded: 'memory',
    workers: false,
    logLevel: 'silent',
    rateLimit: { max: 1_000_000_000, windowMs: 60_000 },
    storage: { driver: 'disk', root: storageRoot },
  });
  const runtime: Runtime = await createRuntime(config, { modules, database, logger: pino({ level: 'silent' }) });
  const app = await buildServer(runtime);
  const db = database.db;
  const rows: string[][] = [];
  const workspaces: string[] = [];
  const row = (operation: string, count: number, result: { seconds: number; startRss: number; peakRss: number }, baselineRate?: number) => {
    const rate = count / result.seconds;
    rows.push([database.kind, operation, String(count), result.seconds.toFixed(2), rate.toFixed(0), baselineRate ? (rate / baselineRate).toFixed(2) : '1.00', rssRange(result)]);
    return rate;
  };
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const workspace = await createWorkspace(db, { name: 'Bench exports' });
    workspaces.push(workspace.id);
    const { key } = await createApiKey(db, workspace.id, { name: 'bench' });
    const seeded = await timed(() => seedEmployees(database, workspace.id, exportRows));
    console.log(`exports: ${database.kind}: seeded ${exportRows} employees in ${seeded.seconds.toFixed(1)} s; RSS now ${mb(process.memoryUsage.rss())} MB`);
    // Steady state, not a cold start: the first export of a process is slower while the engine
    // optimizes the code it runs (measured on PGlite, 1M rows: the first HTTP export ~0.9 s more
    // than the next, even after an export without HTTP), and whichever step ran first would pay
    // for it. One unmeasured export over HTTP warms what every step below shares.
    await downloadInThread(`${base}/workspace/users/export`, { 'x-api-key': key, 'content-type': 'application/json' }, '{}');

    const ours = await timed(() => downloadInThread(`${base}/workspace/users/export`, { 'x-api-key': key, 'content-type': 'application/json' }, '{}'));
    if (ours.value.lines - 1 !== exportRows) throw new Error(`export wrote ${ours.value.lines - 1} rows, expected ${exportRows}`);
    // The same export without HTTP: the mechanism alone (client and server share this process).
    const direct = await timed(async () => drain(await exportEmployees(database, { workspaceId: workspace.id, allowedSubaccountIds: [] }, {}, 'en')));
    // The same export as a job (what ?async=true queues), run here: streamed into disk storage.
    const job = await timed(async () => {
      const tenant = { workspaceId: workspace.id, allowedSubaccountIds: [] };
      const file = await requestExport(runtime, { definition: usersCsvExport, tenant, params: {}, language: 'en', authorId: null });
      await runExport(runtime, { id: file.id, name: EXPORT_CSV, data: { workspaceId: workspace.id, exportId: file.id }, retryCount: 0, retryLimit: 0 });
      const [done] = await db.select().from(exportFiles).where(and(eq(exportFiles.workspaceId, workspace.id), eq(exportFiles.id, file.id)));
      if (done?.status !== 'done') throw new Error(`export job ended ${done?.status}: ${done?.error}`);
      return done;
    });
    // The baselines run after the export, so their memory does not count in its peak.
    const copy = await timed(() => copyBaseline(database, workspace.id));
    const copyRate = row(database.kind === 'pglite' ? "COPY TO '/dev/blob' (in memory)" : 'COPY TO STDOUT (pg-copy-streams)', copy.value.lines - 1, copy);
    const loop = await timed(() => batchLoopBaseline(database, workspace.id));
    row('raw keyset batches, no CSV', loop.value.lines, loop, copyRate);
    row('POST /workspace/users/export (HTTP)', exportRows, ours, copyRate);
    row('exportEmployees stream (no HTTP)', direct.value.lines - 1, direct, copyRate);
    row('export job into disk storage', job.value.rowCount ?? 0, job, copyRate);
    rows.push([database.kind, '  vs raw keyset batches', '', '', '', (exportRows / ours.seconds / (loop.value.lines / loop.seconds)).toFixed(2), '']);

    const bulkWorkspace = await createWorkspace(db, { name: 'Bench bulk' });
    workspaces.push(bulkWorkspace.id);
    const admin = await createUser(db, { email: `bench.admin.${bulkWorkspace.id}@example.test`, confirmed: true });
    await addMember(db, bulkWorkspace.id, admin.id, { roles: 'admin' });
    const raw = await timed(() => rawBulkInsert(database, bulkWorkspace.id, bulkRows));
    const rawRate = row('raw multi-row INSERT users+memberships', bulkRows, raw);
    const people = Array.from({ length: bulkRows }, (_, i) => ({ email: `bulk.${bulkWorkspace.id}.${i}@example.test`, displayName: `Bulk ${i}` }));
    const tenant = { workspaceId: bulkWorkspace.id, allowedSubaccountIds: [], role: 'admin' as const, permissions: effectivePermissions('admin', []) };
    const created = await timed(() => createEmployees({ db, config, tenant, actorId: admin.id, language: 'en' }, people));
    row('createEmployees (+invites, e-mails, jobs)', created.value.length, created, rawRate);
    return rows;
  } finally {
    await cleanUp(database, workspaces).catch((error) => console.error('exports: clean-up failed', error));
    await app.close();
    await runtime.close();
    await database.close();
    rmSync(storageRoot, { recursive: true, force: true });
  }
}

export async function benchExports(): Promise<void> {
  const header = ['database', 'operation', 'rows', 'seconds', 'rows/s', 'ours/baseline', 'RSS MB start→peak'];
  const rows: string[][] = [header];
  console.log(`exports: ${exportRows} employees exported, ${bulkRows} created in bulk; baseline = the first row of each group`);
  if (benchDatabases.includes('pglite')) rows.push(...(await benchDatabase(undefined)));
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (url && benchDatabases.includes('postgres')) rows.push(...(await benchDatabase(url)));
  console.log(formatTable(rows));
  if (!url) console.log('postgres: skipped (set BENCH_DATABASE_URL or DATABASE_URL)');
}
