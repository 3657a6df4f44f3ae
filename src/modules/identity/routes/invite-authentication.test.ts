import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { signUpThroughApi } from '../../../../test/support/sign-up.js';
import { users } from '../schema.js';
import { createMember, createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { addMember } from '../workspaces/create-workspace.js';
import { memberships } from '../workspaces/schema.js';
import { createUser } from '../users.js';
import { createInvite } from '../invites.js';

/**
 * Security review #2: invite links are also handed to admins (the employees API answers them), so
 * holding one proves nothing about the invited person. An existing account accepts only when it
 * authenticates; an account created through an invite is not confirmed by it.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 10_000, windowMs: 60_000 } });
});
afterAll(async () => t.close());

/** Anyone on the internet: self-service sign-up with a company makes you its admin. */
async function attacker() {
  const session = await signUpThroughApi(t, { email: uniqueEmail('attacker'), password: 'Attacker-pass-1', displayName: 'Mallory', companyName: 'Evil Inc' });
  return { headers: { authorization: `Bearer ${session.token}`, 'x-workspace-id': session.user.company as string }, workspaceId: session.user.company as string };
}

/** The invite token of an employee the admin adds, taken from the link the employees API answers. */
async function inviteThroughEmployeesApi(headers: Record<string, string>, email: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/workspace/users', headers, payload: { users: [{ email }] } });
  expect(res.statusCode, res.body).toBe(201);
  return new URL(res.json()[0].link).pathname.split('/').pop()!;
}

const accept = (token: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/auth/invite/${encodeURIComponent(token)}`, payload, headers });

async function membership(workspaceId: string, userId: string) {
  const [row] = await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row;
}

describe('accepting an invite as an existing account', () => {
  it('refuses a password-less account without authentication: 401 authentication_required naming its provider', async () => {
    const victimTenant = await createTenant(t.runtime, 'VictimCo2');
    const victim = await createUser(t.database.db, { email: uniqueEmail('oauthonly'), displayName: 'OAuth user', provider: 'google', confirmed: true });
    await addMember(t.database.db, victimTenant.workspace.id, victim.id, { roles: 'manager' });
    const a = await attacker();
    const token = await inviteThroughEmployeesApi(a.headers, victim.email);

    const acc = await accept(token, { email: victim.email });
    expect(acc.statusCode, acc.body).toBe(401);
    expect(acc.json()).toEqual({
      statusCode: 401, error: 'Unauthorized', code: 'authentication_required', message: expect.any(String), provider: 'google',
    });
    expect(await membership(a.workspaceId, victim.id)).toMatchObject({ status: 'invited' });
    // The refusal did not spend the invite.
    expect((await t.app.inject({ method: 'GET', url: `/auth/invite/${token}` })).statusCode).toBe(200);
  });

  it('refuses an account the employees API created (a stub without password), mailed link or not', async () => {
    const tenant = await createTenant(t.runtime, 'Stub Co');
    const email = uniqueEmail('stub');
    const token = await inviteThroughEmployeesApi(tenant.adminHeaders, email);
    const res = await accept(token, { email, password: 'Chosen-by-whoever-1', displayName: 'Whoever' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
    const bare = await accept(token, { email });
    expect(bare.json()).toMatchObject({ code: 'authentication_required', provider: 'local' });
  });

  it('accepts with a Bearer token of that same account (after signing in with its provider)', async () => {
    const tenant = await createTenant(t.runtime, 'Bearer Co');
    const person = await createUser(t.database.db, { email: uniqueEmail('gh'), provider: 'github', confirmed: true });
    const token = await inviteThroughEmployeesApi(tenant.adminHeaders, person.email);
    const session = await t.runtime.tokens.sign({ sub: person.id, provider: 'github' });

    const someoneElse = await createMember(t.runtime, tenant.workspace.id, 'user');
    const wrongUser = await accept(token, { email: person.email }, { authorization: someoneElse.headers.authorization });
    expect(wrongUser.statusCode).toBe(401);
    expect(wrongUser.json()).toMatchObject({ code: 'authentication_required', provider: 'github' });

    const res = await accept(token, { email: person.email }, { authorization: `Bearer ${session}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isNew: false, user: { _id: person.id, company: tenant.workspace.id } });
    expect(await membership(tenant.workspace.id, person.id)).toMatchObject({ status: 'active' });
  });

  it('accepts with the password of the account, and refuses a wrong one', async () => {
    const tenant = await createTenant(t.runtime, 'Pw Co2');
    const person = await createUser(t.database.db, { email: uniqueEmail('pw'), password: 'Right-pass-123', confirmed: true });
    const { token } = await createInvite(t.database.db, tenant.workspace.id, { email: person.email }, t.runtime.config.appUrl);
    expect((await accept(token, { email: person.email, password: 'Wrong-pass-123' })).json().code).toBe('invalid_credentials');
    const res = await accept(token, { email: person.email, password: 'Right-pass-123' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isNew: false, user: { _id: person.id } });
  });

  it("refuses an unconfirmed account's password, as sign-in does (else it would tell a new account from a taken one)", async () => {
    const tenant = await createTenant(t.runtime, 'Pw Co3');
    const person = await createUser(t.database.db, { email: uniqueEmail('pw-unconfirmed'), password: 'Right-pass-123' });
    const { token } = await createInvite(t.database.db, tenant.workspace.id, { email: person.email }, t.runtime.config.appUrl);
    const res = await accept(token, { email: person.email, password: 'Right-pass-123' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
  });
});

describe('accepting an invite as a new account', () => {
  it('creates it unconfirmed, even for an invite bound to that address, and mails the confirmation link', async () => {
    const a = await attacker();
    const email = uniqueEmail('not-yet-registered');
    const { token } = await createInvite(t.database.db, a.workspaceId, { email }, t.runtime.config.appUrl);
    const res = await accept(token, { email, password: 'Attacker-chosen-1', displayName: 'Not Me' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isNew: true, user: { email, confirmed: false } });
    const mails = await t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'account_confirmation')));
    expect(mails).toHaveLength(1);
  });

  it('signs up unconfirmed through POST /auth/signup with an invite too', async () => {
    const tenant = await createTenant(t.runtime, 'Signup Co');
    const email = uniqueEmail('signup-invite');
    const { token } = await createInvite(t.database.db, tenant.workspace.id, { email }, t.runtime.config.appUrl);
    const res = await t.app.inject({ method: 'POST', url: '/auth/signup', payload: { email, password: 'P@ssw0rd!', displayName: 'In Vitee', invite: token } });
    expect(res.statusCode, res.body).toBe(202);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(user.confirmedAt).toBeNull();
    expect(await membership(tenant.workspace.id, user.id)).toMatchObject({ status: 'active' });
  });
});
