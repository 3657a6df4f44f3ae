import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';
import { memberships } from '../workspaces/schema.js';
import { users } from '../schema.js';
import { createUser } from '../users.js';
import { createInvite } from '../invites.js';
import { createSamlProvider } from '../saml/providers.js';
import { markSamlProviderVerified } from '../saml/verify-saml-provider.js';
import { createTestIdp } from '../../../../test/support/saml-idp.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 10_000, windowMs: 60_000 } });
});
afterAll(async () => t?.close());

const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });

describe('POST /auth/signin', () => {
  it('signs a workspace admin in and records the login', async () => {
    const tenant = await createTenant(t.runtime, 'Signin Co');
    const res = await post('/auth/signin', { email: tenant.admin.email, password: tenant.adminPassword }, { 'x-language': 'es' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ isNew: false, provider: 'local', flow: 'dashboard', user: { _id: tenant.admin.id, company: tenant.workspace.id, roles: 'admin', roles_formatted: 'Administrador' } });
    const [user] = await t.database.db.select().from(users).where(eq(users.id, tenant.admin.id));
    expect(user.lastLogin).not.toBeNull();
    // The token opens the workspace.
    const keys = await t.app.inject({ method: 'GET', url: '/api-keys', headers: { authorization: `Bearer ${body.token}` } });
    expect(keys.statusCode).toBe(200);
  });

  it('picks the workspace named in x-workspace-id when the user belongs to it', async () => {
    const first = await createTenant(t.runtime, 'First');
    const second = await createTenant(t.runtime, 'Second');
    const { user } = await createMember(t.runtime, first.workspace.id, 'manager');
    await t.database.db.insert(memberships).values({ workspaceId: second.workspace.id, userId: user.id, roles: 'hunter' });
    const res = await post('/auth/signin', { email: user.email, password: 'Correct-Horse-9' }, { 'x-workspace-id': second.workspace.id });
    expect(res.json().user).toMatchObject({ company: second.workspace.id, roles: 'hunter' });
    const elsewhere = await post('/auth/signin', { email: user.email, password: 'Correct-Horse-9' }, { 'x-workspace-id': 'f'.repeat(24) });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().user.company).toBe(first.workspace.id);
  });

  it('accepts an invite while signing in', async () => {
    const tenant = await createTenant(t.runtime, 'Join Co');
    const email = uniqueEmail('joiner');
    const user = await createUser(t.database.db, { email, password: 'Correct-Horse-9', displayName: 'Joiner', confirmed: true });
    const { token } = await createInvite(t.database.db, tenant.workspace.id, { email, roles: 'manager', permissions: ['view_talent_data'] }, t.runtime.config.appUrl);
    const res = await post('/auth/signin', { email, password: 'Correct-Horse-9', invite: token });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ company: tenant.workspace.id, roles: 'manager' });
    const [member] = await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, tenant.workspace.id), eq(memberships.userId, user.id)));
    expect(member).toMatchObject({ roles: 'manager', permissions: ['view_talent_data'], status: 'active' });
    const reuse = await post('/auth/signin', { email, password: 'Correct-Horse-9', invite: token });
    expect(reuse.statusCode).toBe(410);
  });
});

