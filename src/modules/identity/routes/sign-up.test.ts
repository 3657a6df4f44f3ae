import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { users } from '../schema.js';
import { memberships, workspaces } from '../workspaces/schema.js';
import { createInvite } from '../invites.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 10_000, windowMs: 60_000 } });
});
afterAll(async () => t?.close());

const signUp = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/auth/signup', payload, headers });

async function mailsTo(to: string) {
  return t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.created));
}

describe('POST /auth/signup', () => {
  it('registers a candidate, answers a session with isNew and queues the confirmation mail', async () => {
    const email = uniqueEmail('signup');
    const res = await signUp({ email, password: 'P@ssw0rd!', displayName: 'John Doe', roles: 'user', origin: 'google', campaign: 'spring', privacy: { terms: true } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ isNew: true, provider: 'local', flow: 'candidate', user: { email, displayName: 'John Doe', confirmed: false, company: null } });
    expect(typeof body.token).toBe('string');
    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(user.utm).toEqual({ origin: 'google', campaign: 'spring' });
    expect(user.privacy).toEqual({ terms: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.template)).toEqual(['account_confirmation']);
    expect((mails[0].data as Record<string, string>).link).toMatch(/^http.*\/auth\/confirmation\/[A-Za-z0-9_-]+$/);
    // The session token works on a user route.
    const me = await t.app.inject({ method: 'GET', url: '/api-keys', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.statusCode).not.toBe(401);
  });

  it('creates a workspace with the admin membership and keeps plan, modules and tech size on it', async () => {
    const email = uniqueEmail('founder');
    const res = await signUp({ email, password: 'P@ssw0rd!', firstName: 'Ana', lastName: 'Silva', roles: 'admin', companyName: 'Acme Corp', plan: 'free', modules: 'assessments', tech_size: '11-50' }, { 'x-language': 'pt' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.flow).toBe('dashboard');
    expect(body.user).toMatchObject({ displayName: 'Ana Silva', roles: 'admin', roles_formatted: 'Administrador' });
    const [workspace] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, body.user.company));
    expect(workspace).toMatchObject({ name: 'Acme Corp', plan: 'free', modules: 'assessments', techSize: '11-50' });
    const [member] = await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.userId, body.user._id)));
    expect(member).toMatchObject({ roles: 'admin', status: 'active' });
    const [mail] = await mailsTo(email);
    expect(mail.language).toBe('pt');
  });

  it('generates and mails a password when asked', async () => {
    const email = uniqueEmail('generated');
    const res = await signUp({ email, displayName: 'Gen Erated', generatePassword: true });
    expect(res.statusCode).toBe(201);
    const mail = (await mailsTo(email)).find((m) => m.template === 'generated_password');
    const password = (mail?.data as Record<string, string>).password;
    expect(password.length).toBeGreaterThanOrEqual(12);
    const signIn = await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email, password } });
    expect(signIn.statusCode).toBe(200);
  });

  it('joins the workspace of an invite with the invite role, whatever roles the body asks for', async () => {
    const tenant = await createTenant(t.runtime, 'Invited Co');
    const email = uniqueEmail('invitee');
    const { token } = await createInvite(t.database.db, tenant.workspace.id, { email, roles: 'hunter' }, t.runtime.config.appUrl);
    const res = await signUp({ email, password: 'P@ssw0rd!', displayName: 'In Vitee', roles: 'admin', invite: token });
    expect(res.statusCode).toBe(201);
    // The invite does not confirm the address: its link is also handed to the workspace's admins.
    expect(res.json().user).toMatchObject({ company: tenant.workspace.id, roles: 'hunter', confirmed: false });
    expect((await mailsTo(email)).map((m) => m.template)).toContain('account_confirmation');
  });

  it('tolerates unknown body fields', async () => {
    const res = await signUp({ email: uniqueEmail('extra'), password: 'P@ssw0rd!', displayName: 'X', zzz: 1, nested: { a: 1 } });
    expect(res.statusCode).toBe(201);
  });
});

describe('POST /auth/signup errors', () => {
  it('answers 409 for an e-mail that already has an account, in any letter case', async () => {
    const email = uniqueEmail('dup');
    expect((await signUp({ email, password: 'P@ssw0rd!', displayName: 'One' })).statusCode).toBe(201);
    const again = await signUp({ email: email.toUpperCase(), password: 'P@ssw0rd!', displayName: 'Two' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ statusCode: 409, code: 'email_taken' });
  });

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
