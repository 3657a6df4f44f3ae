import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../test/support/fixtures.js';

/** Issue 9 item 6: a key and a session in one request must not silently pick one of them. */
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Key Co');
  b = await createTenant(t.runtime, 'Session Co');
});
afterAll(async () => t.close());

const both = (key: string, bearer: string) => ({ 'x-api-key': key, authorization: bearer });

describe('an API key and a Bearer token in one request', () => {
  it.each([
    ['workspace route', 'GET', '/workspace/users'],
    ['user route', 'GET', '/api-keys'],
    ['public route that reads the key', 'GET', '/auth/validate'],
  ])('answers 400 ambiguous_credentials on a %s, for different workspaces', async (_label, method, url) => {
    const res = await t.app.inject({ method: method as 'GET', url, headers: both(a.apiKey, b.adminHeaders.authorization) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'ambiguous_credentials', details: [{ field: 'headers/x-api-key' }] });
  });

  it('answers 400 as well when both name the same workspace: one credential per request', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/workspace/users', headers: { ...both(a.apiKey, a.adminHeaders.authorization), 'x-workspace-id': a.workspace.id } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ambiguous_credentials');
  });

  it('each credential alone still works', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/workspace/users', headers: a.keyHeaders })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/workspace/users', headers: b.adminHeaders })).statusCode).toBe(200);
    // The key sent as a Bearer token is one credential.
    expect((await t.app.inject({ method: 'GET', url: '/workspace/users', headers: { authorization: `Bearer ${a.apiKey}` } })).statusCode).toBe(200);
  });
});
