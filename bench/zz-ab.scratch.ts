import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { createRuntime } from '../src/platform/runtime.js';
import { buildServer } from '../src/server.js';
import { createWorkspace, addMember } from '../src/modules/workspace/create-workspace.js';
import { subaccounts } from '../src/modules/workspace/schema.js';
import { createUser } from '../src/modules/identity/users.js';
import { createApiKey } from '../src/modules/identity/api-keys.js';
import { newId } from '../src/platform/ids.js';

const url = process.env.PROF_DB || undefined;
const database = await openDatabase({ databaseUrl: url, poolSize: 16 });
const config = loadConfig(process.env, { databaseUrl: url, embedded: 'memory', workers: false, logLevel: 'silent', rateLimit: { max: 1e9, windowMs: 60000 } });
const runtime = await createRuntime(config, { database, logger: pino({ level: 'silent' }) });
const db = runtime.database.db;
const workspace = await createWorkspace(db, { name: 'Bench' });
const subaccountId = newId();
await db.insert(subaccounts).values({ workspaceId: workspace.id, id: subaccountId, name: 'Bench team', department: 'Engineering', region: 'South' });
for (let i = 0; i < 3; i += 1) {
  const user = await createUser(db, { email: `bench.${workspace.id}.${i}@example.test`, displayName: `Bench ${i}`, confirmed: true });
  await addMember(db, workspace.id, user.id, { roles: 'hunter', subaccountIds: [subaccountId] });
}
const { key } = await createApiKey(db, workspace.id, { name: 'bench' });
const path = process.env.PROF_PATH === 'validate' ? '/auth/validate' : `/workspace/subaccounts/${subaccountId}`;
const variants: Array<[string, FastifyInstance]> = [];
variants.push(['silent', await buildServer(runtime)]);
const info = pino({ level: 'info' }, pino.destination({ dest: 1, sync: true }));
variants.push(['info->/dev/null', await buildServer({ ...runtime, log: info })]);
variants.push(['silent-2', await buildServer(runtime)]);
for (const [, app] of variants) await app.ready();
const driver: any = database.pglite ?? database.pool;
await variants[0][1].inject({ method: 'GET', url: path, headers: { 'x-api-key': key } });
const calls: unknown[][] = [];
const orig = driver.query;
driver.query = function (...args: unknown[]) { calls.push(args); return orig.apply(this, args); };
await variants[0][1].inject({ method: 'GET', url: path, headers: { 'x-api-key': key } });
driver.query = orig;
console.error('statements', calls.length);
const ops: Array<[string, () => Promise<unknown>]> = [['raw', async () => { for (const c of calls) await orig.apply(driver, c); }]];
for (const [name, app] of variants) ops.push([name, () => app.inject({ method: 'GET', url: path, headers: { 'x-api-key': key } })]);
const n = Number(process.env.PROF_N ?? 1000);
const totals = new Map<string, number>();
for (let round = 0; round < Number(process.env.ROUNDS ?? 5); round++) {
  for (const [name, op] of ops) {
    for (let i = 0; i < 100; i++) await op();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await op();
    totals.set(name, (totals.get(name) ?? 0) + performance.now() - t0);
  }
}
const raw = totals.get('raw')!;
for (const [name, t] of totals) console.error(name.padEnd(20), 'ratio', (raw / t).toFixed(2));
for (const [, app] of variants) await app.close();
await runtime.close(); await database.close();
