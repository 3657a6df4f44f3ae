import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { createRuntime } from '../src/platform/create-runtime.js';
import { modules } from '../src/modules/index.js';
import type { Runtime } from '../src/platform/runtime.js';
import { buildServer } from '../src/server.js';
import { createWorkspace, addMember } from '../src/modules/identity/workspaces/create-workspace.js';
import { subaccounts } from '../src/modules/identity/workspaces/schema.js';
import { createUser } from '../src/modules/identity/users.js';
import { createApiKey } from '../src/modules/identity/api-keys.js';
import { newId } from '../src/platform/ids.js';
import { assessments } from '../src/modules/assessments/schema.js';
import { publicQuestions } from '../src/modules/questions/schema.js';
import { skillVariants } from '../src/modules/skills/schema.js';
import { skillIdOf } from '../src/modules/skills/skill-id.js';
import { frozenQuestion, insertAnswer, insertFinishedAttempt, insertRevision } from '../src/modules/assessments/admin/test-factory.js';
import { formatTable, measure, type MeasureOptions } from './measure.js';
import { httpClient, type HttpTarget } from './http-client.js';

/**
 * GET of one entity by id through the whole stack (Fastify inject, and a real HTTP listener with a
 * keep-alive client) against the very SQL statements that request runs, replayed through the raw
 * driver in the same run. The statements are recorded from a live request, so the baseline stays
 * honest when the route's queries change.
 *
 * The server runs as deployed: default log level with its access log (written to /dev/null), no
 * response validation. The HTTP load comes from a client thread of its own (./http-client.ts).
 *
 * A reference row, "bare node:http", serves the same recorded calls and the same body from a plain
 * node:http server (no framework, no ORM, no gate): the most any HTTP stack could reach here. The
 * last two columns divide each row's ops/s by the raw driver's and by that reference's.
 */

interface Scenario {
  name: string;
  url: string;
  headers: Record<string, string>;
}

/** A driver call as drizzle made it, replayable as is. */
type RawCall = { target: { query: (...args: unknown[]) => Promise<unknown> }; args: unknown[] };

function driverOf(database: Database): { query: (...args: unknown[]) => Promise<unknown> } {
  return (database.pglite ?? database.pool) as unknown as { query: (...args: unknown[]) => Promise<unknown> };
}

/** The driver calls made while `action` runs. */
async function recordCalls(database: Database, action: () => Promise<unknown>): Promise<RawCall[]> {
  const target = driverOf(database);
  const original = target.query;
  const calls: RawCall[] = [];
  target.query = function (this: unknown, ...args: unknown[]) {
    calls.push({ target, args });
    return original.apply(this, args);
  };
  try {
    await action();
  } finally {
    target.query = original;
  }
  return calls.map((call) => ({ target: { query: original.bind(target) }, args: call.args }));
}

async function prepare(runtime: Runtime): Promise<Scenario[]> {
  const db = runtime.database.db;
  const workspace = await createWorkspace(db, { name: 'Bench' });
  const subaccountId = newId();
  await db.insert(subaccounts).values({ workspaceId: workspace.id, id: subaccountId, name: 'Bench team', department: 'Engineering', region: 'South' });
  for (let i = 0; i < 3; i += 1) {
    const user = await createUser(db, { email: `bench.${workspace.id}.${i}@example.test`, displayName: `Bench ${i}`, confirmed: true });
    await addMember(db, workspace.id, user.id, { roles: 'hunter', subaccountIds: [subaccountId] });
  }
  const { key } = await createApiKey(db, workspace.id, { name: 'bench' });
  // One hot read per module: a skill variant with four levels, an assessment of five catalog questions.
  const variantId = newId();
  await db.insert(skillVariants).values({
    workspaceId: workspace.id,
    id: variantId,
    name: 'Bench JavaScript',
    skillId: skillIdOf('javascript'),
    levels: [1, 2, 3, 4].map((level) => ({ _id: newId(), level, name: `Level ${level}`, description: 'What a person at this level does', examples: ['An example'] })),
  });
  const catalog = await db.select({ id: publicQuestions.id, skillIds: publicQuestions.skillIds }).from(publicQuestions).where(eq(publicQuestions.type, 'question')).limit(5);
  const assessmentId = newId();
  await db.insert(assessments).values({
    workspaceId: workspace.id,
    id: assessmentId,
    name: 'Bench assessment',
    status: 'published',
    questions: catalog.map((question) => ({ _id: question.id, weight: 1 })),
    skillIds: [...new Set(catalog.flatMap((question) => question.skillIds))],
  });
  // A finished attempt of it with five scored answers: the manager's result read.
  const [assessment] = await db.select().from(assessments).where(eq(assessments.id, assessmentId));
  const frozen = Array.from({ length: 5 }, () => frozenQuestion('question'));
  const revision = await insertRevision(db, assessment, frozen);
  const attempt = await insertFinishedAttempt(db, assessment, revision, { score: 80, totalScore: 4, maxScore: 5 });
  for (const [index, question] of frozen.entries()) await insertAnswer(db, attempt, question._id, { score: index === 0 ? 0 : 1, maxScore: 1 });
  return [
    { name: 'GET /assessments/:id/attempts/:attemptId', url: `/assessments/${assessmentId}/attempts/${attempt.id}`, headers: { 'x-api-key': key } },
    { name: 'GET /skills/variants/:id', url: `/skills/variants/${variantId}`, headers: { 'x-api-key': key } },
    { name: 'GET /assessments/:id', url: `/assessments/${assessmentId}`, headers: { 'x-api-key': key } },
    { name: 'GET /workspace/subaccounts/:id', url: `/workspace/subaccounts/${subaccountId}`, headers: { 'x-api-key': key } },
    { name: 'GET /auth/validate', url: '/auth/validate', headers: { 'x-api-key': key } },
  ];
}

