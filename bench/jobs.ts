import { Worker } from 'node:worker_threads';
import { cpus, loadavg } from 'node:os';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { createRuntime } from '../src/platform/create-runtime.js';
import { modules } from '../src/modules/index.js';
import type { Runtime } from '../src/platform/runtime.js';
import { queueMails } from '../src/platform/mail/queue-mail.js';
import { renderMail } from '../src/platform/mail/render-mail.js';
import { SMTP_CONNECTIONS } from '../src/platform/mail/mail-transport.js';
import { enqueueJobs } from '../src/platform/jobs/enqueue-job.js';
import { formatTable } from './measure.js';

/**
 * The job queue and mail delivery against baselines in the same run:
 * - N invitation e-mails (`workspace_invite`) queued in one transaction with queueMails, delivered by
 *   the mail.deliver jobs to a local SMTP server, vs a bare nodemailer loop over a pooled transport
 *   (the same number of connections) sending the same rendered message N times. Time runs from the
 *   start of the enqueue until the server has every message (and, for the queue, every outbox row
 *   is marked sent).
 * - M no-op jobs enqueued in one transaction (job_outbox → relay → pg-boss → workers) vs a raw drain
 *   loop over a plain table: `INSERT … SELECT generate_series`, then lanes that claim a batch
 *   (`UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT b)`) and complete it (a second
 *   UPDATE), as a queue does. Time runs from the enqueue until every job is recorded completed.
 * The SMTP server runs on a thread of its own and only counts what arrives.
 */

const mails = Number(process.env.BENCH_MAILS ?? 10_000);
const noops = Number(process.env.BENCH_NOOP_JOBS ?? 100_000);
/** The bench queue's pool: its concurrency and claim size are the raw drain's batch and lanes. */
const NOOP_CONCURRENCY = 64;
const NOOP_BATCH = 32;
const benchDatabases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function smtpSink(): Promise<{ url: string; count: () => number; reset: () => void; close: () => Promise<void> }> {
  const counter = new SharedArrayBuffer(4);
  const view = new Int32Array(counter);
  const worker = new Worker(new URL('./smtp-sink-thread.mjs', import.meta.url), { workerData: { counter } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { port: number }) => resolve(message.port));
    worker.once('error', reject);
  });
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    count: () => Atomics.load(view, 0),
    reset: () => Atomics.store(view, 0, 0),
    close: async () => {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

function mailMessages(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    to: `person${i}@bench.test`,
    template: 'workspace_invite' as const,
    language: 'en',
    data: { name: `Person ${i}`, link: `https://assay.test/invite/iv_${i}`, workspace: 'Bench' },
  }));
}

/** The bare loop: one pooled transport, everything in flight at once (nodemailer queues beyond its connections). */
async function bareMailLoop(url: string, sink: { count: () => number; reset: () => void }): Promise<number> {
  sink.reset();
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: SMTP_CONNECTIONS, maxMessages: 1000 });
  const mail = renderMail('workspace_invite', 'en', { name: 'Person', link: 'https://assay.test/invite/iv_0', workspace: 'Bench' });
  const started = performance.now();
  const messages = mailMessages(mails);
  let next = 0;
  const lane = async () => {
    while (next < messages.length) {
      const message = messages[next++];
      await transport.sendMail({ from: 'Assay <no-reply@assay.local>', to: message.to, subject: mail.subject, text: mail.text, html: mail.html });
    }
  };
  await Promise.all(Array.from({ length: 4 * SMTP_CONNECTIONS }, lane));
  await until(() => sink.count() >= mails, 120_000, 'the bare loop\'s mail');
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return seconds;
}

async function queuedMail(runtime: Runtime, sink: { count: () => number; reset: () => void }): Promise<{ arrived: number; sent: number }> {
  sink.reset();
  const { db } = runtime.database;
  const started = performance.now();
  await db.transaction((tx) => queueMails(tx, mailMessages(mails)));
  await until(() => sink.count() >= mails, 600_000, 'queued mail');
  const arrived = (performance.now() - started) / 1000;
  await until(
    async () => {
      const [row] = await runtime.database.query<{ left: number }>(`SELECT count(*)::int AS left FROM mail_outbox WHERE status <> 'sent'`);
      return row.left === 0;
    },
    120_000,
    'outbox rows marked sent',
  );
  return { arrived, sent: (performance.now() - started) / 1000 };
}

