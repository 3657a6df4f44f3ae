import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant } from '../../../../test/support/fixtures.js';
import { apiKeys } from '../schema.js';
import { createApiKey } from '../api-keys.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 10_000, windowMs: 60_000 } });
});
afterAll(async () => t?.close());

type Headers = Record<string, string>;
const create = (headers: Headers, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api-keys', headers, payload });
const list = (headers: Headers) => t.app.inject({ method: 'GET', url: '/api-keys', headers });
const revoke = (headers: Headers, id: string) => t.app.inject({ method: 'DELETE', url: `/api-keys/${id}`, headers });
const validate = (headers: Headers, url = '/auth/validate') => t.app.inject({ method: 'GET', url, headers });

describe('API keys', () => {
  it('creates a key shown once, lists it without the key, validates it and revokes it', async () => {
    const tenant = await createTenant(t.runtime, 'Acme Corp');
    const created = await create(tenant.adminHeaders, { name: 'Production API Key' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ name: 'Production API Key', company: 'Acme Corp', author: 'Acme Corp Admin', last_used: null });
    expect(body.key.startsWith(body.prefix)).toBe(true);
    const [row] = await t.database.db.select().from(apiKeys).where(and(eq(apiKeys.workspaceId, tenant.workspace.id), eq(apiKeys.id, body._id)));
    expect(row.keyHash).not.toBe(body.key);

    const listed = await list(tenant.adminHeaders);
    expect(listed.statusCode).toBe(200);
    const mine = listed.json().find((k: { _id: string }) => k._id === body._id);
    expect(mine).toMatchObject({ name: 'Production API Key', prefix: body.prefix });
    expect(JSON.stringify(listed.json())).not.toContain(body.key);

    for (const url of ['/auth/validate', '/api-keys/validate']) {
      const res = await validate({ 'x-api-key': body.key }, url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ _id: body._id, name: 'Production API Key', company: 'Acme Corp', author: 'Acme Corp Admin', provider: 'assay' });
      expect(Date.parse(res.json().last_used)).not.toBeNaN();
    }

    expect((await revoke(tenant.adminHeaders, body._id)).statusCode).toBe(204);
    expect((await validate({ 'x-api-key': body.key })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api-keys', headers: { 'x-api-key': body.key } })).statusCode).toBe(401);
    expect((await list(tenant.adminHeaders)).json().map((k: { _id: string }) => k._id)).not.toContain(body._id);
    expect((await revoke(tenant.adminHeaders, body._id)).statusCode).toBe(404);
  });

  it('records last_used when a key is used', async () => {
    const tenant = await createTenant(t.runtime, 'Usage Co');
    const { apiKey } = await createApiKey(t.database.db, tenant.workspace.id, { name: 'fresh' });
    expect(apiKey.lastUsed).toBeNull();
    const { key } = await createApiKey(t.database.db, tenant.workspace.id, { name: 'used' });
    await validate({ 'x-api-key': key });
    const [row] = await t.database.db.select().from(apiKeys).where(and(eq(apiKeys.workspaceId, tenant.workspace.id), eq(apiKeys.name, 'used')));
    expect(row.lastUsed).not.toBeNull();
  });

  it('accepts the key as Authorization: Bearer too', async () => {
    const tenant = await createTenant(t.runtime, 'Bearer Co');
    expect((await validate({ authorization: `Bearer ${tenant.apiKey}` })).statusCode).toBe(200);
  });
});

describe('API keys: errors and security', () => {
  it('answers 401 for a missing, malformed or unknown key', async () => {
    const tenant = await createTenant(t.runtime, 'Key Co');
    expect((await validate({})).json()).toMatchObject({ statusCode: 401, code: 'invalid_api_key' });
    expect((await validate({ 'x-api-key': 'garbage' })).statusCode).toBe(401);
    const tampered = tenant.apiKey.slice(0, -4) + (tenant.apiKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await validate({ 'x-api-key': tampered })).statusCode).toBe(401);
    // A user session is not an API key.
    expect((await validate({ authorization: tenant.adminHeaders.authorization })).statusCode).toBe(401);
  });

  it('answers 404 when a key of workspace A asks for workspace B', async () => {
    const a = await createTenant(t.runtime, 'A');
    const b = await createTenant(t.runtime, 'B');
    const res = await validate({ 'x-api-key': a.apiKey, 'x-workspace-id': b.workspace.id });
    expect(res.statusCode).toBe(404);
    expect((await list({ 'x-api-key': a.apiKey, 'x-workspace-id': b.workspace.id })).statusCode).toBe(404);
  });

  it('does not revoke or show another workspace’s key', async () => {
    const a = await createTenant(t.runtime, 'A3');
    const b = await createTenant(t.runtime, 'B3');
    const [bKey] = await t.database.db.select().from(apiKeys).where(eq(apiKeys.workspaceId, b.workspace.id));
    expect((await revoke(a.adminHeaders, bKey.id)).statusCode).toBe(404);
    expect((await revoke(a.adminHeaders, 'not-an-id')).statusCode).toBe(404);
    expect((await validate({ 'x-api-key': b.apiKey })).statusCode).toBe(200);
    expect((await list(a.adminHeaders)).json().map((k: { _id: string }) => k._id)).not.toContain(bKey.id);
  });

  it('lets only admins manage keys', async () => {
    const tenant = await createTenant(t.runtime, 'Roles Co');
    const manager = await createMember(t.runtime, tenant.workspace.id, 'manager');
    expect((await create(manager.headers, { name: 'nope' })).statusCode).toBe(403);
    expect((await list(manager.headers)).statusCode).toBe(403);
    expect((await revoke(manager.headers, tenant.workspace.id)).statusCode).toBe(403);
    expect((await create({}, { name: 'anonymous' })).statusCode).toBe(401);
  });

  it('answers 400 naming the field for a missing, blank or wrong-type name and tolerates extra fields', async () => {
    const tenant = await createTenant(t.runtime, 'Input Co');
    for (const payload of [{}, { name: 42 }, { name: '   ' }]) {
      const res = await create(tenant.adminHeaders, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].field).toBe('body/name');
    }
    expect((await create(tenant.adminHeaders, { name: 'ok', scopes: ['all'] })).statusCode).toBe(201);
  });
});

