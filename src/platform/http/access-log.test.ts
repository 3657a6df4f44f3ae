import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createRuntime } from '../create-runtime.js';
import type { Runtime } from '../runtime.js';
import { buildServer } from '../../server.js';
import { testConfig, testDatabase } from '../../../test/support/app.js';
import type { Database } from '../db/client.js';

const database: Database = await testDatabase();
const runtimes: Runtime[] = [];

/** A server whose log lines are collected, with the access log on or off. */
async function serverLogging(logRequests: boolean) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const runtime = await createRuntime(testConfig({ logRequests }), { database, logger: pino({ level: 'info' }, sink) });
  runtimes.push(runtime);
  const app = await buildServer(runtime);
  await app.ready();
  return { app, lines };
}

afterAll(async () => {
  for (const runtime of runtimes) await runtime.close();
  await database.close();
});

describe('access log', () => {
  it('writes one line per request with method, url, status and duration', async () => {
    const { app, lines } = await serverLogging(true);
    await app.inject({ method: 'GET', url: '/health?probe=1' });
    await app.inject({ method: 'GET', url: '/no-such-route' });
    await app.close();
    const requests = lines.filter((line) => line.reqId);
    expect(requests.map((line) => [line.msg, line.method, line.url, line.statusCode])).toEqual([
      ['request', 'GET', '/health?probe=1', 200],
      ['request', 'GET', '/no-such-route', 404],
    ]);
    expect(typeof requests[0].responseTime).toBe('number');
  });

  it('writes nothing per request when LOG_REQUESTS is off', async () => {
    const { app, lines } = await serverLogging(false);
    await app.inject({ method: 'GET', url: '/health' });
    await app.close();
    expect(lines.filter((line) => line.reqId)).toEqual([]);
  });
});
