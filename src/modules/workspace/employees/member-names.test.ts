import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { createUser } from '../../identity/users.js';

/**
 * Issue 9 item 6: what a workspace writes about a person is that workspace's data. Another workspace
 * adding the same person sees only what it wrote itself, or what the person set on their own account.
 */
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Workspace A');
  b = await createTenant(t.runtime, 'Workspace B');
});
afterAll(async () => t.close());

const hire = (tenant: TenantFixture, person: object) =>
  t.app.inject({ method: 'POST', url: '/workspace/users', headers: tenant.keyHeaders, payload: { users: [person] } });

async function seenBy(tenant: TenantFixture, id: string) {
  const one = await t.app.inject({ method: 'GET', url: `/workspace/users/${id}`, headers: tenant.keyHeaders });
  const profile = await t.app.inject({ method: 'GET', url: `/workspace/users/${id}/profile`, headers: tenant.keyHeaders });
  const list = await t.app.inject({ method: 'GET', url: '/workspace/users?pageSize=100', headers: tenant.keyHeaders });
  const csv = await t.app.inject({ method: 'POST', url: '/workspace/users/export', headers: tenant.keyHeaders, payload: {} });
  const rows = parse(csv.body.replace(/^\ufeff/, ''));
  return {
    get: one.json<{ displayName: string }>().displayName,
    profile: profile.json<{ displayName: string; firstName: string | null; lastName: string | null }>(),
    list: (list.json().docs as Array<{ _id: string; displayName: string }>).find((d) => d._id === id)?.displayName,
    csv: rows.find((r) => r[0] === id)?.[1],
    bodies: [one.body, profile.body, list.body, csv.body].join('\n'),
  };
}

describe("another workspace's words about a person", () => {
  it('B adding someone A named sees neither the name nor the first and last name A gave', async () => {
    const email = uniqueEmail('bob');
    const byA = await hire(a, { email, displayName: 'Robert of A', firstName: 'Robert', lastName: 'Ofa' });
    expect(byA.json()[0].displayName).toBe('Robert of A');

    const byB = await hire(b, { email });
    expect(byB.statusCode).toBe(201);
    const { _id: id, displayName } = byB.json()[0];
    expect(displayName).not.toContain('Robert');
    const b1 = await seenBy(b, id);
    expect(b1.bodies).not.toContain('Robert');
    expect(b1.bodies).not.toContain('Ofa');
    expect(b1.get).toBe(displayName);

    const a1 = await seenBy(a, id);
    expect([a1.get, a1.list, a1.csv]).toEqual(['Robert of A', 'Robert of A', 'Robert of A']);
    expect(a1.profile).toMatchObject({ displayName: 'Robert of A', firstName: 'Robert', lastName: 'Ofa' });
  });

  it('each workspace keeps the name it entered, in its answer, reads, search and export', async () => {
    const email = uniqueEmail('carla');
    await hire(a, { email, displayName: 'Carla Alpha' });
    const byB = await hire(b, { email, firstName: 'Carla', lastName: 'Beta' });
    const id = byB.json()[0]._id;
    expect(byB.json()[0].displayName).toBe('Carla Beta');
    const b1 = await seenBy(b, id);
    expect([b1.get, b1.list, b1.csv]).toEqual(['Carla Beta', 'Carla Beta', 'Carla Beta']);
    expect(b1.bodies).not.toContain('Alpha');
    const search = await t.app.inject({ method: 'GET', url: '/workspace/users?search=alpha', headers: b.keyHeaders });
    expect(search.json().docs).toEqual([]);
    expect((await seenBy(a, id)).get).toBe('Carla Alpha');
  });

  it("a person's own account name shows where the workspace entered none", async () => {
    const own = await createUser(t.database.db, { email: uniqueEmail('own'), displayName: 'Dana Herself', password: 'Own-pass-123', confirmed: true });
    const byB = await hire(b, { email: own.email });
    expect(byB.json()[0].displayName).toBe('Dana Herself');
    expect((await seenBy(b, own.id)).get).toBe('Dana Herself');
    await hire(a, { email: own.email, displayName: 'Dana (sales)' });
    expect((await seenBy(a, own.id)).get).toBe('Dana (sales)');
    expect((await seenBy(b, own.id)).get).toBe('Dana Herself');
  });

  it("renaming someone in B changes B's view only, even when the person is in several workspaces", async () => {
    const email = uniqueEmail('eve');
    const id = (await hire(a, { email, displayName: 'Eve A' })).json()[0]._id;
    await hire(b, { email });
    const renamed = await t.app.inject({ method: 'PUT', url: `/workspace/users/${id}`, headers: b.keyHeaders, payload: { displayName: 'Eve B' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().displayName).toBe('Eve B');
    expect((await seenBy(b, id)).get).toBe('Eve B');
    expect((await seenBy(a, id)).get).toBe('Eve A');
  });
});
