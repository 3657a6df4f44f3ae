import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, uniqueEmail } from '../../../test/support/fixtures.js';
import { FakeOAuthProvider } from '../../../test/support/fake-oauth-provider.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { addMember } from './workspaces/create-workspace.js';
import { createUser } from './users.js';

/**
 * Security review #4: a session (JWT) carries the account's session version (`sv`); resetting the
 * password, confirming through a provider (which drops the password) and changing the e-mail bump
 * the version, so every session issued before answers 401.
 */
let t: TestApp;
let fake: FakeOAuthProvider;
beforeAll(async () => {
  fake = await FakeOAuthProvider.start();
  t = await testApp({ rateLimit: { max: 1000, windowMs: 60_000 }, oauth: { google: fake.config('google') } });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const listEmployees = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/workspace/users', headers });

async function signIn(email: string, password: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().token;
}

async function resetPasswordByMail(email: string, password: string) {
  await t.app.inject({ method: 'POST', url: '/auth/forgot/password', payload: { email } });
  const [mail] = await t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'password_reset')));
  const token = String((mail.data as { link: string }).link).split('/').pop()!;
  const res = await t.app.inject({ method: 'POST', url: `/auth/reset/${token}`, payload: { newPassword: password, confirmPassword: password } });
  expect(res.statusCode, res.body).toBe(200);
}

describe('sessions issued before', () => {
  it('a password reset answer 401 after it; a new sign-in works', async () => {
    const tenant = await createTenant(t.runtime, 'Jwt');
    const before = tenant.adminHeaders;
    const signedIn = { ...before, authorization: `Bearer ${await signIn(tenant.admin.email, tenant.adminPassword)}` };
    expect((await listEmployees(before)).statusCode).toBe(200);
    expect((await listEmployees(signedIn)).statusCode).toBe(200);

    await resetPasswordByMail(tenant.admin.email, 'Brand-new-pass-1');
    for (const headers of [before, signedIn]) {
      const res = await listEmployees(headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('session_revoked');
    }
    const fresh = { ...before, authorization: `Bearer ${await signIn(tenant.admin.email, 'Brand-new-pass-1')}` };
    expect((await listEmployees(fresh)).statusCode).toBe(200);
  });

  it('a confirmation through a provider, which drops the password, answer 401 after it', async () => {
    const email = uniqueEmail('prehijack');
    const squatted = await createUser(t.database.db, { email, password: 'Squatters-Pass-1' });
    // An unconfirmed account's password opens no session; one it got another way (an invite) must still die.
    expect((await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email, password: 'Squatters-Pass-1' } })).statusCode).toBe(401);
    const squatter = { authorization: `Bearer ${await t.runtime.tokens.sign({ sub: squatted.id, provider: 'local', sv: 0 })}` };
    expect((await t.app.inject({ method: 'GET', url: '/workspace/users', headers: squatter })).statusCode).toBe(400);

    const owner = fake.issueToken('google', { userinfo: { sub: `${Date.now()}${process.pid}`, email, email_verified: true, name: 'Owner' } });
    const res = await t.app.inject({ method: 'POST', url: '/auth/google', payload: { access_token: owner } });
    expect(res.statusCode, res.body).toBe(200);
    const stale = await t.app.inject({ method: 'GET', url: '/workspace/users', headers: squatter });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('session_revoked');
    expect((await t.app.inject({ method: 'GET', url: '/workspace/users', headers: { authorization: `Bearer ${res.json().token}` } })).statusCode).toBe(400);
  });

  it('an e-mail change answer 401 after it', async () => {
    // Only an unused account's e-mail may be changed by an admin, and no sign-in issues a session to
    // one (it would set last_login): a token minted for it anyway must die with the change.
    const tenant = await createTenant(t.runtime, 'Mail change');
    const person = await createUser(t.database.db, { email: uniqueEmail('typo') });
    await addMember(t.database.db, tenant.workspace.id, person.id, { roles: 'user' });
    const token = await t.runtime.tokens.sign({ sub: person.id, wid: tenant.workspace.id, provider: 'local', sv: 0 });
    const session = { authorization: `Bearer ${token}`, 'x-workspace-id': tenant.workspace.id };
    const me = `/workspace/users/${person.id}`;
    expect((await listEmployees(session)).statusCode).not.toBe(401);

    const changed = await t.app.inject({ method: 'PUT', url: me, headers: tenant.adminHeaders, payload: { email: uniqueEmail('fixed') } });
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = await listEmployees(session);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('session_revoked');
  });
});
