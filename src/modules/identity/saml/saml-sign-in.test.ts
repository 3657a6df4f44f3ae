import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import {
  base64,
  createTestIdp,
  prependForgedAssertion,
  requestIdFromRedirect,
  samlResponseXml,
  signAssertion,
  wrapInForgedAssertion,
  type AssertionInput,
  type TestIdp,
} from '../../../../test/support/saml-idp.js';
import { users } from '../schema.js';
import { memberships } from '../workspaces/schema.js';
import { markSamlProviderVerified } from './verify-saml-provider.js';
import { createInvite } from '../invites.js';

let t: TestApp;
let tenant: TenantFixture;
let idp: TestIdp;
let provider: { _id: string; sp_entity_id: string; acs_url: string; entry_point: string };
/** Unique per run: domains belong to one provider across the installation (and the PostgreSQL test database persists). */
const domain = `acme-${randomBytes(6).toString('hex')}.test`;
const person = () => uniqueEmail('sso').replace(/@.*/, `@${domain}`);

beforeAll(async () => {
  // Many sign-ins from one address in a minute: lift the per-route limit for this file.
  t = await testApp({ rateLimit: { max: 1000, windowMs: 60_000 } });
  tenant = await createTenant(t.runtime, 'Acme SSO');
  idp = createTestIdp(`https://idp.${domain}/metadata`);
  const res = await t.app.inject({
    method: 'POST',
    url: '/saml-providers',
    headers: tenant.adminHeaders,
    payload: { name: 'Acme Okta', domains: [domain.toUpperCase()], entry_point: `https://idp.${domain}/sso`, idp_issuer: idp.issuer, idp_cert: idp.cert },
  });
  expect(res.statusCode, res.body).toBe(201);
  provider = res.json();
  // Domain proof has its own tests (saml-domain-verification.test.ts); here the domain is Acme's.
  await markSamlProviderVerified(t.database.db, tenant.workspace.id, provider._id);
});
afterAll(async () => t.close());

/** POST /auth/saml as the web app would, and read the AuthnRequest ID out of the redirect. */
async function startLogin(body: Record<string, unknown> = { email: person() }) {
  const res = await t.app.inject({ method: 'POST', url: '/auth/saml', payload: body });
  expect(res.statusCode, res.body).toBe(200);
  const started = res.json<{ redirect_url: string; provider_id: string; relay_state: string }>();
  return { ...started, requestId: requestIdFromRedirect(started.redirect_url) };
}

function assertion(requestId: string, email: string, overrides: Partial<AssertionInput> = {}): string {
  return samlResponseXml(idp, { audience: provider.sp_entity_id, acsUrl: provider.acs_url, inResponseTo: requestId, email, ...overrides });
}

const callback = (SAMLResponse: string, RelayState: string) =>
  t.app.inject({ method: 'POST', url: '/auth/saml/callback', payload: { SAMLResponse, RelayState } });

describe('SAML provider administration', () => {
  it('stores the provider with normalized domains and the URLs to register at the IdP', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/saml-providers/${provider._id}`, headers: tenant.keyHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ domains: [domain], idp_issuer: idp.issuer, acs_url: expect.stringMatching(/\/auth\/saml\/callback$/) });
    expect(res.json().sp_entity_id).toBe(res.json().metadata_url);
    const list = await t.app.inject({ method: 'GET', url: '/saml-providers', headers: tenant.adminHeaders });
    expect(list.json().map((p: { _id: string }) => p._id)).toEqual([provider._id]);
  });

  it('is for workspace admins only and never shows another workspace\'s provider', async () => {
    const manager = await createMember(t.runtime, tenant.workspace.id, 'manager');
    const denied = await t.app.inject({ method: 'GET', url: '/saml-providers', headers: manager.headers });
    expect(denied.statusCode).toBe(403);
    const other = await createTenant(t.runtime, 'Other');
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: `/saml-providers/${provider._id}`, headers: other.adminHeaders });
      expect(res.statusCode).toBe(404);
    }
    const otherList = await t.app.inject({ method: 'GET', url: '/saml-providers', headers: other.adminHeaders });
    expect(otherList.json()).toEqual([]);
  });

  it('refuses a domain a verified provider has, a public webmail domain and a certificate that does not parse', async () => {
    const other = await createTenant(t.runtime, 'Squatter');
    const base = { name: 'Mine', entry_point: 'https://idp.example.test/sso', idp_issuer: 'urn:x', idp_cert: idp.cert };
    const taken = await t.app.inject({ method: 'POST', url: '/saml-providers', headers: other.adminHeaders, payload: { ...base, domains: [domain] } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('saml_domain_taken');
    const webmail = await t.app.inject({ method: 'POST', url: '/saml-providers', headers: other.adminHeaders, payload: { ...base, domains: ['gmail.com'] } });
    expect(webmail.statusCode).toBe(400);
    expect(webmail.json().details[0].field).toBe('body/domains/0');
    const badCert = await t.app.inject({
      method: 'POST', url: '/saml-providers', headers: other.adminHeaders, payload: { ...base, domains: [`x${domain}`], idp_cert: 'not a certificate' },
    });
    expect(badCert.statusCode).toBe(400);
    expect(badCert.json().details[0].field).toBe('body/idp_cert');
  });

  it('deletes a provider', async () => {
    const extra = `del-${domain}`;
    const created = await t.app.inject({
      method: 'POST', url: '/saml-providers', headers: tenant.adminHeaders,
      payload: { name: 'Temp', domains: [extra], entry_point: 'https://idp.example.test/sso', idp_issuer: 'urn:temp', idp_cert: idp.cert },
    });
    const id = created.json()._id;
    expect((await t.app.inject({ method: 'DELETE', url: `/saml-providers/${id}`, headers: tenant.adminHeaders })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/auth/saml', payload: { id } })).statusCode).toBe(404);
  });

  it('serves service-provider metadata naming the entity id and the assertion consumer URL', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/auth/saml/${provider._id}/metadata` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/samlmetadata+xml');
    expect(res.body).toContain(`entityID="${provider.sp_entity_id}"`);
    expect(res.body).toContain(provider.acs_url);
  });
});