async function rawDrain(database: Database): Promise<number> {
  await database.query(`DROP TABLE IF EXISTS bench_raw_jobs`);
  await database.query(`CREATE TABLE bench_raw_jobs (id bigserial PRIMARY KEY, data jsonb NOT NULL, state text NOT NULL DEFAULT 'created')`);
  const started = performance.now();
  await database.query(`INSERT INTO bench_raw_jobs (data) SELECT jsonb_build_object('n', g) FROM generate_series(1, $1::int) g`, [noops]);
  const lane = async () => {
    for (;;) {
      const claimed = await database.query<{ id: string }>(
        `UPDATE bench_raw_jobs SET state = 'active' WHERE id IN (SELECT id FROM bench_raw_jobs WHERE state = 'created' ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING id`,
        [NOOP_BATCH],
      );
      if (claimed.length === 0) return;
      await database.query(`UPDATE bench_raw_jobs SET state = 'completed' WHERE id = ANY($1::bigint[])`, [claimed.map((row) => row.id)]);
    }
  };
  await Promise.all(Array.from({ length: NOOP_CONCURRENCY / NOOP_BATCH }, lane));
  const seconds = (performance.now() - started) / 1000;
  const [left] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_raw_jobs WHERE state <> 'completed'`);
  if (left.n !== 0) throw new Error(`raw drain left ${left.n} rows`);
  await database.query(`DROP TABLE bench_raw_jobs`);
  return seconds;
}

async function queuedNoops(runtime: Runtime): Promise<{ seconds: number; phases: string }> {
  let ran = 0;
  await runtime.jobs.register(
    'bench.noop',
    async () => {
      ran += 1;
    },
    { concurrency: NOOP_CONCURRENCY, batchSize: NOOP_BATCH, retryLimit: 0 },
  );
  const { db } = runtime.database;
  const started = performance.now();
  await db.transaction((tx) => enqueueJobs(tx, 'bench.noop', Array.from({ length: noops }, (_, n) => ({ n }))));
  const enqueued = (performance.now() - started) / 1000;
  let relayed = 0;
  await until(
    async () => {
      if (!relayed) {
        const [row] = await runtime.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM job_outbox WHERE name = 'bench.noop'`);
        if (row.n === 0) relayed = (performance.now() - started) / 1000;
      }
      return ran >= noops;
    },
    1_800_000,
    'no-op jobs to run',
  );
  const allRan = (performance.now() - started) / 1000;
  await until(
    async () => {
      const [row] = await runtime.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'bench.noop' AND state = 'completed'`);
      return row.n >= noops;
    },
    300_000,
    'no-op jobs recorded completed',
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, phases: `enqueued ${enqueued.toFixed(1)} s, relayed ${relayed.toFixed(1)} s, ran ${allRan.toFixed(1)} s` };
}

async function benchDatabase(label: string, databaseUrl: string | undefined, sink: Awaited<ReturnType<typeof smtpSink>>): Promise<string[][]> {
  const database = await openDatabase({ databaseUrl, poolSize: 16 });
  const config = loadConfig(process.env, { databaseUrl, embedded: 'memory', workers: true, smtpUrl: sink.url, logLevel: 'silent' });
  const runtime = await createRuntime(config, { modules, database, logger: pino({ level: 'silent' }) });
  const rate = (n: number, seconds: number) => (n / seconds).toFixed(0);
  const rows: string[][] = [];
  try {
    const bare = await bareMailLoop(sink.url, sink);
    const queued = await queuedMail(runtime, sink);
    rows.push(
      [label, `${mails} e-mails`, 'bare nodemailer pooled loop (baseline)', bare.toFixed(2), rate(mails, bare), '1.00'],
      [label, `${mails} e-mails`, 'queueMails → mail.deliver jobs (all arrived)', queued.arrived.toFixed(2), rate(mails, queued.arrived), (bare / queued.arrived).toFixed(2)],
      [label, `${mails} e-mails`, '… and every outbox row marked sent', queued.sent.toFixed(2), rate(mails, queued.sent), (bare / queued.sent).toFixed(2)],
    );
    const raw = await rawDrain(database);
    const jobs = await queuedNoops(runtime);
    rows.push(
      [label, `${noops} no-op jobs`, `raw SKIP LOCKED drain (${NOOP_CONCURRENCY / NOOP_BATCH} lanes × ${NOOP_BATCH})`, raw.toFixed(2), rate(noops, raw), '1.00'],
      [label, `${noops} no-op jobs`, `enqueueJobs → relay → pg-boss → workers (${NOOP_CONCURRENCY}/${NOOP_BATCH})`, jobs.seconds.toFixed(2), rate(noops, jobs.seconds), (raw / jobs.seconds).toFixed(2)],
    );
    console.log(`${label}: no-op jobs ${jobs.phases}`);
  } finally {
    await runtime.close();
    await database.close();
  }
  return rows;
}

export async function benchJobs(): Promise<void> {
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`jobs: ${mails} e-mails, ${noops} no-op jobs (${cpus().length} CPUs, load ${load}); goals: e-mail ≥ 0.7×, jobs ≥ 0.5× of the baseline`);
  const sink = await smtpSink();
  const rows: string[][] = [['database', 'work', 'mode', 'seconds', 'per s', '×baseline']];
  try {
    if (benchDatabases.includes('pglite')) rows.push(...(await benchDatabase('pglite', undefined, sink)));
    const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
    if (url && benchDatabases.includes('postgres')) rows.push(...(await benchDatabase('postgres', url, sink)));
    else if (!url) console.log('postgres: skipped (set BENCH_DATABASE_URL or DATABASE_URL)');
  } finally {
    await sink.close();
  }
  console.log(formatTable(rows));
}
