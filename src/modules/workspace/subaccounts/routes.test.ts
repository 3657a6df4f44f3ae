import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { memberships } from '../../identity/workspaces/schema.js';

let t: TestApp;
let acme: TenantFixture;
let other: TenantFixture;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await testApp();
  acme = await createTenant(t.runtime, 'Acme Subaccounts');
  other = await createTenant(t.runtime, 'Other Subaccounts');
  alice = (await createMember(t.runtime, acme.workspace.id, 'user')).user.id;
  bob = (await createMember(t.runtime, acme.workspace.id, 'hunter')).user.id;
});
afterAll(async () => {
  await t.close();
});

const create = (headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url: '/workspace/subaccounts', headers, payload });

async function subaccountIdsOf(userId: string) {
  const [row] = await t.database.db
    .select({ ids: memberships.subaccountIds })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, acme.workspace.id), eq(memberships.userId, userId)));
  return row.ids;
}

describe('subaccounts', () => {
  it('creates a subaccount with members and shows it with its users', async () => {
    const res = await create(acme.keyHeaders, { name: 'Engineering', department: 'Technology', region: 'North America', user_ids: [alice] });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Engineering', department: 'Technology', region: 'North America', user_ids: [alice] });
    expect(created.users[0]).toMatchObject({ _id: alice });
    expect(await subaccountIdsOf(alice)).toEqual([created._id]);
    const got = await t.app.inject({ method: 'GET', url: `/workspace/subaccounts/${created._id}`, headers: acme.keyHeaders });
    expect(got.json()).toEqual(created);
  });

  it('update replaces the members and answers redirect_to', async () => {
    const { _id } = (await create(acme.keyHeaders, { name: 'Sales', user_ids: [alice] })).json();
    const res = await t.app.inject({ method: 'PUT', url: `/workspace/subaccounts/${_id}`, headers: acme.keyHeaders, payload: { name: 'Sales LATAM', user_ids: [bob] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ redirect_to: `/assessments/workspace/subaccounts/${_id}` });
    expect(await subaccountIdsOf(alice)).not.toContain(_id);
    expect(await subaccountIdsOf(bob)).toContain(_id);
    const stats = await t.app.inject({ method: 'GET', url: `/workspace/subaccounts/${_id}/stats`, headers: acme.keyHeaders });
    expect(stats.json()).toEqual({ assessments_count: 0, questions_count: 0, scorecards_count: 0, skill_variants_count: 0, teams_count: 0, careers_count: 0, users_count: 1 });
  });

  it('lists with search and ids, and the options variant for selectors', async () => {
    const a = (await create(acme.keyHeaders, { name: 'Zeta Research', region: 'Europe' })).json();
    const b = (await create(acme.keyHeaders, { name: 'Alpha Ops', region: 'Europe' })).json();
    const search = await t.app.inject({ method: 'GET', url: '/workspace/subaccounts?search=europe', headers: acme.keyHeaders });
    expect(search.json().docs.map((d: { _id: string }) => d._id)).toEqual([b._id, a._id]);
    const byId = await t.app.inject({ method: 'GET', url: `/workspace/subaccounts?_id=${a._id}`, headers: acme.keyHeaders });
    expect(byId.json().totalDocs).toBe(1);
    const options = await t.app.inject({ method: 'GET', url: `/workspace/subaccounts/options?_id=${a._id}&_id=${b._id}`, headers: acme.keyHeaders });
    expect(options.json()).toEqual({ docs: [{ _id: b._id, name: 'Alpha Ops' }, { _id: a._id, name: 'Zeta Research' }], totalDocs: 2, totalPages: 1, page: 1, pageSize: 20 });
  });

  it('a request scoped by x-subaccount-id sees only that subaccount', async () => {
    const mine = (await create(acme.keyHeaders, { name: 'Scoped' })).json();
    const res = await t.app.inject({ method: 'GET', url: '/workspace/subaccounts', headers: { ...acme.keyHeaders, 'x-subaccount-id': mine._id } });
    expect(res.json().docs.map((d: { _id: string }) => d._id)).toEqual([mine._id]);
  });

  it('remove deletes it and takes it off its employees', async () => {
    const { _id } = (await create(acme.keyHeaders, { name: 'Temporary', user_ids: [alice, bob] })).json();
    const res = await t.app.inject({ method: 'DELETE', url: `/workspace/subaccounts/${_id}`, headers: acme.keyHeaders });
    expect(res.statusCode).toBe(204);
    expect(await subaccountIdsOf(alice)).not.toContain(_id);
    expect((await t.app.inject({ method: 'GET', url: `/workspace/subaccounts/${_id}`, headers: acme.keyHeaders })).statusCode).toBe(404);
  });

  it('another workspace gets 404 for the subaccount and for its users', async () => {
    const { _id } = (await create(acme.keyHeaders, { name: 'Private' })).json();
    for (const [method, url] of [['GET', `/workspace/subaccounts/${_id}`], ['GET', `/workspace/subaccounts/${_id}/stats`], ['DELETE', `/workspace/subaccounts/${_id}`]] as const) {
      expect((await t.app.inject({ method, url, headers: other.keyHeaders })).statusCode).toBe(404);
    }
    const put = await t.app.inject({ method: 'PUT', url: `/workspace/subaccounts/${_id}`, headers: other.keyHeaders, payload: { name: 'Taken' } });
    expect(put.statusCode).toBe(404);
    const foreignUser = await create(other.keyHeaders, { name: 'Poach', user_ids: [alice] });
    expect(foreignUser.statusCode).toBe(404);
    expect(foreignUser.json().details[0].field).toBe('body/user_ids/0');
  });

  it('bad input is a 400 naming the field', async () => {
    const noName = await create(acme.keyHeaders, { department: 'x' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().details[0].field).toBe('body/name');
    const dup = await create(acme.keyHeaders, { name: 'Dup', user_ids: [alice, alice] });
    expect(dup.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/workspace/subaccounts/not-an-id', headers: acme.keyHeaders })).statusCode).toBe(404);
  });

  it('members without manage_company may read but not change subaccounts', async () => {
    const manager = await createMember(t.runtime, acme.workspace.id, 'manager');
    expect((await t.app.inject({ method: 'GET', url: '/workspace/subaccounts', headers: manager.headers })).statusCode).toBe(200);
    expect((await create(manager.headers, { name: 'Nope' })).statusCode).toBe(403);
  });
});
