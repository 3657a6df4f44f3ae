import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { FakeOAuthProvider } from '../../../../test/support/fake-oauth-provider.js';
import { mailedToken } from '../../../../test/support/sign-up.js';
import { loadConfig } from '../../../platform/config.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { users, workspaceInvites } from '../schema.js';
import { memberships } from '../workspaces/schema.js';
import { createInvite } from '../invites.js';

/** Issue 9 item 7: SIGNUP=open|invite-only|closed decides who may open an account, on every way in. */
const redirectUri = 'https://app.assay.test/auth/callback';
let fake: FakeOAuthProvider;
beforeAll(async () => {
  fake = await FakeOAuthProvider.start();
});
afterAll(async () => fake.close());

let subjects = 0;
function googleCode(email: string): string {
  subjects += 1;
  const sub = `${Date.now()}${process.pid}${subjects}`;
  return fake.issueCode('google', { userinfo: { sub, email, email_verified: true, name: 'Go Ogle', given_name: 'Go', family_name: 'Ogle' } }, redirectUri);
}

async function appWith(signup: 'invite-only' | 'closed') {
  const t = await testApp({ signup, rateLimit: { max: 100_000, windowMs: 60_000 }, oauth: { google: fake.config('google') } });
  const tenant = await createTenant(t.runtime, `Mode ${signup}`);
  return { t, tenant };
}

const signUpBody = (email: string, extra: Record<string, unknown> = {}) => ({ email, password: 'Mode-pass-123', displayName: 'Mo De', ...extra });
const accountOf = async (t: TestApp, email: string) => (await t.database.db.select().from(users).where(eq(users.email, email)))[0];
const templatesTo = async (t: TestApp, email: string) => (await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email))).map((m) => m.template);

describe('the SIGNUP setting', () => {
  it('defaults to invite-only and refuses an unknown mode', () => {
    expect(loadConfig({}).signup).toBe('invite-only');
    expect(loadConfig({ SIGNUP: 'closed' }).signup).toBe('closed');
    expect(() => loadConfig({ SIGNUP: 'sometimes' })).toThrow(/SIGNUP must be one of open, invite-only, closed/);
  });
});

describe('SIGNUP=invite-only', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => ({ t, tenant } = await appWith('invite-only')));
  afterAll(async () => t.close());

  it('opens no account for an address without an invitation, answers as always and tells the mailbox why', async () => {
    const email = uniqueEmail('uninvited');
    const res = await t.app.inject({ method: 'POST', url: '/auth/signup', payload: signUpBody(email) });
    expect(res.statusCode).toBe(202);
    expect(await accountOf(t, email)).toBeUndefined();
    expect(await templatesTo(t, email)).toEqual(['sign_up_invite_only']);
  });

  it('opens the account of an address holding a pending invitation, and not once the invitation expired', async () => {
    const invited = uniqueEmail('invited');
    await createInvite(t.database.db, tenant.workspace.id, { email: invited }, t.runtime.config.appUrl);
    expect((await t.app.inject({ method: 'POST', url: '/auth/signup', payload: signUpBody(invited) })).statusCode).toBe(202);
    expect(await accountOf(t, invited)).toMatchObject({ email: invited, confirmedAt: null });
    expect(await templatesTo(t, invited)).toEqual(['account_confirmation']);

    const lapsed = uniqueEmail('lapsed');
    await createInvite(t.database.db, tenant.workspace.id, { email: lapsed }, t.runtime.config.appUrl);
    await t.database.db.update(workspaceInvites).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(workspaceInvites.email, lapsed));
    await t.app.inject({ method: 'POST', url: '/auth/signup', payload: signUpBody(lapsed) });
    expect(await accountOf(t, lapsed)).toBeUndefined();
  });

  it('opens the account of whoever holds an invite token, joining its workspace', async () => {
    const { token } = await createInvite(t.database.db, tenant.workspace.id, { roles: 'hunter' }, t.runtime.config.appUrl);
    const email = uniqueEmail('token');
    expect((await t.app.inject({ method: 'POST', url: '/auth/signup', payload: signUpBody(email, { invite: token }) })).statusCode).toBe(202);
    const user = await accountOf(t, email);
    const [member] = await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, tenant.workspace.id), eq(memberships.userId, user.id)));
    expect(member).toMatchObject({ roles: 'hunter', status: 'active' });
  });

  it('social sign-in opens an account only for an invited address', async () => {
    const stranger = uniqueEmail('stranger');
    const refused = await t.app.inject({ method: 'POST', url: '/auth/google', payload: { code: googleCode(stranger), redirectUri } });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().code).toBe('signup_invite_only');
    expect(await accountOf(t, stranger)).toBeUndefined();

    const guest = uniqueEmail('guest');
    await createInvite(t.database.db, tenant.workspace.id, { email: guest }, t.runtime.config.appUrl);
    const opened = await t.app.inject({ method: 'POST', url: '/auth/google', payload: { code: googleCode(guest), redirectUri } });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ isNew: true, user: { email: guest } });
  });

  it('existing accounts sign in as before, with a password or a provider', async () => {
    const signIn = await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email: tenant.admin.email, password: tenant.adminPassword } });
    expect(signIn.statusCode).toBe(200);
    const social = await t.app.inject({ method: 'POST', url: '/auth/google', payload: { code: googleCode(tenant.admin.email), redirectUri } });
    expect(social.statusCode, social.body).toBe(200);
    expect(social.json()).toMatchObject({ isNew: false, user: { _id: tenant.admin.id } });
  });
});

