import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { uniqueEmail } from '../../../../test/support/fixtures.js';
import { FakeOAuthProvider, type FakeAccount, type FakeProviderName } from '../../../../test/support/fake-oauth-provider.js';
import { createUser } from '../users.js';

/**
 * Security review #3: an access token sent by the client may have been issued to another app (any
 * site where the victim once signed in with the same provider). It signs in only when the
 * provider confirms it was issued to our client id.
 */
let fake: FakeOAuthProvider;
let t: TestApp;
beforeAll(async () => {
  fake = await FakeOAuthProvider.start();
  t = await testApp({
    rateLimit: { max: 1000, windowMs: 60_000 },
    oauth: { google: fake.config('google'), github: fake.config('github'), linkedin: fake.config('linkedin'), facebook: fake.config('facebook') },
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

let subjects = 0;
function account(provider: FakeProviderName, email: string): FakeAccount {
  subjects += 1;
  const id = `${Date.now()}${process.pid}${subjects}`;
  switch (provider) {
    case 'github':
      return { userinfo: { id: Number(id.slice(-12)), login: `octo${id}`, name: 'Octo Cat', email } };
    case 'facebook':
      return { userinfo: { id, name: 'Fay Book', email } };
    default:
      return { userinfo: { sub: id, email, email_verified: true, name: 'Ada Lovelace' } };
  }
}

const signIn = (provider: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/auth/${provider}`, payload });

describe.each(['google', 'github', 'linkedin', 'facebook'] as const)('an access token for %s', (provider) => {
  it('issued to another app does not sign the victim in (401) and its account is never read', async () => {
    const victim = await createUser(t.database.db, { email: uniqueEmail('victim'), password: 'Victim-pass-123', confirmed: true });
    const foreign = fake.issueToken(provider, account(provider, victim.email), 'another-app-client-id');
    const before = fake.calls.length;
    const res = await signIn(provider, { access_token: foreign });
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().code).toBe('oauth_token_wrong_client');
    expect(res.body).not.toContain(victim.id);
    expect(fake.calls.slice(before).some((call) => call.includes('userinfo'))).toBe(false);
  });

  it('issued to our client id signs in', async () => {
    const email = uniqueEmail(`${provider}-own`);
    const res = await signIn(provider, { access_token: fake.issueToken(provider, account(provider, email)) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ provider, user: { email } });
  });

  it('that the provider does not know is a 401', async () => {
    const res = await signIn(provider, { access_token: `forged-${provider}-token` });
    expect(res.statusCode, res.body).toBe(401);
    expect(['oauth_token_invalid', 'oauth_token_wrong_client']).toContain(res.json().code);
  });
});
