import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { signUpThroughApi } from '../../../../test/support/sign-up.js';
import { createMember, createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { userIdentities, users } from '../../identity/schema.js';
import { memberships } from '../../identity/workspaces/schema.js';

/**
 * Security review P6: whoever edits an employee must be able to grant the employee's current role,
 * on every update; and nobody rewrites another person's sign-in e-mail unless the account is an
 * unused stub (the next password reset would go to the new address).
 */
let t: TestApp;
let acme: TenantFixture;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 1000, windowMs: 60_000 } });
  acme = await createTenant(t.runtime, 'Acme Updates');
});
afterAll(async () => t.close());

const put = (headers: Record<string, string>, id: string, payload: object) => t.app.inject({ method: 'PUT', url: `/workspace/users/${id}`, headers, payload });
const userRow = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0];
const statusOf = async (workspaceId: string, id: string) =>
  (await t.database.db.select({ status: memberships.status }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, id))))[0].status;

async function hire(headers: Record<string, string>, person: object): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/workspace/users', headers, payload: { users: [person] } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json()[0]._id;
}

describe('who may change whom', () => {
  it('a manager may not change the e-mail of, pause or tag an admin', async () => {
    const su = await signUpThroughApi(t, { email: uniqueEmail('boss'), password: 'Boss-pass-123', displayName: 'Boss', companyName: 'BossCo' });
    const workspaceId = su.user.company!;
    const boss = su.user;
    const manager = await createMember(t.runtime, workspaceId, 'manager');
    const evil = uniqueEmail('evil');
    const email = await put(manager.headers, boss._id, { email: evil });
    expect(email.statusCode).toBe(403);
    expect(email.json().code).toBe('grant_not_allowed');
    expect((await userRow(boss._id)).email).toBe(boss.email);

    const admin2 = await createMember(t.runtime, workspaceId, 'admin');
    const pause = await put(manager.headers, admin2.user.id, { status: 'paused' });
    expect(pause.statusCode).toBe(403);
    expect(await statusOf(workspaceId, admin2.user.id)).toBe('active');
    expect((await put(manager.headers, admin2.user.id, { tags: ['x'] })).statusCode).toBe(403);
  });

  it('a manager still edits people whose role they could grant', async () => {
    const manager = await createMember(t.runtime, acme.workspace.id, 'manager');
    const hunter = await createMember(t.runtime, acme.workspace.id, 'hunter');
    const res = await put(manager.headers, hunter.user.id, { status: 'paused', tags: ['night'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'paused', tags: ['night'] });
  });
});

describe('changing the sign-in e-mail of someone else', () => {
  it('is refused for an account its owner uses, even unconfirmed and in this workspace alone', async () => {
    const email = uniqueEmail('cand');
    expect((await t.app.inject({ method: 'POST', url: '/auth/signup', payload: { email, password: 'Cand-pass-123', displayName: 'Cand' } })).statusCode).toBe(202);
    const [victim] = await t.database.db.select({ _id: users.id, email: users.email }).from(users).where(eq(users.email, email));
    await hire(acme.adminHeaders, { email: victim.email });
    const res = await put(acme.adminHeaders, victim._id, { email: uniqueEmail('evil2') });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'email_change_forbidden', details: [{ field: 'body/email' }] });
    expect((await userRow(victim._id)).email).toBe(victim.email);
  });

  it('is refused for a password-less account that signed in or has a linked identity', async () => {
    const signedIn = await hire(acme.keyHeaders, { email: uniqueEmail('signed-in') });
    await t.database.db.update(users).set({ lastLogin: new Date() }).where(eq(users.id, signedIn));
    const linked = await hire(acme.keyHeaders, { email: uniqueEmail('linked') });
    await t.database.db.insert(userIdentities).values({ provider: 'github', subject: `gh-${linked}`, userId: linked });
    for (const id of [signedIn, linked]) {
      const res = await put(acme.keyHeaders, id, { email: uniqueEmail('moved') });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('email_change_forbidden');
    }
  });

  it('is allowed for an unused stub and signs its sessions out', async () => {
    const stub = await hire(acme.keyHeaders, { email: uniqueEmail('typo') });
    // No sign-in issues a session to a stub (it would set last_login); a token minted anyway must die with the change.
    const token = await t.runtime.tokens.sign({ sub: stub, provider: 'local', sv: (await userRow(stub)).sessionVersion });
    const asStub = () => t.app.inject({ method: 'GET', url: '/workspace/users', headers: { authorization: `Bearer ${token}` } });
    expect((await asStub()).statusCode).toBe(400);
    const fixed = uniqueEmail('fixed');
    const res = await put(acme.keyHeaders, stub, { email: fixed });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().email).toBe(fixed);
    const stale = await asStub();
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('session_revoked');
  });
});