describe('API keys managed by an API key (a workspace-admin key, e.g. one made by the CLI)', () => {
  it('lists, creates and revokes keys; the new key has the same workspace and is marked as made by the key', async () => {
    const tenant = await createTenant(t.runtime, 'Cli Co');
    const { key: cliKey, apiKey: cli } = await createApiKey(t.database.db, tenant.workspace.id, { name: 'made by the CLI' });
    const headers = { 'x-api-key': cliKey };

    const listed = await list(headers);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().map((k: { _id: string }) => k._id)).toContain(cli.id);

    const made = await create(headers, { name: 'child' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ name: 'child', company: 'Cli Co', company_id: tenant.workspace.id, parent_key_id: cli.id, author: null });
    expect((await validate({ 'x-api-key': made.json().key })).json()).toMatchObject({ company_id: tenant.workspace.id, parent_key_id: cli.id });

    const other = await create(headers, { name: 'to revoke' });
    expect((await revoke(headers, other.json()._id)).statusCode).toBe(204);
    expect((await validate({ 'x-api-key': other.json().key })).statusCode).toBe(401);
  });

  it("revoking a key revokes the keys made through it, so a leaked key's offspring do not outlive it", async () => {
    const tenant = await createTenant(t.runtime, 'Leak Co');
    const { key: leaked, apiKey: leakedRow } = await createApiKey(t.database.db, tenant.workspace.id, { name: 'leaked' });
    const child = (await create({ 'x-api-key': leaked }, { name: 'child' })).json();
    const grandchild = (await create({ 'x-api-key': child.key }, { name: 'grandchild' })).json();
    const sibling = (await create(tenant.adminHeaders, { name: "the admin's own" })).json();

    expect((await revoke(tenant.adminHeaders, leakedRow.id)).statusCode).toBe(204);
    for (const key of [leaked, child.key, grandchild.key]) expect((await validate({ 'x-api-key': key })).statusCode).toBe(401);
    expect((await validate({ 'x-api-key': sibling.key })).statusCode).toBe(200);
    expect((await validate({ 'x-api-key': tenant.apiKey })).statusCode).toBe(200);
  });

  it('a key still cannot act as a user, nor reach another workspace', async () => {
    const a = await createTenant(t.runtime, 'Key A');
    const b = await createTenant(t.runtime, 'Key B');
    const [bKey] = await t.database.db.select().from(apiKeys).where(eq(apiKeys.workspaceId, b.workspace.id));
    expect((await revoke(a.keyHeaders, bKey.id)).statusCode).toBe(404);
    expect((await create({ ...a.keyHeaders, 'x-workspace-id': b.workspace.id }, { name: 'elsewhere' })).statusCode).toBe(404);
    expect((await list(a.keyHeaders)).json().map((k: { _id: string }) => k._id)).not.toContain(bKey.id);
  });
});
