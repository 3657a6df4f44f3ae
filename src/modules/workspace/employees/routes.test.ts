import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { users } from '../../identity/schema.js';
import { addMember } from '../../identity/workspaces/create-workspace.js';
import { memberships } from '../../identity/workspaces/schema.js';

let t: TestApp;
let acme: TenantFixture;
let other: TenantFixture;

const b64 = (value: unknown) => encodeURIComponent(Buffer.from(JSON.stringify(value)).toString('base64'));
const csvRows = (body: string) => parse(body.replace(/^\ufeff/, ''));

beforeAll(async () => {
  t = await testApp();
  acme = await createTenant(t.runtime, 'Acme People');
  other = await createTenant(t.runtime, 'Other People');
});
afterAll(async () => {
  await t.close();
});

async function hire(headers: Record<string, string>, people: object[]) {
  const res = await t.app.inject({ method: 'POST', url: '/workspace/users', headers, payload: { users: people } });
  return res;
}

async function hireOne(person: object = {}) {
  const res = await hire(acme.keyHeaders, [{ email: uniqueEmail('emp'), ...person }]);
  expect(res.statusCode).toBe(201);
  return res.json()[0] as { _id: string; email: string; link: string };
}

describe('creating employees', () => {
  it('creates accounts and invited memberships, answers the links and queues the invitation e-mails', async () => {
    const emails = [uniqueEmail('ana'), uniqueEmail('ben')];
    const res = await hire({ ...acme.keyHeaders, 'x-language': 'pt' }, [
      { email: emails[0], displayName: 'Ana Lima', roles: 'hunter', tags: ['backend'] },
      { email: emails[1].toUpperCase(), firstName: 'Ben', lastName: 'Stone' },
    ]);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toHaveLength(2);
    expect(created[0]).toMatchObject({ email: emails[0], displayName: 'Ana Lima', roles: 'hunter', status: 'invited', invited: true });
    expect(created[1]).toMatchObject({ email: emails[1], displayName: 'Ben Stone', roles: 'user' });
    expect(created[0].link).toMatch(/\/auth\/invite\/iv_/);
    const token = created[0].link.split('/auth/invite/')[1];
    expect((await t.app.inject({ method: 'GET', url: `/auth/invite/${token}` })).statusCode).toBe(200);
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, emails[0]));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'workspace_invite', language: 'pt', workspaceId: acme.workspace.id });
    expect((mails[0].data as Record<string, string>).link).toBe(created[0].link);
  });

  it('leaves people who already are employees unchanged, without a new invitation', async () => {
    const again = await hire(acme.keyHeaders, [{ email: acme.admin.email, roles: 'user' }]);
    expect(again.json()[0]).toMatchObject({ _id: acme.admin.id, roles: 'admin', status: 'active', invited: false, link: null });
  });

  it('an existing account from another workspace joins without a second account', async () => {
    const res = await hire(acme.keyHeaders, [{ email: other.admin.email }]);
    expect(res.json()[0]).toMatchObject({ _id: other.admin.id, invited: true });
  });

  it('is all or nothing and names the bad field', async () => {
    const email = uniqueEmail('dup');
    const dup = await hire(acme.keyHeaders, [{ email }, { email: email.toUpperCase() }]);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().details[0].field).toBe('body/users/1/email');
    const foreignSub = (await t.app.inject({ method: 'POST', url: '/workspace/subaccounts', headers: other.keyHeaders, payload: { name: 'Theirs' } })).json()._id;
    const fresh = uniqueEmail('fresh');
    const bad = await hire(acme.keyHeaders, [{ email: fresh }, { email: uniqueEmail('x'), subaccount_ids: [foreignSub] }]);
    expect(bad.statusCode).toBe(404);
    expect(bad.json().details[0].field).toBe('body/users/1/subaccount_ids/0');
    expect(await t.database.db.select().from(users).where(eq(users.email, fresh))).toHaveLength(0);
    const empty = await hire(acme.keyHeaders, []);
    expect(empty.statusCode).toBe(400);
    const wrongType = await t.app.inject({ method: 'POST', url: '/workspace/users', headers: acme.keyHeaders, payload: { users: [{ email: 'not-an-email' }] } });
    expect(wrongType.json().details[0].field).toBe('body/users/0/email');
  });

  it('nobody gives a role above their own or permissions they lack', async () => {
    const manager = await createMember(t.runtime, acme.workspace.id, 'manager');
    expect((await hire(manager.headers, [{ email: uniqueEmail('x'), roles: 'admin' }])).statusCode).toBe(403);
    expect((await hire(manager.headers, [{ email: uniqueEmail('x'), permissions: ['delete_company'] }])).statusCode).toBe(403);
    expect((await hire(manager.headers, [{ email: uniqueEmail('x'), roles: 'hunter' }])).statusCode).toBe(201);
    const user = await createMember(t.runtime, acme.workspace.id, 'user');
    expect((await hire(user.headers, [{ email: uniqueEmail('x') }])).statusCode).toBe(403);
  });
});