describe('SIGNUP=closed', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => ({ t, tenant } = await appWith('closed')));
  afterAll(async () => t.close());

  it('sign-up answers 403 signup_closed for any address, invite or not, and creates nothing', async () => {
    const { token } = await createInvite(t.database.db, tenant.workspace.id, {}, t.runtime.config.appUrl);
    for (const payload of [signUpBody(uniqueEmail('new')), signUpBody(tenant.admin.email), signUpBody(uniqueEmail('with-invite'), { invite: token })]) {
      const res = await t.app.inject({ method: 'POST', url: '/auth/signup', payload });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'signup_closed', message: expect.stringMatching(/no new accounts/) });
      expect(await templatesTo(t, payload.email)).toEqual([]);
    }
  });

  it('social sign-in and invite acceptance open no account; existing accounts still come in', async () => {
    const stranger = uniqueEmail('stranger');
    const social = await t.app.inject({ method: 'POST', url: '/auth/google', payload: { code: googleCode(stranger), redirectUri } });
    expect(social.json()).toMatchObject({ statusCode: 403, code: 'signup_closed' });

    const { token } = await createInvite(t.database.db, tenant.workspace.id, {}, t.runtime.config.appUrl);
    const accept = await t.app.inject({ method: 'POST', url: `/auth/invite/${token}`, payload: signUpBody(stranger) });
    expect(accept.json()).toMatchObject({ statusCode: 403, code: 'signup_closed' });
    expect(await accountOf(t, stranger)).toBeUndefined();

    const other = await createTenant(t.runtime, 'Closed Other');
    const { token: forAdmin } = await createInvite(t.database.db, other.workspace.id, { email: tenant.admin.email }, t.runtime.config.appUrl);
    const joined = await t.app.inject({ method: 'POST', url: `/auth/invite/${forAdmin}`, payload: { email: tenant.admin.email, password: tenant.adminPassword } });
    expect(joined.statusCode, joined.body).toBe(200);
  });

  it('workspaces still add people, who set a password through the reset link', async () => {
    const email = uniqueEmail('added');
    const added = await t.app.inject({ method: 'POST', url: '/workspace/users', headers: tenant.keyHeaders, payload: { users: [{ email }] } });
    expect(added.statusCode).toBe(201);
    await t.app.inject({ method: 'POST', url: '/auth/forgot/password', payload: { email } });
    const reset = await mailedToken(t, email, 'password_reset');
    await t.app.inject({ method: 'POST', url: `/auth/reset/${reset}`, payload: { newPassword: 'Added-pass-123', confirmPassword: 'Added-pass-123' } });
    const token = new URL(added.json()[0].link).pathname.split('/').pop()!;
    const signIn = await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email, password: 'Added-pass-123', invite: token } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json().user.company).toBe(tenant.workspace.id);
  });
});

// On PostgreSQL the test database is shared by every file, so it is never empty.
describe.skipIf(Boolean(process.env.DATABASE_URL))('the first account of an empty instance', () => {
  it('signs up under invite-only, confirmed at once so it can sign in without mail; the next one needs an invitation', async () => {
    const t = await testApp({ signup: 'invite-only' });
    try {
      const operator = uniqueEmail('operator');
      const res = await t.app.inject({ method: 'POST', url: '/auth/signup', payload: signUpBody(operator, { companyName: 'First Co', roles: 'admin' }) });
      expect(res.statusCode).toBe(202);
      expect((await accountOf(t, operator)).confirmedAt).not.toBeNull();
      const signIn = await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email: operator, password: 'Mode-pass-123' } });
      expect(signIn.statusCode, signIn.body).toBe(200);
      expect(signIn.json().flow).toBe('dashboard');

      const second = uniqueEmail('second');
      await t.app.inject({ method: 'POST', url: '/auth/signup', payload: signUpBody(second) });
      expect(await accountOf(t, second)).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
