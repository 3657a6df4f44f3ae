import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { uniqueEmail } from '../../../../test/support/fixtures.js';
import { FakeOAuthProvider, type FakeAccount, type FakeProviderName } from '../../../../test/support/fake-oauth-provider.js';
import { createUser } from '../users.js';
import { userIdentities, users } from '../schema.js';

let fake: FakeOAuthProvider;
let t: TestApp;
const redirectUri = 'https://app.assay.test/auth/callback';

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
/** A provider account in that provider's own userinfo shape. */
function account(provider: FakeProviderName, email: string, extra: Record<string, unknown> = {}): FakeAccount {
  subjects += 1;
  const id = `${Date.now()}${process.pid}${subjects}`;
  switch (provider) {
    case 'github':
      return { userinfo: { id: Number(id.slice(-12)), login: `octo${id}`, name: 'Octo Cat', email, ...extra } };
    case 'facebook':
      return { userinfo: { id, name: 'Fay Book', first_name: 'Fay', last_name: 'Book', email, ...extra } };
    default:
      return { userinfo: { sub: id, email, email_verified: true, name: 'Ada Lovelace', given_name: 'Ada', family_name: 'Lovelace', ...extra } };
  }
}

const signIn = (provider: string, payload: Record<string, unknown>, app = t.app) => app.inject({ method: 'POST', url: `/auth/${provider}`, payload });

describe.each(['google', 'github', 'linkedin', 'facebook'] as const)('sign-in with %s', (provider) => {
  it('exchanges the code, creates a confirmed user on first sign-in and finds the same one next time', async () => {
    const email = uniqueEmail(provider);
    const person = account(provider, email);
    const first = await signIn(provider, { code: fake.issueCode(provider, person, redirectUri), redirectUri, scope: 'email profile' });
    expect(first.statusCode, first.body).toBe(200);
    const session = first.json();
    expect(session).toMatchObject({ isNew: true, provider, flow: 'candidate', user: { email, provider, confirmed: true, company: null } });
    expect(session.token).toMatch(/^ey/);

    const again = await signIn(provider, { code: fake.issueCode(provider, person, redirectUri), redirectUri });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ isNew: false, provider, user: { _id: session.user._id } });

    const me = await t.app.inject({ method: 'GET', url: '/health', headers: { authorization: `Bearer ${session.token}` } });
    expect(me.statusCode).toBe(200);
  });

  it('answers 401 when the provider rejects the code, and the code is single-use', async () => {
    const person = account(provider, uniqueEmail(provider));
    const code = fake.issueCode(provider, person, redirectUri);
    const wrongRedirect = await signIn(provider, { code, redirectUri: 'https://evil.test/cb' });
    expect(wrongRedirect.statusCode, wrongRedirect.body).toBe(401);
    expect(wrongRedirect.json().code).toBe('oauth_code_invalid');
    const unknown = await signIn(provider, { code: 'not-a-code', redirectUri });
    expect(unknown.statusCode).toBe(401);
  });
});

describe('sign-in with an access token', () => {
  it('skips the code exchange, checks the token was issued to us and reads the account with it', async () => {
    const email = uniqueEmail('token');
    const token = fake.issueToken('google', account('google', email));
    const before = fake.calls.length;
    const res = await signIn('google', { access_token: token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isNew: true, provider: 'google', user: { email } });
    expect(fake.calls.slice(before)).toEqual(['google tokeninfo', 'google userinfo']);
  });

  it('answers 401 for a token the provider does not know', async () => {
    const res = await signIn('facebook', { access_token: 'forged-token' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('oauth_token_invalid');
  });
});

describe('which account a social sign-in lands in', () => {
  it('links to the existing account with the same verified e-mail', async () => {
    const email = uniqueEmail('existing');
    const existing = await createUser(t.database.db, { email, password: 'Correct-Horse-9', confirmed: true });
    const res = await signIn('linkedin', { code: fake.issueCode('linkedin', account('linkedin', email.toUpperCase()), redirectUri), redirectUri });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isNew: false, provider: 'linkedin', user: { _id: existing.id, provider: 'local' } });
    const links = await t.database.db.select().from(userIdentities).where(eq(userIdentities.userId, existing.id));
    expect(links.map((l) => l.provider)).toEqual(['linkedin']);
  });

  it('confirms an unconfirmed account and drops the password set before confirmation', async () => {
    const email = uniqueEmail('prehijack');
    const squatter = await createUser(t.database.db, { email, password: 'Squatters-Pass-1' });
    const res = await signIn('google', { code: fake.issueCode('google', account('google', email), redirectUri), redirectUri });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ _id: squatter.id, confirmed: true });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, squatter.id));
    expect(row.passwordHash).toBeNull();
  });

  it('takes the primary verified GitHub e-mail from /user/emails when the profile shows none', async () => {
    const email = uniqueEmail('gh-private');
    const person = { ...account('github', ''), emails: [
      { email: uniqueEmail('gh-unverified'), primary: false, verified: false },
      { email, primary: true, verified: true },
    ] };
    person.userinfo.email = null;
    const res = await signIn('github', { code: fake.issueCode('github', person, redirectUri), redirectUri });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.email).toBe(email);
  });

  it('refuses an e-mail the provider has not verified (422) and one it does not share', async () => {
    const unverified = await signIn('google', { access_token: fake.issueToken('google', account('google', uniqueEmail('unv'), { email_verified: false })) });
    expect(unverified.statusCode).toBe(422);
    expect(unverified.json().code).toBe('oauth_email_unverified');
    const hidden = { ...account('github', ''), emails: [{ email: uniqueEmail('gh'), primary: true, verified: false }] };
    hidden.userinfo.email = null;
    const none = await signIn('github', { access_token: fake.issueToken('github', hidden) });
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('oauth_email_missing');
  });
});

describe('bad requests', () => {
  it('names the missing field when neither code nor access_token is sent', async () => {
    const res = await signIn('google', { redirectUri });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field: 'body/code', message: expect.any(String) }]);
    const wrongType = await signIn('github', { code: 12 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details[0].field).toBe('body/code');
  });

  describe('with providers missing or misconfigured', () => {
    let other: TestApp;
    beforeAll(async () => {
      other = await testApp({
        oauth: {
          google: fake.config('google', { tokenEndpoint: 'http://127.0.0.1:9/token' }),
          linkedin: fake.config('linkedin', { clientSecret: 'wrong-secret' }),
        },
      });
    });
    afterAll(async () => other.close());

    it('a provider without client credentials is a 400 provider_not_configured', async () => {
      const res = await signIn('facebook', { code: 'x' }, other.app);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('provider_not_configured');
    });

    it('an unreachable provider is a 503, and rejected client credentials are a server-side 503', async () => {
      const down = await signIn('google', { code: 'x', redirectUri }, other.app);
      expect(down.statusCode).toBe(503);
      expect(down.json().code).toBe('oauth_provider_unavailable');
      const badClient = await signIn('linkedin', { code: fake.issueCode('linkedin', account('linkedin', uniqueEmail('li')), redirectUri), redirectUri }, other.app);
      expect(badClient.statusCode).toBe(503);
      expect(badClient.json().code).toBe('oauth_client_rejected');
    });
  });
});
