import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { signUpThroughApi } from '../../../../test/support/sign-up.js';
import { createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { userIdentities, users } from '../../identity/schema.js';
import { createUser } from '../../identity/users.js';
import { memberships } from '../../identity/workspaces/schema.js';

/**
 * Security review P3: `deleteAccount` deletes only an account this workspace created and nobody
 * ever used (no password, never signed in, no linked identity, no other membership). Anyone else
 * only loses the membership, and `account_deleted: false` says so.
 */
let t: TestApp;
let acme: TenantFixture;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 1000, windowMs: 60_000 } });
  acme = await createTenant(t.runtime, 'Acme Removals');
});
afterAll(async () => t.close());

/** Anyone on the internet: a self-service sign-up with a company makes you its admin. */
async function attacker() {
  const session = await signUpThroughApi(t, { email: uniqueEmail('attacker'), password: 'Attacker-pass-1', displayName: 'Mallory', companyName: 'Evil Inc' });
  return { authorization: `Bearer ${session.token}`, 'x-workspace-id': session.user.company! };
}

async function hire(headers: Record<string, string>, email: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/workspace/users', headers, payload: { users: [{ email }] } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json()[0]._id;
}

const accountExists = async (id: string) => (await t.database.db.select({ id: users.id }).from(users).where(eq(users.id, id))).length === 1;

describe('removing an employee with deleteAccount', () => {
  it('keeps an account its owner uses (password) and only removes the membership', async () => {
    const victim = await createUser(t.database.db, { email: uniqueEmail('candidate'), password: 'Candidate-1', confirmed: true });
    const headers = await attacker();
    await hire(headers, victim.email);
    const del = await t.app.inject({ method: 'DELETE', url: `/workspace/users/${victim.id}`, headers, payload: { deleteAccount: true } });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toEqual({ _id: victim.id, removed: true, account_deleted: false });
    expect(await accountExists(victim.id)).toBe(true);
    const left = await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, headers['x-workspace-id']), eq(memberships.userId, victim.id)));
    expect(left).toHaveLength(0);
  });

  it('keeps accounts that signed in or have a linked identity, deletes the unused stub', async () => {
    const stub = await hire(acme.keyHeaders, uniqueEmail('stub'));
    const signedIn = await hire(acme.keyHeaders, uniqueEmail('signed-in'));
    await t.database.db.update(users).set({ lastLogin: new Date() }).where(eq(users.id, signedIn));
    const linked = await hire(acme.keyHeaders, uniqueEmail('linked'));
    await t.database.db.insert(userIdentities).values({ provider: 'google', subject: `sub-${linked}`, userId: linked });
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/workspace/users',
      headers: acme.keyHeaders,
      payload: { users: [stub, signedIn, linked].map((_id) => ({ _id, deleteAccount: true })) },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      { _id: stub, removed: true, account_deleted: true },
      { _id: signedIn, removed: true, account_deleted: false },
      { _id: linked, removed: true, account_deleted: false },
    ]);
    expect(await accountExists(stub)).toBe(false);
    expect(await accountExists(signedIn)).toBe(true);
    expect(await accountExists(linked)).toBe(true);
  });
});
