import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { hashSecret } from '../../../platform/ids.js';
import { users, userTokens } from '../schema.js';
import { createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 10_000, windowMs: 60_000 } });
  // Not an empty instance, whose first account is confirmed at once.
  await createTenant(t.runtime, 'Already here');
});
afterAll(async () => t?.close());

async function confirmationMails(email: string) {
  return t.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'account_confirmation')))
    .orderBy(desc(mailOutbox.id));
}

async function latestToken(email: string): Promise<string> {
  const [mail] = await confirmationMails(email);
  return decodeURIComponent((mail.data as Record<string, string>).link.split('/').pop()!);
}

async function signUp(): Promise<{ email: string; id: string }> {
  const email = uniqueEmail('confirm');
  const res = await t.app.inject({ method: 'POST', url: '/auth/signup', payload: { email, password: 'P@ssw0rd!', displayName: 'Con Firm' } });
  expect(res.statusCode).toBe(202);
  const [user] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { email, id: user.id };
}

const confirm = (token: string) => t.app.inject({ method: 'PUT', url: `/auth/confirmation/${token}` });
const resend = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/auth/confirmation', payload, headers });

describe('account confirmation', () => {
  it('confirms the account with the mailed token, once', async () => {
    const { email, id } = await signUp();
    const token = await latestToken(email);
    const res = await confirm(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ message: 'User account has been confirmed', user: { _id: id, confirmed: true } });
    const again = await confirm(token);
    expect(again.statusCode).toBe(410);
  });

  it('resends a new link in the request language and retires the old one', async () => {
    const { email } = await signUp();
    const old = await latestToken(email);
    const res = await resend({ email }, { 'x-language': 'es' });
    expect(res.statusCode).toBe(200);
    const mails = await confirmationMails(email);
    expect(mails).toHaveLength(2);
    expect(mails[0].language).toBe('es');
    expect((await confirm(old)).statusCode).toBe(410);
    expect((await confirm(await latestToken(email))).statusCode).toBe(200);
  });

  it('answers the same for unknown and already confirmed addresses without sending anything', async () => {
    const { email } = await signUp();
    await confirm(await latestToken(email));
    const ghost = uniqueEmail('ghost');
    const a = await resend({ email: ghost });
    const b = await resend({ email });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual(b.json());
    expect(await confirmationMails(ghost)).toHaveLength(0);
    expect(await confirmationMails(email)).toHaveLength(1);
  });

  it('refuses unknown and expired tokens', async () => {
    expect((await confirm('nope')).statusCode).toBe(404);
    const { email } = await signUp();
    const token = await latestToken(email);
    await t.database.db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userTokens.tokenHash, hashSecret(token)));
    expect((await confirm(token)).statusCode).toBe(410);
  });

  it('answers 400 naming the field for a wrong-type e-mail and tolerates extra fields', async () => {
    const bad = await resend({ email: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('body/email');
    expect((await resend({ email: uniqueEmail(), source: 'web' })).statusCode).toBe(200);
  });
});
