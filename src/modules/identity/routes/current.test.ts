import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { addMember, createWorkspace } from '../workspaces/create-workspace.js';
import { createUser } from '../users.js';
import { createApiKey } from '../api-keys.js';

/** Issue 9 item 8: where am I, and as whom. */
let t: TestApp;
let acme: TenantFixture;
let globex: TenantFixture;
beforeAll(async () => {
  t = await testApp();
  acme = await createTenant(t.runtime, 'Acme Where');
  globex = await createTenant(t.runtime, 'Globex Where');
});
afterAll(async () => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('GET /workspace', () => {
  it('answers the current workspace for a key and for a member', async () => {
    for (const headers of [acme.keyHeaders, acme.adminHeaders]) {
      const res = await get('/workspace', headers);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ _id: acme.workspace.id, name: 'Acme Where', slug: acme.workspace.slug, plan: 'free', modules: 'all', allow_password_login: true });
    }
    const member = await createMember(t.runtime, globex.workspace.id, 'user');
    expect((await get('/workspace', member.headers)).json()._id).toBe(globex.workspace.id);
  });

  it("answers 404 for a workspace the caller is not in, and 400 when a user names none and has none", async () => {
    expect((await get('/workspace', { ...acme.keyHeaders, 'x-workspace-id': globex.workspace.id })).statusCode).toBe(404);
    expect((await get('/workspace', { ...acme.adminHeaders, 'x-workspace-id': globex.workspace.id })).statusCode).toBe(404);
    const loner = await createUser(t.database.db, { email: uniqueEmail('loner'), password: 'Loner-pass-1', confirmed: true });
    const token = await t.runtime.tokens.sign({ sub: loner.id, provider: 'local' });
    expect((await get('/workspace', { authorization: `Bearer ${token}` })).json().code).toBe('workspace_required');
  });
});

describe('GET /workspaces', () => {
  it("pages a user's active workspaces with the role in each, and nothing else", async () => {
    const person = await createUser(t.database.db, { email: uniqueEmail('multi'), password: 'Multi-pass-1', confirmed: true });
    const names = ['Zeta Ws', 'Alpha Ws', 'Mid Ws'];
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const ws = await createWorkspace(t.database.db, { name });
      await addMember(t.database.db, ws.id, person.id, { roles: i === 0 ? 'admin' : 'user' });
      ids.push(ws.id);
    }
    const paused = await createWorkspace(t.database.db, { name: 'Paused Ws' });
    await addMember(t.database.db, paused.id, person.id, { status: 'paused' });
    const token = await t.runtime.tokens.sign({ sub: person.id, provider: 'local' });
    const headers = { authorization: `Bearer ${token}` };

    const all = await get('/workspaces?orderBy=name&order=asc', headers);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ totalDocs: 3, page: 1 });
    expect(all.json().docs.map((d: { name: string; roles: string }) => [d.name, d.roles])).toEqual([['Alpha Ws', 'user'], ['Mid Ws', 'user'], ['Zeta Ws', 'admin']]);

    const second = await get('/workspaces?orderBy=name&order=asc&pageSize=1&page=2', headers);
    expect(second.json()).toMatchObject({ totalDocs: 3, totalPages: 3, page: 2, docs: [{ name: 'Mid Ws' }] });
    expect((await get('/workspaces?orderBy=password', headers)).statusCode).toBe(400);
  });

  it("answers a key's one workspace", async () => {
    const res = await get('/workspaces', acme.keyHeaders);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ totalDocs: 1, docs: [{ _id: acme.workspace.id, name: 'Acme Where', roles: 'admin' }] });
  });
});

describe('GET /me', () => {
  it('answers a user with the current workspace, role and effective permissions', async () => {
    const manager = await createMember(t.runtime, acme.workspace.id, 'manager', { permissions: ['delete_user'] });
    const res = await get('/me', { ...manager.headers, 'x-language': 'pt' });
    expect(res.statusCode, res.body).toBe(200);
    const me = res.json();
    expect(me).toMatchObject({
      kind: 'user',
      user: { _id: manager.user.id, email: manager.user.email },
      api_key: null,
      workspace: { _id: acme.workspace.id, name: 'Acme Where' },
      roles: 'manager',
      roles_formatted: 'Gestor',
    });
    expect(me.permissions).toEqual(expect.arrayContaining(['delete_user', 'manage_user', 'read_user']));
    expect(me.permissions).not.toContain('manage_permission');
  });

  it('answers a signed-in user without a workspace', async () => {
    const loner = await createUser(t.database.db, { email: uniqueEmail('alone'), displayName: 'Al One', password: 'Alone-pass-1', confirmed: true });
    const token = await t.runtime.tokens.sign({ sub: loner.id, provider: 'local' });
    const res = await get('/me', { authorization: `Bearer ${token}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'user', user: { displayName: 'Al One' }, workspace: null, roles: null, permissions: [] });
  });

  it('answers an API key with its workspace and the admin role', async () => {
    const { key, apiKey } = await createApiKey(t.database.db, globex.workspace.id, { name: 'whoami' });
    const res = await get('/me', { 'x-api-key': key });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'api_key', user: null, api_key: { _id: apiKey.id, name: 'whoami' }, workspace: { _id: globex.workspace.id }, roles: 'admin' });
    expect(res.json().permissions).toContain('manage_user');
    expect(JSON.stringify(res.json())).not.toContain(key);
  });

  it('answers 401 without credentials and 404 for a foreign workspace', async () => {
    expect((await get('/me', {})).statusCode).toBe(401);
    expect((await get('/me', { ...acme.adminHeaders, 'x-workspace-id': globex.workspace.id })).statusCode).toBe(404);
  });
});

describe('GET /auth/validate', () => {
  it('names the workspace id beside its name', async () => {
    const res = await get('/auth/validate', acme.keyHeaders);
    expect(res.json()).toMatchObject({ company: 'Acme Where', company_id: acme.workspace.id });
  });
});
