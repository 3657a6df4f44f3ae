import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { users } from '../schema.js';
import { memberships, workspaces } from '../workspaces/schema.js';
import { createInvite } from '../invites.js';
import { mailedToken, signUpThroughApi } from '../../../../test/support/sign-up.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 10_000, windowMs: 60_000 } });
  // Not an empty instance: its first account has rules of its own (sign-up-modes.test.ts).
  await createTenant(t.runtime, 'Already here');
});
afterAll(async () => t?.close());

const signIn = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email, password } });

const signUp = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/auth/signup', payload, headers });

async function mailsTo(to: string) {
  return t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.created));
}

describe('POST /auth/signup', () => {
  it('registers a candidate unconfirmed, answers 202 without a session and mails the confirmation link', async () => {
    const email = uniqueEmail('signup');
    const res = await signUp({ email, password: 'P@ssw0rd!', displayName: 'John Doe', roles: 'user', origin: 'google', campaign: 'spring', privacy: { terms: true } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ message: expect.any(String), email });
    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ displayName: 'John Doe', confirmedAt: null });
    expect(user.utm).toEqual({ origin: 'google', campaign: 'spring' });
    expect(user.privacy).toEqual({ terms: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.template)).toEqual(['account_confirmation']);
    expect((mails[0].data as Record<string, string>).link).toMatch(/^http.*\/auth\/confirmation\/[A-Za-z0-9_-]+$/);
  });

  it('signs in with the password only once the address is confirmed', async () => {
    const email = uniqueEmail('confirm-first');
    expect((await signUp({ email, password: 'P@ssw0rd!', displayName: 'Wait Ing' })).statusCode).toBe(202);
    const early = await signIn(email, 'P@ssw0rd!');
    expect(early.statusCode).toBe(401);
    expect(early.json().code).toBe('invalid_credentials');
    const token = await mailedToken(t, email, 'account_confirmation');
    expect((await t.app.inject({ method: 'PUT', url: `/auth/confirmation/${token}` })).statusCode).toBe(200);
    const later = await signIn(email, 'P@ssw0rd!');
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json()).toMatchObject({ user: { email, confirmed: true } });
  });

  it('creates a workspace with the admin membership and keeps plan, modules and tech size on it', async () => {
    const email = uniqueEmail('founder');
    const session = await signUpThroughApi(t, { email, password: 'P@ssw0rd!', firstName: 'Ana', lastName: 'Silva', roles: 'admin', companyName: 'Acme Corp', plan: 'free', modules: 'assessments', tech_size: '11-50' });
    const [workspace] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, session.user.company!));
    expect(workspace).toMatchObject({ name: 'Acme Corp', plan: 'free', modules: 'assessments', techSize: '11-50' });
    const [member] = await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.userId, session.user._id)));
    expect(member).toMatchObject({ roles: 'admin', status: 'active' });
    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(user.displayName).toBe('Ana Silva');
  });

  it('mails the confirmation in the x-language', async () => {
    const email = uniqueEmail('pt');
    await signUp({ email, password: 'P@ssw0rd!', displayName: 'Pt Br' }, { 'x-language': 'pt' });
    const [mail] = await mailsTo(email);
    expect(mail.language).toBe('pt');
  });

  it('generates and mails a password when asked, usable once confirmed', async () => {
    const email = uniqueEmail('generated');
    const res = await signUp({ email, displayName: 'Gen Erated', generatePassword: true });
    expect(res.statusCode).toBe(202);
    const mail = (await mailsTo(email)).find((m) => m.template === 'generated_password');
    const password = (mail?.data as Record<string, string>).password;
    expect(password.length).toBeGreaterThanOrEqual(12);
    const token = await mailedToken(t, email, 'account_confirmation');
    await t.app.inject({ method: 'PUT', url: `/auth/confirmation/${token}` });
    expect((await signIn(email, password)).statusCode).toBe(200);
  });

  it('joins the workspace of an invite with the invite role, whatever roles the body asks for', async () => {
    const tenant = await createTenant(t.runtime, 'Invited Co');
    const email = uniqueEmail('invitee');
    const { token } = await createInvite(t.database.db, tenant.workspace.id, { email, roles: 'hunter' }, t.runtime.config.appUrl);
    const res = await signUp({ email, password: 'P@ssw0rd!', displayName: 'In Vitee', roles: 'admin', invite: token });
    expect(res.statusCode).toBe(202);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    // The invite does not confirm the address: its link is also handed to the workspace's admins.
    expect(user.confirmedAt).toBeNull();
    const [member] = await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, tenant.workspace.id), eq(memberships.userId, user.id)));
    expect(member).toMatchObject({ roles: 'hunter', status: 'active' });
    expect((await mailsTo(email)).map((m) => m.template)).toContain('account_confirmation');
  });

  it('tolerates unknown body fields', async () => {
    const res = await signUp({ email: uniqueEmail('extra'), password: 'P@ssw0rd!', displayName: 'X', zzz: 1, nested: { a: 1 } });
    expect(res.statusCode).toBe(202);
  });
});

