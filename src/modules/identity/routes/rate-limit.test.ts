import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';

const MAX = 3;
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: MAX, windowMs: 60_000 } });
});
afterAll(async () => t?.close());

type Call = { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: Record<string, unknown>; headers?: Record<string, string> };

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
    const statuses: number[] = [];
    for (let i = 0; i < MAX; i += 1) statuses.push((await t.app.inject(call())).statusCode);
    expect(statuses.every((s) => s !== 429)).toBe(true);
    const over = await t.app.inject(call());
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'rate_limited' });
    expect(over.headers['retry-after']).toBeDefined();
  });

  it('counts per client address', async () => {
    const url = '/auth/connect';
    for (let i = 0; i < MAX; i += 1) await t.app.inject({ method: 'POST', url, payload: { email: uniqueEmail() }, remoteAddress: '10.0.0.1' });
    expect((await t.app.inject({ method: 'POST', url, payload: { email: uniqueEmail() }, remoteAddress: '10.0.0.1' })).statusCode).toBe(429);
    expect((await t.app.inject({ method: 'POST', url, payload: { email: uniqueEmail() }, remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
  });

  it('leaves workspace routes alone', async () => {
    const tenant = await createTenant(t.runtime, 'Busy Co');
    for (let i = 0; i < MAX + 2; i += 1) {
      expect((await t.app.inject({ method: 'GET', url: '/api-keys', headers: tenant.adminHeaders })).statusCode).toBe(200);
    }
  });
});