describe('POST /auth/signin errors and security', () => {
  it('answers the same 401 for a wrong password, an unknown e-mail, a password-less account and an unconfirmed one', async () => {
    const tenant = await createTenant(t.runtime, 'Secure Co');
    const oauthOnly = await createUser(t.database.db, { email: uniqueEmail('oauth'), provider: 'google', displayName: 'G' });
    const unconfirmed = await createUser(t.database.db, { email: uniqueEmail('unconfirmed'), password: 'Right-pass-123', displayName: 'U' });
    const answers = await Promise.all([
      post('/auth/signin', { email: tenant.admin.email, password: 'wrong-password' }),
      post('/auth/signin', { email: uniqueEmail('nobody'), password: 'wrong-password' }),
      post('/auth/signin', { email: oauthOnly.email, password: 'wrong-password' }),
      // The right password of an address not confirmed yet: sign-up must not be an oracle.
      post('/auth/signin', { email: unconfirmed.email, password: 'Right-pass-123' }),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'invalid_credentials', message: expect.stringMatching(/^E-mail or password is incorrect/) });
    }
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
  });

  it('names the field on bad input and tolerates unknown fields', async () => {
    const wrongType = await post('/auth/signin', { email: uniqueEmail(), password: 12345678 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details[0].field).toBe('body/password');
    const missing = await post('/auth/signin', { password: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details[0].field).toBe('body/email');
    const tenant = await createTenant(t.runtime, 'Extra Co');
    const extra = await post('/auth/signin', { email: tenant.admin.email, password: tenant.adminPassword, rememberMe: true });
    expect(extra.statusCode).toBe(200);
  });

  it('does not let an invite of workspace A open workspace B', async () => {
    const a = await createTenant(t.runtime, 'A');
    const b = await createTenant(t.runtime, 'B');
    const email = uniqueEmail('crosser');
    await createUser(t.database.db, { email, password: 'Correct-Horse-9', displayName: 'Crosser', confirmed: true });
    const { token } = await createInvite(t.database.db, a.workspace.id, { roles: 'admin' }, t.runtime.config.appUrl);
    const forged = token.replace(a.workspace.id, b.workspace.id);
    const res = await post('/auth/signin', { email, password: 'Correct-Horse-9', invite: forged });
    expect(res.statusCode).toBe(404);
    const inB = await t.database.db.select().from(memberships).where(eq(memberships.workspaceId, b.workspace.id));
    expect(inB.map((m) => m.userId)).toEqual([b.admin.id]);
  });

  it('refuses an invite bound to another address and does not consume it', async () => {
    const tenant = await createTenant(t.runtime, 'Bound Co');
    const { token } = await createInvite(t.database.db, tenant.workspace.id, { email: uniqueEmail('intended') }, t.runtime.config.appUrl);
    const res = await post('/auth/signin', { email: tenant.admin.email, password: tenant.adminPassword, invite: token });
    expect(res.statusCode).toBe(403);
    const check = await t.app.inject({ method: 'GET', url: `/auth/invite/${token}` });
    expect(check.statusCode).toBe(200);
  });
});

describe('POST /auth/connect', () => {
  it('answers by the domain only: local with a password field for any address, whatever account it has', async () => {
    const tenant = await createTenant(t.runtime, 'Connect Co');
    const oauthOnly = await createUser(t.database.db, { email: uniqueEmail('gh'), provider: 'github', displayName: 'G' });
    const ghost = uniqueEmail('ghost');
    for (const email of [tenant.admin.email, oauthOnly.email, ghost]) {
      const res = await post('/auth/connect', { email: email.toUpperCase() });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ email, provider: 'local', password: true });
    }
  });

  it('answers saml for the domain of a verified SAML provider', async () => {
    const tenant = await createTenant(t.runtime, 'Sso Domain Co');
    const domain = `sso-${Date.now().toString(36)}${process.pid}.test`;
    const provider = await createSamlProvider(t.database.db, t.runtime.config, tenant.workspace.id, {
      name: 'IdP', domains: [domain], entryPoint: `https://idp.${domain}/sso`, idpIssuer: `https://idp.${domain}`, idpCert: createTestIdp(`https://idp.${domain}`).cert,
    });
    expect((await post('/auth/connect', { email: `anyone@${domain}` })).json()).toEqual({ email: `anyone@${domain}`, provider: 'local', password: true });
    await markSamlProviderVerified(t.database.db, tenant.workspace.id, provider.id);
    expect((await post('/auth/connect', { email: `anyone@${domain}` })).json()).toEqual({ email: `anyone@${domain}`, provider: 'saml', password: false });
  });

  it('answers 400 naming the field for a missing or wrong-type e-mail', async () => {
    const res = await post('/auth/connect', { email: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('body/email');
  });
});
