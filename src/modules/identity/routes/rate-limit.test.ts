import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { testApp, testConfig, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';
import { createRuntime } from '../../../platform/create-runtime.js';
import { buildServer } from '../../../server.js';

const MAX = 3;
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: MAX, windowMs: 60_000 } });
});
afterAll(async () => t?.close());

type Call = { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: Record<string, unknown>; headers?: Record<string, string>; remoteAddress?: string };

// Counters live in the database (shared with other test files and earlier runs on PostgreSQL):
// every test counts from a client address of its own.
const run = Math.floor(Math.random() * 250) + 1;
let clients = 0;
const newClient = () => {
  clients += 1;
  return `10.${run}.${Math.floor(clients / 250)}.${(clients % 250) + 1}`;
};

const limited: Array<[string, () => Call]> = [
  ['sign-in', () => ({ method: 'POST', url: '/auth/signin', payload: { email: uniqueEmail(), password: 'whatever-1' } })],
  ['sign-up', () => ({ method: 'POST', url: '/auth/signup', payload: { email: uniqueEmail(), password: 'P@ssw0rd!', displayName: 'Rate' } })],
  ['connect', () => ({ method: 'POST', url: '/auth/connect', payload: { email: uniqueEmail() } })],
  ['forgot password', () => ({ method: 'POST', url: '/auth/forgot/password', payload: { email: uniqueEmail() } })],
  ['reset check', () => ({ method: 'GET', url: '/auth/reset/unknown-token' })],
  ['reset', () => ({ method: 'POST', url: '/auth/reset/unknown-token', payload: { newPassword: 'N3wP@ssw0rd!', confirmPassword: 'N3wP@ssw0rd!' } })],
  ['confirmation resend', () => ({ method: 'POST', url: '/auth/confirmation', payload: { email: uniqueEmail() } })],
  ['confirmation', () => ({ method: 'PUT', url: '/auth/confirmation/unknown-token' })],
  ['invite check', () => ({ method: 'GET', url: '/auth/invite/unknown-token' })],
  ['invite acceptance', () => ({ method: 'POST', url: '/auth/invite/unknown-token', payload: { email: uniqueEmail() } })],
  ['api-key validation', () => ({ method: 'GET', url: '/auth/validate', headers: { 'x-api-key': 'ak_bad' } })],
  ['api-key validation (seed path)', () => ({ method: 'GET', url: '/api-keys/validate', headers: { 'x-api-key': 'ak_bad' } })],
];

describe('rate limiting of the public auth routes', () => {
  it.each(limited)('%s answers 429 in the error shape after the limit', async (_name, call) => {
    const remoteAddress = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < MAX; i += 1) statuses.push((await t.app.inject({ ...call(), remoteAddress })).statusCode);
    expect(statuses.every((s) => s !== 429)).toBe(true);
    const over = await t.app.inject({ ...call(), remoteAddress });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'rate_limited' });
    expect(over.headers['retry-after']).toBeDefined();
  });

  it('counts per client address', async () => {
    const url = '/auth/connect';
    const [first, second] = [newClient(), newClient()];
    for (let i = 0; i < MAX; i += 1) await t.app.inject({ method: 'POST', url, payload: { email: uniqueEmail() }, remoteAddress: first });
    expect((await t.app.inject({ method: 'POST', url, payload: { email: uniqueEmail() }, remoteAddress: first })).statusCode).toBe(429);
    expect((await t.app.inject({ method: 'POST', url, payload: { email: uniqueEmail() }, remoteAddress: second })).statusCode).toBe(200);
  });

  it('counts per route', async () => {
    const remoteAddress = newClient();
    for (let i = 0; i < MAX; i += 1) await t.app.inject({ method: 'POST', url: '/auth/connect', payload: { email: uniqueEmail() }, remoteAddress });
    expect((await t.app.inject({ method: 'POST', url: '/auth/connect', payload: { email: uniqueEmail() }, remoteAddress })).statusCode).toBe(429);
    expect((await t.app.inject({ method: 'POST', url: '/auth/forgot/password', payload: { email: uniqueEmail() }, remoteAddress })).statusCode).not.toBe(429);
  });

  it('is one limit for every API process on the database', async () => {
    // A second API process: its own server and runtime over the same database.
    const runtime = await createRuntime(testConfig({ rateLimit: { max: MAX, windowMs: 60_000 } }), { database: t.database, logger: pino({ level: 'silent' }) });
    const other = await buildServer(runtime);
    try {
      const remoteAddress = newClient();
      const call = (app: typeof other) => app.inject({ method: 'POST', url: '/auth/connect', payload: { email: uniqueEmail() }, remoteAddress });
      const statuses = [await call(t.app), await call(other), await call(t.app)].map((res) => res.statusCode);
      expect(statuses).toEqual([200, 200, 200]);
      expect((await call(other)).statusCode).toBe(429);
    } finally {
      await other.close();
      await runtime.close();
    }
  });

  it('leaves workspace routes alone', async () => {
    const tenant = await createTenant(t.runtime, 'Busy Co');
    for (let i = 0; i < MAX + 2; i += 1) {
      expect((await t.app.inject({ method: 'GET', url: '/api-keys', headers: tenant.adminHeaders })).statusCode).toBe(200);
    }
  });
});
