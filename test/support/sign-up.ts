import { and, desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { users } from '../../src/modules/identity/schema.js';
import type { TestApp } from './app.js';

/** The one-time token of the last link e-mailed to an address with that template. */
export async function mailedToken(t: TestApp, email: string, template: string): Promise<string> {
  const [mail] = await t.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.to, email.toLowerCase()), eq(mailOutbox.template, template)))
    .orderBy(desc(mailOutbox.created))
    .limit(1);
  expect(mail, `no ${template} mail to ${email}`).toBeDefined();
  return decodeURIComponent((mail.data as Record<string, string>).link.split('/').pop()!);
}

/**
 * Anyone on the internet opening an account through the API, as a client does: sign up (202),
 * follow the e-mailed confirmation link (unless it was the instance's first account), sign in. Answers the sign-in session.
 */
export async function signUpThroughApi(t: TestApp, payload: { email: string; password: string } & Record<string, unknown>) {
  const signUp = await t.app.inject({ method: 'POST', url: '/auth/signup', payload });
  expect(signUp.statusCode, signUp.body).toBe(202);
  // The first account of an empty instance is confirmed at once and gets no link.
  const [account] = await t.database.db.select({ confirmedAt: users.confirmedAt }).from(users).where(eq(users.email, payload.email.toLowerCase()));
  if (!account?.confirmedAt) {
    const token = await mailedToken(t, payload.email, 'account_confirmation');
    const confirmed = await t.app.inject({ method: 'PUT', url: `/auth/confirmation/${encodeURIComponent(token)}` });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  }
  const signIn = await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email: payload.email, password: payload.password } });
  expect(signIn.statusCode, signIn.body).toBe(200);
  return signIn.json<{ token: string; user: { _id: string; email: string; company: string | null; confirmed: boolean } }>();
}
