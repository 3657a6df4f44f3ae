import { pino } from 'pino';
import { and, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { createRuntime } from '../src/platform/runtime.js';
import { buildServer } from '../src/server.js';
import { createWorkspace } from '../src/modules/workspace/create-workspace.js';
import { subaccounts } from '../src/modules/workspace/schema.js';
import { newId } from '../src/platform/ids.js';

const url = process.env.PROF_DB || undefined;
const database = await openDatabase({ databaseUrl: url, poolSize: 16 });
const config = loadConfig(process.env, { databaseUrl: url, embedded: 'memory', workers: false, logLevel: 'silent', rateLimit: { max: 1e9, windowMs: 60000 } });
const runtime = await createRuntime(config, { database, logger: pino({ level: 'silent' }) });
const app = await buildServer(runtime);
await app.ready();
const db = runtime.database.db;
const workspace = await createWorkspace(db, { name: 'Bench' });
const id = newId();
await db.insert(subaccounts).values({ workspaceId: workspace.id, id, name: 'Bench team', department: 'Engineering', region: 'South' });
const q = () => db.select().from(subaccounts).where(and(eq(subaccounts.workspaceId, workspace.id), eq(subaccounts.id, id)));
const prepared = db.select().from(subaccounts).where(and(eq(subaccounts.workspaceId, sql.placeholder('w')), eq(subaccounts.id, sql.placeholder('i')))).prepare('bench_sub');
const text = q().toSQL();
const driver: any = database.pglite ?? database.pool;
async function time(name: string, op: () => Promise<unknown>, n = 3000) {
  for (let i = 0; i < 300; i++) await op();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await op();
  console.log(name.padEnd(30), (((performance.now() - t0) / n) * 1000).toFixed(1), 'us');
}
for (let round = 0; round < 2; round++) {
  await time('raw query', () => driver.query(text.sql, text.params));
  await time('raw query named', () => database.pool ? driver.query({ name: 'raw_sub', text: text.sql, values: text.params }) : driver.query(text.sql, text.params));
  await time('drizzle select', q);
  await time('drizzle build only', async () => q().toSQL());
  await time('drizzle prepared', () => prepared.execute({ w: workspace.id, i: id }));
  await time('inject /health', () => app.inject({ method: 'GET', url: '/health' }));
  await time('inject 404', () => app.inject({ method: 'GET', url: '/nope' }));
}
await app.close(); await runtime.close(); await database.close();
