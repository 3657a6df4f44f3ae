import { pino } from 'pino';
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
const runtime = await createRuntime(config, { database, logger: pino({ level: process.env.PROF_LOG ?? 'silent' }, pino.destination('/dev/null')) });
const app = await buildServer(runtime);
await app.ready();
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
const n = Number(process.env.PROF_N ?? 5000);
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
for (let i = 0; i < 300; i++) await app.inject({ method: 'GET', url: path, headers: { 'x-api-key': key } });
const session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 100 }); await session.post('Profiler.start');
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const res = await app.inject({ method: 'GET', url: path, headers: { 'x-api-key': key } });
  if (res.statusCode !== 200) throw new Error(res.body);
}
const { profile } = await session.post('Profiler.stop'); writeFileSync((process.env.PROF_OUT ?? '/tmp/perf/out') + '/loop.cpuprofile', JSON.stringify(profile));
console.log('ops/s', (n / ((performance.now() - t0) / 1000)).toFixed(0));
await app.close(); await runtime.close(); await database.close();