describe('POST /auth/signup with an address that has an account', () => {
  it('answers exactly as for a new address, changes nothing and mails the owner a notice with a reset link', async () => {
    const email = uniqueEmail('taken');
    const owner = await signUpThroughApi(t, { email, password: 'Owner-pass-1', displayName: 'Owner' });
    const [before] = await t.database.db.select().from(users).where(eq(users.id, owner.user._id));
    const fresh = uniqueEmail('fresh');

    const again = await signUp({ email: email.toUpperCase(), password: 'Intruder-pass-1', displayName: 'Intruder', companyName: 'Takeover Inc' });
    const brandNew = await signUp({ email: fresh, password: 'Intruder-pass-1', displayName: 'Intruder', companyName: 'Takeover Inc' });
    expect(again.statusCode).toBe(brandNew.statusCode);
    expect({ ...again.json(), email: null }).toEqual({ ...brandNew.json(), email: null });
    expect(again.json().email).toBe(email);

    const [after] = await t.database.db.select().from(users).where(eq(users.id, owner.user._id));
    expect(after).toEqual({ ...before, lastLogin: after.lastLogin, lastAuthenticatedAt: after.lastAuthenticatedAt });
    expect((await t.database.db.select().from(memberships).where(eq(memberships.userId, owner.user._id)))).toHaveLength(0);
    expect((await signIn(email, 'Intruder-pass-1')).statusCode).toBe(401);

    const [notice] = await mailsTo(email);
    expect(notice.template).toBe('sign_up_existing_account');
    expect((notice.data as Record<string, string>).signin).toMatch(/\/auth\/signin$/);
    const reset = await mailedToken(t, email, 'sign_up_existing_account');
    const set = await t.app.inject({ method: 'POST', url: `/auth/reset/${reset}`, payload: { newPassword: 'Owner-pass-2', confirmPassword: 'Owner-pass-2' } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await signIn(email, 'Owner-pass-2')).statusCode).toBe(200);
  });

  it('gives the person an account the employees API made a way in: the notice sets a password', async () => {
    const tenant = await createTenant(t.runtime, 'Stub Maker');
    const email = uniqueEmail('stubbed');
    await t.app.inject({ method: 'POST', url: '/workspace/users', headers: tenant.keyHeaders, payload: { users: [{ email }] } });
    expect((await signUp({ email, password: 'Mine-pass-123', displayName: 'Me' })).statusCode).toBe(202);
    const reset = await mailedToken(t, email, 'sign_up_existing_account');
    await t.app.inject({ method: 'POST', url: `/auth/reset/${reset}`, payload: { newPassword: 'Mine-pass-123', confirmPassword: 'Mine-pass-123' } });
    expect((await signIn(email, 'Mine-pass-123')).statusCode).toBe(200);
  });
});

describe('POST /auth/signup errors', () => {
  it('names the field on a wrong type, a short password and missing required fields', async () => {
    const wrongType = await signUp({ email: uniqueEmail(), password: 'P@ssw0rd!', displayName: 'X', generatePassword: 'yes' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details[0].field).toBe('body/generatePassword');

    const short = await signUp({ email: uniqueEmail(), password: 'short', displayName: 'X' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details[0].field).toBe('body/password');

    const noPassword = await signUp({ email: uniqueEmail(), displayName: 'X' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().details[0].field).toBe('body/password');

    const noName = await signUp({ email: uniqueEmail(), password: 'P@ssw0rd!', firstName: 'Only' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().details[0].field).toBe('body/displayName');

    const badEmail = await signUp({ email: 'not-an-email', password: 'P@ssw0rd!', displayName: 'X' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().details[0].field).toBe('body/email');

    const badRole = await signUp({ email: uniqueEmail(), password: 'P@ssw0rd!', displayName: 'X', roles: 'owner' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().details[0].field).toMatch(/^body\/roles/);
  });

  it('refuses a management role without a company or an invite', async () => {
    const res = await signUp({ email: uniqueEmail(), password: 'P@ssw0rd!', displayName: 'X', roles: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('body/companyName');
  });

  it('refuses an unknown, used or someone else’s invite and creates nothing', async () => {
    const tenant = await createTenant(t.runtime, 'Strict Co');
    const unknown = await signUp({ email: uniqueEmail(), password: 'P@ssw0rd!', displayName: 'X', invite: `iv_${tenant.workspace.id}_${'a'.repeat(43)}` });
    expect(unknown.statusCode).toBe(404);

    const { token } = await createInvite(t.database.db, tenant.workspace.id, { email: uniqueEmail('bound') }, t.runtime.config.appUrl);
    const other = uniqueEmail('other');
    const mismatch = await signUp({ email: other, password: 'P@ssw0rd!', displayName: 'X', invite: token });
    expect(mismatch.statusCode).toBe(403);
    expect(mismatch.json().code).toBe('invite_email_mismatch');
    expect(await t.database.db.select().from(users).where(eq(users.email, other))).toHaveLength(0);
  });
});