/** node:http answering every request by replaying `raw` and sending `body`. */
async function bareServer(raw: () => Promise<void>, body: string): Promise<Server> {
  const server = createServer((_request, response) => {
    raw().then(
      () => response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  // Fastify's keep-alive timeout (72 s), so an idle kept-alive socket is not closed under the client between two rows.
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function benchScenario(app: FastifyInstance, database: Database, address: AddressInfo, scenario: Scenario, options: MeasureOptions): Promise<string[][]> {
  const inject = async () => {
    const res = await app.inject({ method: 'GET', url: scenario.url, headers: scenario.headers });
    if (res.statusCode !== 200) throw new Error(`${scenario.name}: ${res.statusCode} ${res.body}`);
  };
  await inject();
  const calls = await recordCalls(database, inject);
  const raw = async () => {
    for (const call of calls) await call.target.query(...call.args);
  };
  const bare = await bareServer(raw, (await app.inject({ method: 'GET', url: scenario.url, headers: scenario.headers })).body);
  const target = (at: AddressInfo): HttpTarget => ({ host: at.address, port: at.port, path: scenario.url, headers: scenario.headers });
  const client = httpClient();
  const rows: string[][] = [];
  for (const concurrency of [1, 16]) {
    const settings = { ...options, concurrency };
    const baseline = await measure(raw, settings);
    const reference = await client.measure(target(bare.address() as AddressInfo), settings);
    const line = (mode: string, result: { opsPerSecond: number; medianMs: number }) => [
      database.kind,
      scenario.name,
      mode,
      String(concurrency),
      result.opsPerSecond.toFixed(0),
      result.medianMs.toFixed(3),
      (result.opsPerSecond / baseline.opsPerSecond).toFixed(2),
      (result.opsPerSecond / reference.opsPerSecond).toFixed(2),
    ];
    rows.push(line(`raw driver (${calls.length} statements)`, baseline), line('bare node:http (reference)', reference));
    if (concurrency === 1) rows.push(line('inject', await measure(inject, settings)));
    rows.push(line('http keep-alive', await client.measure(target(address), settings)));
  }
  await client.close();
  bare.close();
  return rows;
}

async function benchDatabase(databaseUrl: string | undefined, options: MeasureOptions): Promise<string[][]> {
  const database = await openDatabase({ databaseUrl, poolSize: 16 });
  const config = loadConfig(process.env, {
    databaseUrl,
    embedded: 'memory',
    workers: false,
    logLevel: 'info',
    logRequests: true,
    rateLimit: { max: 1_000_000_000, windowMs: 60_000 },
  });
  const logger = createLogger(config.logLevel, '/dev/null');
  const runtime = await createRuntime(config, { modules, database, logger });
  const app = await buildServer(runtime);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as AddressInfo;
    const rows: string[][] = [];
    for (const scenario of await prepare(runtime)) rows.push(...(await benchScenario(app, database, address, scenario, options)));
    return rows;
  } finally {
    await app.close();
    await runtime.close();
    await database.close();
  }
}

export async function benchGetById(): Promise<void> {
  const options: MeasureOptions = {
    warmup: Number(process.env.BENCH_WARMUP ?? 200),
    iterations: Number(process.env.BENCH_ITERATIONS ?? 2000),
    concurrency: 1,
  };
  const header = ['database', 'operation', 'mode', 'conc.', 'ops/s', 'median ms', '/raw', '/bare'];
  const rows: string[][] = [header];
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`get-by-id: ${options.iterations} iterations after ${options.warmup} warm-up, per row (${cpus().length} CPUs, load ${load})`);
  rows.push(...(await benchDatabase(undefined, options)));
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (url) rows.push(...(await benchDatabase(url, options)));
  console.log(formatTable(rows));
  if (!url) console.log('postgres: skipped (set BENCH_DATABASE_URL or DATABASE_URL)');
}
