import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createRuntime } from '../create-runtime.js';
import type { Runtime } from '../runtime.js';
import { buildServer } from '../../server.js';
import { testConfig, testDatabase } from '../../../test/support/app.js';
import type { Database } from '../db/client.js';

const database: Database = await testDatabase();
const runtimes: Runtime[] = [];
afterAll(async () => {
  for (const runtime of runtimes) await runtime.close();
  await database.close();
});

async function server(corsOrigins: string[]) {
  const runtime = await createRuntime(testConfig({ corsOrigins }), { database, logger: pino({ level: 'silent' }) });
  runtimes.push(runtime);
  const app = await buildServer(runtime);
  await app.ready();
  return app;
}

const preflight = (origin: string) => ({
  method: 'OPTIONS' as const,
  url: '/workspace/users',
  headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key, x-workspace-id' },
});

describe('cross-origin requests', () => {
  it('are allowed from a configured origin: the preflight passes without credentials, the answer names the origin', async () => {
    const app = await server(['https://app.example.com', 'https://admin.example.com']);
    const res = await app.inject(preflight('https://admin.example.com'));
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    expect(String(res.headers['access-control-allow-methods'])).toContain('DELETE');
    expect(String(res.headers['access-control-allow-headers'])).toContain('x-api-key');
    const call = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://app.example.com' } });
    expect(call.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(call.headers.vary).toContain('Origin');
    await app.close();
  });

  it('are refused from any other origin: no allow-origin header, so the browser blocks them', async () => {
    const app = await server(['https://app.example.com']);
    const res = await app.inject(preflight('https://evil.example'));
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const call = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(call.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });

  it('are refused from every origin by default', async () => {
    const app = await server([]);
    const res = await app.inject(preflight('https://app.example.com'));
    expect(res.statusCode).toBe(404);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const call = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://app.example.com' } });
    expect(call.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });

  it('keep the OpenAPI document free of the preflight route', async () => {
    const app = await server(['*']);
    const document = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.values(document.paths).some((item) => 'options' in item)).toBe(false);
    const res = await app.inject(preflight('https://anyone.example'));
    expect(res.headers['access-control-allow-origin']).toBe('*');
    await app.close();
  });
});
