import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';
import { createUser } from '../users.js';

/**
 * Issue 9 item 14, one policy for every public auth route: no answer tells whether an address has an
 * account. Each route is called for an address with an account (of each kind) and for one without,
 * and must answer the same status and body (the address itself aside).
 */
let t: TestApp;
let accounts: Record<string, string>;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 100_000, windowMs: 60_000 } });
  const tenant = await createTenant(t.runtime, 'Enumeration Co');
  const unconfirmed = await createUser(t.database.db, { email: uniqueEmail('unconfirmed'), displayName: 'Un Confirmed', password: 'Some-pass-123' });
  const social = await createUser(t.database.db, { email: uniqueEmail('social'), displayName: 'So Cial', provider: 'github', confirmed: true });
  accounts = { 'a confirmed account with a password': tenant.admin.email, 'an unconfirmed account': unconfirmed.email, 'a social account': social.email };
});
afterAll(async () => t.close());

const publicRoutes: Array<[string, (email: string) => { method: 'POST'; url: string; payload: Record<string, unknown> }]> = [
  ['sign-up', (email) => ({ method: 'POST', url: '/auth/signup', payload: { email, password: 'Guess-pass-123', displayName: 'Pro Be' } })],
  ['sign-up with a company', (email) => ({ method: 'POST', url: '/auth/signup', payload: { email, password: 'Guess-pass-123', displayName: 'Pro Be', companyName: 'Probe Inc', roles: 'admin' } })],
  ['sign-in with a wrong password', (email) => ({ method: 'POST', url: '/auth/signin', payload: { email, password: 'Guess-pass-123' } })],
  ['connect', (email) => ({ method: 'POST', url: '/auth/connect', payload: { email } })],
  ['forgot password', (email) => ({ method: 'POST', url: '/auth/forgot/password', payload: { email } })],
  ['confirmation resend', (email) => ({ method: 'POST', url: '/auth/confirmation', payload: { email } })],
];

/** Status and body, with the address (any letter case) written out. */
function seen(res: LightMyRequestResponse, email: string) {
  return { status: res.statusCode, body: res.body.split(email.toLowerCase()).join('<email>') };
}

describe('public auth routes answer the same with and without an account', () => {
  it.each(publicRoutes.map(([name, request]) => [name, request] as const))('%s', async (_name, request) => {
    const unknown = uniqueEmail('nobody');
    const baseline = seen(await t.app.inject(request(unknown)), unknown);
    expect(baseline.status).toBeLessThan(500);
    for (const [kind, email] of Object.entries(accounts)) {
      expect(seen(await t.app.inject(request(email)), email), kind).toEqual(baseline);
    }
  });

  it('signing in with the password just sent to sign-up does not tell a new address from a taken one', async () => {
    const fresh = uniqueEmail('fresh');
    const taken = accounts['a confirmed account with a password'];
    const answers = [];
    for (const email of [fresh, taken]) {
      await t.app.inject({ method: 'POST', url: '/auth/signup', payload: { email, password: 'Chosen-pass-123', displayName: 'Pro Be' } });
      answers.push(seen(await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email, password: 'Chosen-pass-123' } }), email));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0].status).toBe(401);
  });
});