describe('starting SAML sign-in', () => {
  it('finds the provider by e-mail domain or id and answers the IdP redirect with an AuthnRequest', async () => {
    const byEmail = await startLogin({ email: person() });
    expect(byEmail.provider_id).toBe(provider._id);
    expect(byEmail.redirect_url.startsWith(`${provider.entry_point}?SAMLRequest=`)).toBe(true);
    expect(new URL(byEmail.redirect_url).searchParams.get('RelayState')).toBe(byEmail.relay_state);
    const byId = await startLogin({ id: provider._id });
    expect(byId.provider_id).toBe(provider._id);
    expect(byId.requestId).not.toBe(byEmail.requestId);
  });

  it('answers 404 for a domain no provider serves and 400 naming the field when nothing is sent', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/auth/saml', payload: { email: 'someone@no-sso.example.test' } });
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('saml_provider_not_found');
    const unknownId = await t.app.inject({ method: 'POST', url: '/auth/saml', payload: { id: 'ffffffffffffffffffffffff' } });
    expect(unknownId.statusCode).toBe(404);
    const empty = await t.app.inject({ method: 'POST', url: '/auth/saml', payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details[0].field).toBe('body/email');
  });
});

describe('the SAML assertion consumer', () => {
  it('signs in the asserted person as a member of the provider\'s workspace, creating the account once', async () => {
    const email = person();
    const first = await startLogin({ email });
    const res = await callback(base64(signAssertion(idp, assertion(first.requestId, email, { attributes: { firstName: 'Grace', lastName: 'Hopper' } }))), first.relay_state);
    expect(res.statusCode, res.body).toBe(200);
    const session = res.json();
    expect(session).toMatchObject({
      isNew: true, provider: 'saml', flow: 'candidate',
      user: { email, provider: 'saml', confirmed: true, firstName: 'Grace', lastName: 'Hopper', company: tenant.workspace.id, roles: 'user' },
    });
    const asMember = await t.app.inject({ method: 'GET', url: '/saml-providers', headers: { authorization: `Bearer ${session.token}` } });
    expect(asMember.statusCode).toBe(403);

    const second = await startLogin({ email });
    const again = await callback(base64(signAssertion(idp, assertion(second.requestId, email))), second.relay_state);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ isNew: false, user: { _id: session.user._id } });
  });

  it('opens a new account only as SIGNUP allows (closed: never; invite-only: for an invited address)', async () => {
    const config = t.runtime.config;
    try {
      config.signup = 'closed';
      const stranger = person();
      const closed = await startLogin({ email: stranger });
      const refused = await callback(base64(signAssertion(idp, assertion(closed.requestId, stranger))), closed.relay_state);
      expect(refused.json()).toMatchObject({ statusCode: 403, code: 'signup_closed' });

      config.signup = 'invite-only';
      const uninvited = await startLogin({ email: stranger });
      const noInvite = await callback(base64(signAssertion(idp, assertion(uninvited.requestId, stranger))), uninvited.relay_state);
      expect(noInvite.json()).toMatchObject({ statusCode: 403, code: 'signup_invite_only' });
      expect(await t.database.db.select().from(users).where(eq(users.email, stranger))).toHaveLength(0);

      await createInvite(t.database.db, tenant.workspace.id, { email: stranger }, config.appUrl);
      const invited = await startLogin({ email: stranger });
      const opened = await callback(base64(signAssertion(idp, assertion(invited.requestId, stranger))), invited.relay_state);
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.json()).toMatchObject({ isNew: true, user: { email: stranger, company: tenant.workspace.id } });
    } finally {
      config.signup = 'open';
    }
  });

  it('accepts the IdP\'s form post (application/x-www-form-urlencoded)', async () => {
    const email = person();
    const started = await startLogin({ email });
    const form = new URLSearchParams({ SAMLResponse: base64(signAssertion(idp, assertion(started.requestId, email))), RelayState: started.relay_state });
    const res = await t.app.inject({
      method: 'POST', url: '/auth/saml/callback', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.email).toBe(email);
  });

  it('refuses an unsigned assertion', async () => {
    const started = await startLogin();
    const res = await callback(base64(assertion(started.requestId, person())), started.relay_state);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('saml_response_invalid');
  });

  it('refuses an assertion signed by another key', async () => {
    const started = await startLogin();
    const impostor = createTestIdp(idp.issuer);
    const res = await callback(base64(signAssertion(impostor, assertion(started.requestId, person()))), started.relay_state);
    expect(res.statusCode).toBe(401);
  });

  it('refuses an assertion for another audience', async () => {
    const started = await startLogin();
    const res = await callback(base64(signAssertion(idp, assertion(started.requestId, person(), { audience: 'https://other-sp.example.test' }))), started.relay_state);
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/audience/i);
  });

  it('refuses an expired assertion, beyond the clock skew', async () => {
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const inAnHour = new Date(Date.now() + 60 * 60_000);
    const expired = await startLogin();
    const xml = assertion(expired.requestId, person(), { notBefore: new Date(hourAgo.getTime() - 60_000), notOnOrAfter: hourAgo });
    const res = await callback(base64(signAssertion(idp, xml)), expired.relay_state);
    expect(res.statusCode).toBe(401);
    // Expired conditions alone are enough, even with a subject confirmation still valid.
    const conditions = await startLogin();
    const onlyConditions = assertion(conditions.requestId, person(), { notOnOrAfter: hourAgo, subjectNotOnOrAfter: inAnHour });
    const late = await callback(base64(signAssertion(idp, onlyConditions)), conditions.relay_state);
    expect(late.statusCode).toBe(401);
    expect(late.json().message).toMatch(/expired/);
  });

  it('tolerates a small clock difference with the IdP', async () => {
    const email = person();
    const started = await startLogin({ email });
    const res = await callback(base64(signAssertion(idp, assertion(started.requestId, email, { notBefore: new Date(Date.now() + 20_000) }))), started.relay_state);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses an assertion from another issuer', async () => {
    const started = await startLogin();
    const res = await callback(base64(signAssertion(idp, assertion(started.requestId, person(), { issuer: 'https://evil-idp.test' }))), started.relay_state);
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/issuer/);
  });

  it('uses a request once: a replayed response is refused', async () => {
    const email = person();
    const started = await startLogin({ email });
    const response = base64(signAssertion(idp, assertion(started.requestId, email)));
    expect((await callback(response, started.relay_state)).statusCode).toBe(200);
    const replay = await callback(response, started.relay_state);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('saml_response_invalid');
  });

  it('lets exactly one of two simultaneous deliveries of the same response through', async () => {
    const email = person();
    const started = await startLogin({ email });
    const response = base64(signAssertion(idp, assertion(started.requestId, email)));
    const answers = await Promise.all([callback(response, started.relay_state), callback(response, started.relay_state)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('refuses a response answering another request than the RelayState names', async () => {
    const a = await startLogin();
    const b = await startLogin();
    const res = await callback(base64(signAssertion(idp, assertion(a.requestId, person()))), b.relay_state);
    expect(res.statusCode).toBe(401);
    expect((await callback('PHg+PC94Pg==', 'not-a-relay-state')).statusCode).toBe(401);
  });

  it('refuses signature-wrapping attempts and creates no account for the forged e-mail', async () => {
    const genuine = person();
    const forged = person();
    for (const wrap of [wrapInForgedAssertion, prependForgedAssertion]) {
      const started = await startLogin({ email: genuine });
      const signed = signAssertion(idp, assertion(started.requestId, genuine));
      const res = await callback(base64(wrap(signed, genuine, forged)), started.relay_state);
      expect(res.statusCode, res.body).toBe(401);
    }
    const rows = await t.database.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${forged}`);
    expect(rows).toEqual([]);
  });

  it('refuses an e-mail outside the provider\'s domains, and a suspended member', async () => {
    const outsider = await startLogin();
    const res = await callback(base64(signAssertion(idp, assertion(outsider.requestId, uniqueEmail('ceo')))), outsider.relay_state);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('saml_email_domain_mismatch');

    const email = person();
    const first = await startLogin({ email });
    const ok = await callback(base64(signAssertion(idp, assertion(first.requestId, email))), first.relay_state);
    const userId = ok.json().user._id;
    await t.database.db.update(memberships).set({ status: 'inactive' }).where(eq(memberships.userId, userId));
    const second = await startLogin({ email });
    const suspended = await callback(base64(signAssertion(idp, assertion(second.requestId, email))), second.relay_state);
    expect(suspended.statusCode).toBe(403);
    expect(suspended.json().code).toBe('membership_inactive');
  });

  it('names the missing field of a callback without SAMLResponse', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/auth/saml/callback', payload: { RelayState: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('body/SAMLResponse');
  });
});