describe('reading employees', () => {
  let ext: { _id: string };
  beforeAll(async () => {
    ext = await hireOne({ displayName: 'Zoe Quantum', roles: 'manager', external_id: 'ext-42', tags: ['data'] });
  });

  it('lists with search, status, permissions and JSONLogic', async () => {
    const list = async (qs: string) => (await t.app.inject({ method: 'GET', url: `/workspace/users?${qs}`, headers: acme.keyHeaders })).json();
    expect((await list('search=zoe quant')).docs.map((d: { _id: string }) => d._id)).toEqual([ext._id]);
    expect((await list('status=active')).docs.every((d: { status: string }) => d.status === 'active')).toBe(true);
    expect((await list('status=pending')).docs.some((d: { _id: string }) => d._id === ext._id)).toBe(true);
    expect((await list(`query=${b64({ '==': [{ var: 'external_id' }, 'ext-42'] })}`)).totalDocs).toBe(1);
    expect((await list(`query=${b64({ and: [{ in: [{ var: 'roles' }, ['manager']] }, { in: ['data', { var: 'tags' }] }] })}`)).totalDocs).toBe(1);
    expect((await list(`query=${b64({ '==': [{ var: 'educations.field_study' }, 'Physics'] })}`)).totalDocs).toBe(0);
    const managers = await list('permissions=manage_user&permissions=create_user');
    expect(managers.docs.map((d: { roles: string }) => d.roles).sort()).not.toContain('user');
    expect(managers.docs.some((d: { _id: string }) => d._id === ext._id)).toBe(true);
    const bad = await t.app.inject({ method: 'GET', url: `/workspace/users?query=${b64({ '==': [{ var: 'password_hash' }, 'x'] })}`, headers: acme.keyHeaders });
    expect(bad.statusCode).toBe(400);
    const badPermission = await t.app.inject({ method: 'GET', url: '/workspace/users?permissions=fly', headers: acme.keyHeaders });
    expect(badPermission.statusCode).toBe(400);
  });

  it('gets one employee with labels in the x-language', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/workspace/users/${ext._id}`, headers: { ...acme.keyHeaders, 'x-language': 'es' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ _id: ext._id, displayName: 'Zoe Quantum', roles: 'manager', status: 'invited', status_formatted: 'Invitado', roles_formatted: ['Gerente'], external_id: 'ext-42', position: null });
  });

  it('profile, teams and skills have their shapes; stats count admins apart', async () => {
    const profile = await t.app.inject({ method: 'GET', url: `/workspace/users/${ext._id}/profile`, headers: acme.keyHeaders });
    expect(profile.json()).toMatchObject({ _id: ext._id, roles: ['manager'], educations: [], skills: [], certifications: [] });
    const teams = await t.app.inject({ method: 'GET', url: `/workspace/users/${ext._id}/teams`, headers: acme.keyHeaders });
    expect(teams.json()).toMatchObject({ docs: [], totalDocs: 0, page: 1, hasNextPage: false });
    const skills = await t.app.inject({ method: 'GET', url: `/workspace/users/${ext._id}/skills`, headers: acme.keyHeaders });
    expect(skills.json()).toEqual({ skills: [] });
    const stats = (await t.app.inject({ method: 'GET', url: '/workspace/users/stats', headers: acme.keyHeaders })).json();
    expect(stats.total).toBe(stats.users_count + stats.admins_count);
    expect(stats.admins_count).toBeGreaterThanOrEqual(1);
  });

  it('another workspace gets 404 for every route naming the employee', async () => {
    for (const url of [`/workspace/users/${ext._id}`, `/workspace/users/${ext._id}/profile`, `/workspace/users/${ext._id}/teams`, `/workspace/users/${ext._id}/skills`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: other.keyHeaders })).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'PUT', url: `/workspace/users/${ext._id}`, headers: other.keyHeaders, payload: { tags: ['x'] } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/workspace/users/${ext._id}`, headers: other.keyHeaders, payload: {} })).statusCode).toBe(404);
    const many = await t.app.inject({ method: 'DELETE', url: '/workspace/users', headers: other.keyHeaders, payload: { users: [{ _id: ext._id }] } });
    expect(many.statusCode).toBe(404);
    expect(many.json().details[0].field).toBe('body/users/0/_id');
  });

  it('a request scoped by x-subaccount-id sees only that subaccount\'s employees', async () => {
    const member = await hireOne();
    const sub = (await t.app.inject({ method: 'POST', url: '/workspace/subaccounts', headers: acme.keyHeaders, payload: { name: 'Scope', user_ids: [member._id] } })).json()._id;
    const scoped = { ...acme.keyHeaders, 'x-subaccount-id': sub };
    const list = (await t.app.inject({ method: 'GET', url: '/workspace/users', headers: scoped })).json();
    expect(list.docs.map((d: { _id: string }) => d._id)).toEqual([member._id]);
    expect((await t.app.inject({ method: 'GET', url: `/workspace/users/${ext._id}`, headers: scoped })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/workspace/users/stats', headers: scoped })).json().total).toBe(1);
    const created = await hire(scoped, [{ email: uniqueEmail('scoped') }]);
    expect((await t.app.inject({ method: 'GET', url: `/workspace/users/${created.json()[0]._id}`, headers: scoped })).json().subaccount_ids).toEqual([sub]);
  });
});

