import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createMember, createTenant, uniqueEmail, type TenantFixture } from '../../../test/support/fixtures.js';
import { users } from '../identity/schema.js';
import { memberships, subaccounts } from '../identity/workspaces/schema.js';

/**
 * Security review P5: a member confined to subaccounts (an empty list means the whole workspace)
 * may not widen their own scope or anyone's, nor reach employees outside it; and nobody becomes
 * workspace-wide because their last subaccount went away.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 1000, windowMs: 60_000 } });
});
afterAll(async () => t.close());

type Headers = Record<string, string>;
const getEmployee = (headers: Headers, id: string) => t.app.inject({ method: 'GET', url: `/workspace/users/${id}`, headers });

async function subaccount(headers: Headers, name: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/workspace/subaccounts', headers, payload: { name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json()._id;
}

async function subaccountsOf(tenant: TenantFixture, userId: string): Promise<string[]> {
  const [row] = await t.database.db
    .select({ ids: memberships.subaccountIds })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, tenant.workspace.id), eq(memberships.userId, userId)));
  return row.ids;
}

/** A workspace with subaccounts S1 and S2 and an employee only in S2. */
async function confinedWorkspace(name: string) {
  const tenant = await createTenant(t.runtime, name);
  const s1 = await subaccount(tenant.adminHeaders, 'S1');
  const s2 = await subaccount(tenant.adminHeaders, 'S2');
  const outsider = await createMember(t.runtime, tenant.workspace.id, 'user', { subaccountIds: [s2] });
  return { tenant, s1, s2, outsider: outsider.user.id };
}

