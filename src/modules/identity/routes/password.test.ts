import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { uniqueEmail } from '../../../../test/support/fixtures.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { hashSecret } from '../../../platform/ids.js';
import { userTokens } from '../schema.js';
import { createUser, type User } from '../users.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 10_000, windowMs: 60_000 } });
});
afterAll(async () => t?.close());

const inject = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload, headers });

async function newAccount(): Promise<User> {
  return createUser(t.database.db, { email: uniqueEmail('reset'), password: 'Old-Password-1', displayName: 'Res Etter' });
}

/** Asks for a reset and returns the token from the queued mail's link. */
async function resetToken(email: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await inject('POST', '/auth/forgot/password', { email }, headers);
  expect(res.statusCode).toBe(200);
  const [mail] = await t.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'password_reset')))
    .orderBy(desc(mailOutbox.id));
  const link = (mail.data as Record<string, string>).link;
  expect(link.startsWith(`${t.runtime.config.appUrl}/auth/reset/`)).toBe(true);
  return decodeURIComponent(link.split('/').pop()!);
}

const signIn = (email: string, password: string) => inject('POST', '/auth/signin', { email, password });

describe('password reset', () => {
  it('mails a link, validates its token, sets the new password once', async () => {
    const user = await newAccount();
    const token = await resetToken(user.email, { 'x-language': 'pt' });
    const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, user.email));
    expect(mail.language).toBe('pt');
    const [row] = await t.database.db.select().from(userTokens).where(eq(userTokens.userId, user.id));
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.created.getTime()).toBeLessThanOrEqual(60 * 60 * 1000 + 5_000);

    const check = await inject('GET', `/auth/reset/${token}`);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ email: user.email });

    const res = await inject('POST', `/auth/reset/${token}`, { newPassword: 'N3wP@ssw0rd!', confirmPassword: 'N3wP@ssw0rd!' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ message: 'Password has been set successfully', user: { _id: user.id, email: user.email, confirmed: true } });
    expect((await signIn(user.email, 'N3wP@ssw0rd!')).statusCode).toBe(200);
    expect((await signIn(user.email, 'Old-Password-1')).statusCode).toBe(401);
  });

  it('answers the same message for an unknown address and queues nothing', async () => {
    const email = uniqueEmail('nobody');
    const known = await newAccount();
    const a = await inject('POST', '/auth/forgot/password', { email });
    const b = await inject('POST', '/auth/forgot/password', { email: known.email });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual(b.json());
    expect(await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email))).toHaveLength(0);
  });

  it('refuses a token a second time', async () => {
    const user = await newAccount();
    const token = await resetToken(user.email);
    const body = { newPassword: 'N3wP@ssw0rd!', confirmPassword: 'N3wP@ssw0rd!' };
    expect((await inject('POST', `/auth/reset/${token}`, body)).statusCode).toBe(200);
    const again = await inject('POST', `/auth/reset/${token}`, { newPassword: 'Another-Pass-2', confirmPassword: 'Another-Pass-2' });
    expect(again.statusCode).toBe(410);
    expect((await inject('GET', `/auth/reset/${token}`)).statusCode).toBe(410);
    expect((await signIn(user.email, 'Another-Pass-2')).statusCode).toBe(401);
  });

  it('retires the older links once one of them was used', async () => {
    const user = await newAccount();
    const first = await resetToken(user.email);
    const second = await resetToken(user.email);
    expect((await inject('POST', `/auth/reset/${second}`, { newPassword: 'N3wP@ssw0rd!', confirmPassword: 'N3wP@ssw0rd!' })).statusCode).toBe(200);
    expect((await inject('GET', `/auth/reset/${first}`)).statusCode).toBe(410);
  });

  it('refuses an expired token', async () => {
    const user = await newAccount();
    const token = await resetToken(user.email);
    await t.database.db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userTokens.tokenHash, hashSecret(token)));
    expect((await inject('GET', `/auth/reset/${token}`)).statusCode).toBe(410);
    const res = await inject('POST', `/auth/reset/${token}`, { newPassword: 'N3wP@ssw0rd!', confirmPassword: 'N3wP@ssw0rd!' });
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('token_expired');
  });

  it('answers 404 for an unknown token and does not accept a confirmation token', async () => {
    expect((await inject('GET', '/auth/reset/not-a-token')).json()).toMatchObject({ statusCode: 404, code: 'token_not_found' });
    const email = uniqueEmail('cross');
    await inject('POST', '/auth/signup', { email, password: 'P@ssw0rd!', displayName: 'Cross' });
    const [mail] = await t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'account_confirmation')));
    const confirmToken = decodeURIComponent((mail.data as Record<string, string>).link.split('/').pop()!);
    expect((await inject('GET', `/auth/reset/${confirmToken}`)).statusCode).toBe(404);
  });

  it('answers 400 naming the field for mismatched, short or wrong-type passwords', async () => {
    const user = await newAccount();
    const token = await resetToken(user.email);
    const mismatch = await inject('POST', `/auth/reset/${token}`, { newPassword: 'N3wP@ssw0rd!', confirmPassword: 'different!!' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().details[0].field).toBe('body/confirmPassword');
    const short = await inject('POST', `/auth/reset/${token}`, { newPassword: 'short', confirmPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details[0].field).toBe('body/newPassword');
    const wrongType = await inject('POST', `/auth/reset/${token}`, { newPassword: 12345678, confirmPassword: 12345678 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details[0].field).toBe('body/newPassword');
    const forgot = await inject('POST', '/auth/forgot/password', { email: ['a@b.c'] });
    expect(forgot.statusCode).toBe(400);
    expect(forgot.json().details[0].field).toBe('body/email');
    // The failed attempts did not spend the token.
    expect((await inject('GET', `/auth/reset/${token}`)).statusCode).toBe(200);
  });
});