describe('changing employees', () => {
  it('updates role, status, permissions, subaccounts, external id and tags', async () => {
    const emp = await hireOne();
    const sub = (await t.app.inject({ method: 'POST', url: '/workspace/subaccounts', headers: acme.keyHeaders, payload: { name: 'Ops' } })).json()._id;
    const res = await t.app.inject({
      method: 'PUT',
      url: `/workspace/users/${emp._id}`,
      headers: acme.keyHeaders,
      payload: { roles: 'hunter', status: 'active', permissions: ['read_user'], subaccount_ids: [sub], external_id: 'E-1', tags: ['a', 'a', 'b'], position: '62b384d70309831f9c13c87d' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roles: 'hunter', status: 'active', permissions: ['read_user'], subaccount_ids: [sub], external_id: 'E-1', tags: ['a', 'b'] });
    const off = await t.app.inject({ method: 'PUT', url: `/workspace/users/${emp._id}`, headers: acme.keyHeaders, payload: { active: false } });
    expect(off.json().status).toBe('inactive');
    const badSub = await t.app.inject({ method: 'PUT', url: `/workspace/users/${emp._id}`, headers: acme.keyHeaders, payload: { subaccount_ids: ['0123456789abcdef01234567'] } });
    expect(badSub.statusCode).toBe(404);
    expect(badSub.json().details[0].field).toBe('body/subaccount_ids/0');
  });

  it('corrects the e-mail only of people who belong to this workspace alone and have not confirmed; the name always', async () => {
    const emp = await hireOne();
    const newEmail = uniqueEmail('fixed');
    const ok = await t.app.inject({ method: 'PUT', url: `/workspace/users/${emp._id}`, headers: acme.keyHeaders, payload: { displayName: 'Fixed Name', email: newEmail } });
    expect(ok.json()).toMatchObject({ displayName: 'Fixed Name', email: newEmail });
    await hire(other.keyHeaders, [{ email: newEmail }]);
    const shared = await t.app.inject({ method: 'PUT', url: `/workspace/users/${emp._id}`, headers: acme.keyHeaders, payload: { email: uniqueEmail('again') } });
    expect(shared.statusCode).toBe(409);
    expect(shared.json().code).toBe('shared_account');
    // The name is this workspace's own: renaming does not touch the account the other workspace reads.
    const renamed = await t.app.inject({ method: 'PUT', url: `/workspace/users/${emp._id}`, headers: acme.keyHeaders, payload: { displayName: 'Another Name' } });
    expect(renamed.json()).toMatchObject({ displayName: 'Another Name' });
    const seenByOther = await t.app.inject({ method: 'GET', url: `/workspace/users/${emp._id}`, headers: other.keyHeaders });
    expect(seenByOther.json().displayName).not.toMatch(/Fixed Name|Another Name/);
    const same = await t.app.inject({ method: 'PUT', url: `/workspace/users/${emp._id}`, headers: acme.keyHeaders, payload: { displayName: 'Another Name', email: newEmail, tags: ['kept'] } });
    expect(same.statusCode).toBe(200);
  });

  it('keeps at least one active admin', async () => {
    const solo = await createTenant(t.runtime, 'Solo');
    const demote = await t.app.inject({ method: 'PUT', url: `/workspace/users/${solo.admin.id}`, headers: solo.keyHeaders, payload: { roles: 'user' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('last_admin');
    const remove = await t.app.inject({ method: 'DELETE', url: `/workspace/users/${solo.admin.id}`, headers: solo.keyHeaders, payload: {} });
    expect(remove.statusCode).toBe(409);
  });

  it('removes people, deleting accounts only of those in no other workspace', async () => {
    const loner = await hireOne();
    const shared = await hireOne();
    await addMember(t.database.db, other.workspace.id, shared._id);
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/workspace/users',
      headers: acme.keyHeaders,
      payload: { users: [{ _id: loner._id, deleteAccount: true }, { _id: shared._id, deleteAccount: true }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { _id: loner._id, removed: true, account_deleted: true },
      { _id: shared._id, removed: true, account_deleted: false },
    ]);
    expect(await t.database.db.select().from(users).where(eq(users.id, loner._id))).toHaveLength(0);
    expect(await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, other.workspace.id), eq(memberships.userId, shared._id)))).toHaveLength(1);
    const one = await hireOne();
    const single = await t.app.inject({ method: 'DELETE', url: `/workspace/users/${one._id}`, headers: acme.keyHeaders });
    expect(single.json()).toEqual({ _id: one._id, removed: true, account_deleted: false });
  });

  it('deleting accounts needs manage_user; a hunter may not remove a manager', async () => {
    const hunter = await createMember(t.runtime, acme.workspace.id, 'hunter', { permissions: ['delete_user'] });
    const target = await hireOne({ roles: 'manager' });
    const res = await t.app.inject({ method: 'DELETE', url: `/workspace/users/${target._id}`, headers: hunter.headers, payload: {} });
    expect(res.statusCode).toBe(403);
    const plain = await hireOne();
    const withAccount = await t.app.inject({ method: 'DELETE', url: `/workspace/users/${plain._id}`, headers: hunter.headers, payload: { deleteAccount: true } });
    expect(withAccount.statusCode).toBe(403);
  });
});

describe('exports', () => {
  it('the users CSV holds the filtered employees with localized headers', async () => {
    const emp = await hireOne({ displayName: 'Export Me', external_id: 'csv-1', tags: ['t1', 't2'] });
    const res = await t.app.inject({ method: 'POST', url: '/workspace/users/export', headers: { ...acme.keyHeaders, 'x-language': 'pt' }, payload: { search: 'export me' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="users-/);
    const rows = csvRows(res.body);
    expect(rows[0].slice(0, 5)).toEqual(['ID', 'Nome', 'E-mail', 'Papel', 'Status']);
    expect(rows.slice(1)).toHaveLength(1);
    expect(rows[1]).toEqual(expect.arrayContaining([emp._id, 'Export Me', 'Usuário', 'Convidado', 'csv-1', 't1; t2']));
    const future = await t.app.inject({ method: 'POST', url: '/workspace/users/export', headers: acme.keyHeaders, payload: { startDate: '2999-01-01', endDate: '2999-01-31' } });
    expect(csvRows(future.body)).toHaveLength(1);
    const badRange = await t.app.inject({ method: 'POST', url: '/workspace/users/export', headers: acme.keyHeaders, payload: { startDate: '2024-02-01', endDate: '2024-01-01' } });
    expect(badRange.statusCode).toBe(400);
    const list = await t.app.inject({ method: 'GET', url: '/workspace/users/export?search=export%20me', headers: acme.keyHeaders });
    expect(list.json().docs.map((d: { _id: string }) => d._id)).toEqual([emp._id]);
  });

  it('the users CSV of another workspace holds none of these people', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/workspace/users/export', headers: other.keyHeaders, payload: {} });
    const ids = csvRows(res.body).slice(1).map((r) => r[0]);
    expect(ids).not.toContain(acme.admin.id);
  });

  it('the certificates CSV is the header row until certificates exist', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/workspace/users/certificates/export', headers: acme.keyHeaders, payload: { locale: 'es' } });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)).toEqual([['Nombre', 'Correo', 'Certificado', 'Evaluación', 'Tipo', 'Puntuación', 'Emitido', 'Enlace']]);
  });
});