describe('a confined member editing employees', () => {
  it('may not unconfine themselves with an empty list, and nothing is written', async () => {
    const { tenant, s1, outsider } = await confinedWorkspace('Conf');
    const m = await createMember(t.runtime, tenant.workspace.id, 'manager', { subaccountIds: [s1] });
    expect((await getEmployee(m.headers, outsider)).statusCode).toBe(404);
    const up = await t.app.inject({ method: 'PUT', url: `/workspace/users/${m.user.id}`, headers: m.headers, payload: { subaccount_ids: [], tags: ['x'] } });
    expect(up.statusCode).toBe(403);
    expect(up.json()).toMatchObject({ code: 'subaccount_confinement', details: [{ field: 'body/subaccount_ids' }] });
    expect(await subaccountsOf(tenant, m.user.id)).toEqual([s1]);
    expect((await getEmployee(m.headers, m.user.id)).json().tags).toEqual([]);
    expect((await getEmployee(m.headers, outsider)).statusCode).toBe(404);
  });

  it('may not take a subaccount off themselves, nor unconfine someone else', async () => {
    const { tenant, s1 } = await confinedWorkspace('Conf1');
    const s3 = await subaccount(tenant.adminHeaders, 'S3');
    const m = await createMember(t.runtime, tenant.workspace.id, 'manager', { subaccountIds: [s1, s3] });
    const self = await t.app.inject({ method: 'PUT', url: `/workspace/users/${m.user.id}`, headers: m.headers, payload: { subaccount_ids: [s1] } });
    expect(self.statusCode).toBe(403);
    expect(await subaccountsOf(tenant, m.user.id)).toEqual([s1, s3]);
    const colleague = await createMember(t.runtime, tenant.workspace.id, 'hunter', { subaccountIds: [s1] });
    const widened = await t.app.inject({ method: 'PUT', url: `/workspace/users/${colleague.user.id}`, headers: m.headers, payload: { subaccount_ids: [] } });
    expect(widened.statusCode).toBe(403);
    expect(await subaccountsOf(tenant, colleague.user.id)).toEqual([s1]);
    const moved = await t.app.inject({ method: 'PUT', url: `/workspace/users/${colleague.user.id}`, headers: m.headers, payload: { subaccount_ids: [s3] } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().subaccount_ids).toEqual([s3]);
  });

  it('may not create an unconfined employee, nor one in a subaccount outside their own', async () => {
    const { tenant, s1, s2 } = await confinedWorkspace('Conf2');
    const m = await createMember(t.runtime, tenant.workspace.id, 'manager', { subaccountIds: [s1] });
    const email = uniqueEmail('alt');
    const res = await t.app.inject({ method: 'POST', url: '/workspace/users', headers: m.headers, payload: { users: [{ email, roles: 'manager', subaccount_ids: [] }] } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'subaccount_confinement', details: [{ field: 'body/users/0/subaccount_ids' }] });
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    const outside = await t.app.inject({ method: 'POST', url: '/workspace/users', headers: m.headers, payload: { users: [{ email, subaccount_ids: [s2] }] } });
    expect(outside.statusCode).toBe(404);
    const inside = await t.app.inject({ method: 'POST', url: '/workspace/users', headers: m.headers, payload: { users: [{ email, subaccount_ids: [s1] }] } });
    expect(inside.statusCode, inside.body).toBe(201);
    expect(await subaccountsOf(tenant, inside.json()[0]._id)).toEqual([s1]);
  });
});

describe('a confined admin editing subaccounts', () => {
  it('may not delete a subaccount they are confined to', async () => {
    const { tenant, s1, outsider } = await confinedWorkspace('Conf3');
    const ca = await createMember(t.runtime, tenant.workspace.id, 'admin', { subaccountIds: [s1] });
    const del = await t.app.inject({ method: 'DELETE', url: `/workspace/subaccounts/${s1}`, headers: ca.headers });
    expect(del.statusCode).toBe(403);
    expect(await subaccountsOf(tenant, ca.user.id)).toEqual([s1]);
    expect(await t.database.db.select().from(subaccounts).where(and(eq(subaccounts.workspaceId, tenant.workspace.id), eq(subaccounts.id, s1)))).toHaveLength(1);
    expect((await getEmployee(ca.headers, outsider)).statusCode).toBe(404);
  });

  it('may not pull an employee from outside their scope into their subaccount', async () => {
    const { tenant, s1, s2, outsider } = await confinedWorkspace('Conf4');
    const ca = await createMember(t.runtime, tenant.workspace.id, 'admin', { subaccountIds: [s1] });
    const res = await t.app.inject({ method: 'PUT', url: `/workspace/subaccounts/${s1}`, headers: ca.headers, payload: { name: 'S1', user_ids: [ca.user.id, outsider] } });
    expect(res.statusCode).toBe(404);
    expect(res.json().details[0].field).toBe('body/user_ids/1');
    expect(await subaccountsOf(tenant, outsider)).toEqual([s2]);
    expect((await getEmployee(ca.headers, outsider)).statusCode).toBe(404);
  });

  it('may not take themselves out of their subaccount', async () => {
    const { tenant, s1 } = await confinedWorkspace('Conf5');
    const s3 = await subaccount(tenant.adminHeaders, 'S3');
    const ca = await createMember(t.runtime, tenant.workspace.id, 'admin', { subaccountIds: [s1, s3] });
    const res = await t.app.inject({ method: 'PUT', url: `/workspace/subaccounts/${s1}`, headers: ca.headers, payload: { name: 'S1', user_ids: [] } });
    expect(res.statusCode).toBe(403);
    expect(await subaccountsOf(tenant, ca.user.id)).toEqual([s1, s3]);
  });
});

describe('the last subaccount of a confined member', () => {
  it('is not taken away by deleting the subaccount or replacing its members: 409 until they are moved', async () => {
    const { tenant, s1, s2, outsider } = await confinedWorkspace('Conf6');
    const del = await t.app.inject({ method: 'DELETE', url: `/workspace/subaccounts/${s2}`, headers: tenant.adminHeaders });
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('last_subaccount');
    const replace = await t.app.inject({ method: 'PUT', url: `/workspace/subaccounts/${s2}`, headers: tenant.adminHeaders, payload: { name: 'S2', user_ids: [] } });
    expect(replace.statusCode).toBe(409);
    expect(replace.json().details[0].field).toBe('body/user_ids');
    expect(await subaccountsOf(tenant, outsider)).toEqual([s2]);

    const moved = await t.app.inject({ method: 'PUT', url: `/workspace/users/${outsider}`, headers: tenant.adminHeaders, payload: { subaccount_ids: [s1, s2] } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/workspace/subaccounts/${s2}`, headers: tenant.adminHeaders })).statusCode).toBe(204);
    expect(await subaccountsOf(tenant, outsider)).toEqual([s1]);
  });
});
