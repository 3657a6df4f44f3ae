import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';
import { hashSecret } from '../../../platform/ids.js';
import { memberships, workspaces } from '../workspaces/schema.js';
import { users, workspaceInvites } from '../schema.js';
import { createUser } from '../users.js';
import { createInvite, INVITE_LIFETIME_MS, type NewInvite } from '../invites.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 10_000, windowMs: 60_000 } });
});
afterAll(async () => t?.close());

const invite = (workspaceId: string, input: NewInvite) => createInvite(t.database.db, workspaceId, input, t.runtime.config.appUrl);
const view = (token: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/auth/invite/${token}`, headers });
const accept = (token: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/auth/invite/${token}`, payload });

async function membership(workspaceId: string, userId: string) {
  const [row] = await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row;
}

describe('createInvite', () => {
  it('stores only the hash, embeds the workspace in the token and expires in 7 days', async () => {
    const tenant = await createTenant(t.runtime, 'Inv Co');
    const { id, token, link } = await invite(tenant.workspace.id, { email: 'Someone@Example.test', roles: 'hunter', invitedBy: tenant.admin.id });
    const [row] = await t.database.db.select().from(workspaceInvites).where(and(eq(workspaceInvites.workspaceId, tenant.workspace.id), eq(workspaceInvites.id, id)));
    expect(token.startsWith(`iv_${tenant.workspace.id}_`)).toBe(true);
    expect(link).toBe(`${t.runtime.config.appUrl}/auth/invite/${token}`);
    expect(row).toMatchObject({ email: 'someone@example.test', roles: 'hunter', tokenHash: hashSecret(token), invitedBy: tenant.admin.id, permissions: [], subaccountIds: [], acceptedAt: null });
    const lifetime = row.expiresAt.getTime() - row.created.getTime();
    expect(Math.abs(lifetime - INVITE_LIFETIME_MS)).toBeLessThan(60_000);
  });
});

describe('GET /auth/invite/:token', () => {
  it('shows the workspace, whether it allows passwords and the invited address with a localized role', async () => {
    const tenant = await createTenant(t.runtime, 'Brand Co');
    await t.database.db.update(workspaces).set({ whitelabel: { color: '#123456' } }).where(eq(workspaces.id, tenant.workspace.id));
    const email = uniqueEmail('shown');
    const { id: inviteId, token } = await invite(tenant.workspace.id, { email, roles: 'manager' });
    const res = await view(token, { 'x-language': 'pt' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      _id: inviteId,
      whitelabel: { color: '#123456' },
      password: true,
      company: { _id: tenant.workspace.id, name: 'Brand Co' },
      invited: { email, roles: 'manager', roles_formatted: 'Gestor', registered: false },
    });
  });

  it('answers 404 for unknown or forged tokens and 410 for expired ones', async () => {
    const a = await createTenant(t.runtime, 'A');
    const b = await createTenant(t.runtime, 'B');
    const { token } = await invite(a.workspace.id, {});
    expect((await view('abc123def456')).statusCode).toBe(404);
    expect((await view(token.replace(a.workspace.id, b.workspace.id))).statusCode).toBe(404);
    await t.database.db.update(workspaceInvites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(workspaceInvites.tokenHash, hashSecret(token)));
    expect((await view(token)).json()).toMatchObject({ statusCode: 410, code: 'invite_expired' });
  });
});

describe('POST /auth/invite/:token', () => {
  it('registers a new person with the invite grants and answers isNew', async () => {
    const tenant = await createTenant(t.runtime, 'New Co');
    const email = uniqueEmail('newbie');
    const { token } = await invite(tenant.workspace.id, { email, roles: 'hunter', permissions: ['delete_jobs'] });
    const res = await accept(token, { email, password: 'P@ssw0rd!', firstName: 'New', lastName: 'Bie', roles: 'admin', medium: 'email' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ isNew: true, flow: 'dashboard', user: { displayName: 'New Bie', company: tenant.workspace.id, roles: 'hunter', confirmed: false } });
    expect(await membership(tenant.workspace.id, body.user._id)).toMatchObject({ roles: 'hunter', permissions: ['delete_jobs'], status: 'active' });
    const [row] = await t.database.db.select().from(workspaceInvites).where(eq(workspaceInvites.tokenHash, hashSecret(token)));
    expect(row.acceptedBy).toBe(body.user._id);
    expect((await accept(token, { email, password: 'P@ssw0rd!', displayName: 'Again' })).statusCode).toBe(410);
  });

  it('signs an existing account in with its password and answers isNew false', async () => {
    const tenant = await createTenant(t.runtime, 'Old Co');
    const email = uniqueEmail('existing');
    const user = await createUser(t.database.db, { email, password: 'Correct-Horse-9', displayName: 'Exi Sting', confirmed: true });
    const { token } = await invite(tenant.workspace.id, { roles: 'business' });
    const wrong = await accept(token, { email, password: 'wrong-password' });
    expect(wrong.statusCode).toBe(401);
    const noPassword = await accept(token, { email });
    expect(noPassword.statusCode).toBe(401);
    expect(noPassword.json()).toMatchObject({ code: 'authentication_required', provider: 'local' });
    const res = await accept(token, { email, password: 'Correct-Horse-9' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isNew: false, user: { _id: user.id, company: tenant.workspace.id, roles: 'business' } });
  });

  it('lets a password-less account in with its own session, and activates a pending membership', async () => {
    const tenant = await createTenant(t.runtime, 'Sso Co');
    const email = uniqueEmail('sso');
    const user = await createUser(t.database.db, { email, provider: 'google', displayName: 'S So', confirmed: true });
    await t.database.db.insert(memberships).values({ workspaceId: tenant.workspace.id, userId: user.id, roles: 'user', status: 'invited' });
    const { token } = await invite(tenant.workspace.id, { email, roles: 'manager' });
    expect((await accept(token, { email })).json()).toMatchObject({ statusCode: 401, code: 'authentication_required', provider: 'google' });
    const session = await t.runtime.tokens.sign({ sub: user.id, provider: 'google' });
    const res = await t.app.inject({ method: 'POST', url: `/auth/invite/${token}`, payload: { email }, headers: { authorization: `Bearer ${session}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isNew: false, user: { roles: 'manager', confirmed: true } });
    expect(await membership(tenant.workspace.id, user.id)).toMatchObject({ roles: 'manager', status: 'active' });
  });

  it('does not change an active membership', async () => {
    const tenant = await createTenant(t.runtime, 'Keep Co');
    const { token } = await invite(tenant.workspace.id, { email: tenant.admin.email, roles: 'user' });
    const res = await accept(token, { email: tenant.admin.email, password: tenant.adminPassword });
    expect(res.statusCode).toBe(200);
    expect((await membership(tenant.workspace.id, tenant.admin.id)).roles).toBe('admin');
  });

  it('creates an account without a password when the workspace signs in through SSO only', async () => {
    const tenant = await createTenant(t.runtime, 'Sso Only');
    await t.database.db.update(workspaces).set({ allowPasswordLogin: false }).where(eq(workspaces.id, tenant.workspace.id));
    const email = uniqueEmail('ssonew');
    const { token } = await invite(tenant.workspace.id, { email });
    expect((await view(token)).json().password).toBe(false);
    const res = await accept(token, { email, displayName: 'No Pass' });
    expect(res.statusCode).toBe(200);
    expect(res.json().isNew).toBe(true);
    const [account] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(account.passwordHash).toBeNull();
  });

  it('asks a new account for a password and a name when the workspace allows passwords', async () => {
    const tenant = await createTenant(t.runtime, 'Pw Co');
    const email = uniqueEmail('needs');
    const { token } = await invite(tenant.workspace.id, { email });
    const noPassword = await accept(token, { email, displayName: 'X' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().details[0].field).toBe('body/password');
    const noName = await accept(token, { email, password: 'P@ssw0rd!' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().details[0].field).toBe('body/displayName');
    const wrongType = await accept(token, { email, password: 'P@ssw0rd!', displayName: 'X', address: 'street' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details[0].field).toBe('body/address');
    // None of the refusals spent the invite.
    expect((await view(token)).statusCode).toBe(200);
  });

  it('refuses another address than the invited one, and a token of workspace A rewritten for B', async () => {
    const a = await createTenant(t.runtime, 'A2');
    const b = await createTenant(t.runtime, 'B2');
    const email = uniqueEmail('target');
    const { token } = await invite(a.workspace.id, { email, roles: 'admin' });
    const other = await accept(token, { email: uniqueEmail('thief'), password: 'P@ssw0rd!', displayName: 'Thief' });
    expect(other.statusCode).toBe(403);
    const forged = await accept(token.replace(a.workspace.id, b.workspace.id), { email, password: 'P@ssw0rd!', displayName: 'Target' });
    expect(forged.statusCode).toBe(404);
    const inB = await t.database.db.select().from(memberships).where(eq(memberships.workspaceId, b.workspace.id));
    expect(inB.map((m) => m.userId)).toEqual([b.admin.id]);
  });
});
