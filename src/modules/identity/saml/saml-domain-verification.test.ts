import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { signUpThroughApi } from '../../../../test/support/sign-up.js';
import { createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { TestDnsServer } from '../../../../test/support/dns-server.js';
import { base64, createTestIdp, requestIdFromRedirect, samlResponseXml, signAssertion, type TestIdp } from '../../../../test/support/saml-idp.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { addMember } from '../workspaces/create-workspace.js';
import { memberships } from '../workspaces/schema.js';
import { userIdentities, users } from '../schema.js';
import { createUser } from '../users.js';
import { verifySamlProvider } from './verify-saml-provider.js';

/**
 * Security review #1: a workspace admin registers a SAML provider for someone else's domain with
 * their own IdP. Until the workspace proves the domain (DNS TXT record, or a super admin), its
 * provider may only create new accounts or sign in accounts linked to it.
 */
let t: TestApp;
let dns: TestDnsServer;
beforeAll(async () => {
  dns = await TestDnsServer.start();
  t = await testApp({ rateLimit: { max: 1000, windowMs: 60_000 }, dnsServers: [dns.address] });
});
afterAll(async () => {
  await t.close();
  await dns.close();
});

interface ProviderView { _id: string; sp_entity_id: string; acs_url: string; verified_at: string | null; verification_txt: string }

const newDomain = (label: string) => `${label}-${randomBytes(5).toString('hex')}.test`;
const at = (domain: string, who = 'user') => uniqueEmail(who).replace(/@.*/, `@${domain}`);

/** Anyone on the internet: self-service sign-up with a company makes you its admin. */
async function attacker() {
  const session = await signUpThroughApi(t, { email: uniqueEmail('attacker'), password: 'Attacker-pass-1', displayName: 'Mallory', companyName: 'Evil Inc' });
  return { headers: { authorization: `Bearer ${session.token}`, 'x-workspace-id': session.user.company as string }, workspaceId: session.user.company as string };
}

async function createProvider(headers: Record<string, string>, domains: string[], idp: TestIdp) {
  return t.app.inject({
    method: 'POST', url: '/saml-providers', headers,
    payload: { name: 'IdP', domains, entry_point: 'https://idp.example.test/sso', idp_issuer: idp.issuer, idp_cert: idp.cert },
  });
}

async function provider(headers: Record<string, string>, domains: string[], idp: TestIdp): Promise<ProviderView> {
  const res = await createProvider(headers, domains, idp);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const verify = (headers: Record<string, string>, id: string, query = '') =>
  t.app.inject({ method: 'POST', url: `/saml-providers/${id}/verify${query}`, headers });

/** The whole SP-initiated round trip, started by provider id, with an assertion for `email`. */
async function samlSignIn(p: ProviderView, idp: TestIdp, email: string) {
  const start = await t.app.inject({ method: 'POST', url: '/auth/saml', payload: { id: p._id } });
  expect(start.statusCode, start.body).toBe(200);
  const { redirect_url, relay_state } = start.json();
  const xml = samlResponseXml(idp, { audience: p.sp_entity_id, acsUrl: p.acs_url, inResponseTo: requestIdFromRedirect(redirect_url), email });
  return t.app.inject({ method: 'POST', url: '/auth/saml/callback', payload: { SAMLResponse: base64(signAssertion(idp, xml)), RelayState: relay_state } });
}

async function membership(workspaceId: string, userId: string) {
  const [row] = await t.database.db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row;
}

describe('an unverified SAML provider (domain squatting)', () => {
  it('cannot sign in an existing account of the domain: 409 account_exists_link_required, nothing linked or joined', async () => {
    const domain = newDomain('victim');
    const victimTenant = await createTenant(t.runtime, 'VictimCo');
    const victim = await createUser(t.database.db, { email: `ceo@${domain}`, password: 'Victim-pass-123', displayName: 'CEO', confirmed: true });
    await addMember(t.database.db, victimTenant.workspace.id, victim.id, { roles: 'admin' });
    const a = await attacker();
    const idp = createTestIdp('https://evil-idp.test/meta');
    const p = await provider(a.headers, [domain], idp);
    expect(p.verified_at).toBeNull();

    const cb = await samlSignIn(p, idp, victim.email);
    expect(cb.statusCode, cb.body).toBe(409);
    expect(cb.json()).toMatchObject({ code: 'account_exists_link_required' });
    expect(cb.body).not.toContain('"token"');
    expect(await membership(a.workspaceId, victim.id)).toBeUndefined();
    expect(await t.database.db.select().from(userIdentities).where(eq(userIdentities.userId, victim.id))).toEqual([]);
  });

  it('creates a new, unconfirmed account and signs it in again through its link', async () => {
    const domain = newDomain('fresh');
    const a = await attacker();
    const idp = createTestIdp('https://idp.fresh.test/meta');
    const p = await provider(a.headers, [domain], idp);
    const email = at(domain);
    const first = await samlSignIn(p, idp, email);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ isNew: true, user: { email, confirmed: false, company: a.workspaceId } });
    const again = await samlSignIn(p, idp, email);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ isNew: false, user: { _id: first.json().user._id } });
  });

  it('loses an account it created once the owner of the mailbox claims it (password reset)', async () => {
    const domain = newDomain('claimed');
    const a = await attacker();
    const idp = createTestIdp('https://idp.claimed.test/meta');
    const p = await provider(a.headers, [domain], idp);
    const email = at(domain, 'future');
    expect((await samlSignIn(p, idp, email)).statusCode).toBe(200);

    await t.app.inject({ method: 'POST', url: '/auth/forgot/password', payload: { email } });
    const [mail] = await t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'password_reset')));
    const token = String((mail.data as { link: string }).link).split('/').pop()!;
    const reset = await t.app.inject({ method: 'POST', url: `/auth/reset/${token}`, payload: { newPassword: 'Owner-pass-123', confirmPassword: 'Owner-pass-123' } });
    expect(reset.statusCode, reset.body).toBe(200);

    const after = await samlSignIn(p, idp, email);
    expect(after.statusCode, after.body).toBe(409);
    expect(after.json().code).toBe('account_exists_link_required');
  });

  it('is not chosen by e-mail domain (only through its id) until verified', async () => {
    const domain = newDomain('discover');
    const tenant = await createTenant(t.runtime, 'Discover');
    const p = await provider(tenant.adminHeaders, [domain], createTestIdp('urn:discover'));
    const byEmail = () => t.app.inject({ method: 'POST', url: '/auth/saml', payload: { email: at(domain) } });
    expect((await byEmail()).statusCode).toBe(404);
    dns.setTxt(domain, [p.verification_txt]);
    expect((await verify(tenant.adminHeaders, p._id)).statusCode).toBe(200);
    const found = await byEmail();
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().provider_id).toBe(p._id);
  });

  it('cannot block the real owner: the domain is claimed installation-wide only by a verified provider', async () => {
    const domain = newDomain('owned');
    const a = await attacker();
    const squat = await provider(a.headers, [domain], createTestIdp('urn:squat'));
    const owner = await createTenant(t.runtime, 'Owner');
    const real = await provider(owner.adminHeaders, [domain], createTestIdp('urn:owner'));

    dns.setTxt(domain, [real.verification_txt]);
    const squatVerify = await verify(a.headers, squat._id);
    expect(squatVerify.statusCode, squatVerify.body).toBe(422);
    const ok = await verify(owner.adminHeaders, real._id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().verified_at).toEqual(expect.any(String));

    // Even with its token published too, the squatter cannot take a claimed domain.
    dns.setTxt(domain, [real.verification_txt, squat.verification_txt]);
    const late = await verify(a.headers, squat._id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('saml_domain_taken');
    const another = await createProvider(a.headers, [domain], createTestIdp('urn:again'));
    expect(another.statusCode).toBe(409);
    expect(another.json().code).toBe('saml_domain_taken');
  });
});

describe('verifying a SAML provider', () => {
  let tenant: TenantFixture;
  beforeAll(async () => {
    tenant = await createTenant(t.runtime, 'Verify Co');
  });

  it('needs the TXT record on every domain, naming the ones without it (422), and is idempotent', async () => {
    const [one, two] = [newDomain('one'), newDomain('two')];
    const p = await provider(tenant.adminHeaders, [one, two], createTestIdp('urn:two-domains'));
    expect(p.verification_txt).toMatch(/^assay-saml-verification=[A-Za-z0-9_-]{20,}$/);
    const none = await verify(tenant.adminHeaders, p._id);
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'saml_domain_unverified', details: [{ field: 'domains/0' }, { field: 'domains/1' }] });

    dns.setTxt(one, ['v=spf1 -all', p.verification_txt]);
    dns.setTxt(two, ['assay-saml-verification=someone-elses-token']);
    const half = await verify(tenant.adminHeaders, p._id);
    expect(half.statusCode).toBe(422);
    expect(half.json().details).toEqual([{ field: 'domains/1', message: expect.stringContaining(two) }]);

    dns.setTxt(two, [p.verification_txt]);
    const ok = await verify(tenant.keyHeaders, p._id);
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await verify(tenant.adminHeaders, p._id);
    expect(again.json().verified_at).toBe(ok.json().verified_at);
  });

  it('lets an instance super admin verify without DNS, and nobody else', async () => {
    const p = await provider(tenant.adminHeaders, [newDomain('override')], createTestIdp('urn:override'));
    const byAdmin = await verify(tenant.adminHeaders, p._id, '?override=true');
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().code).toBe('super_admin_required');
    const byKey = await verify(tenant.keyHeaders, p._id, '?override=true');
    expect(byKey.statusCode).toBe(403);
    await t.database.db.update(users).set({ isSuperAdmin: true }).where(eq(users.id, tenant.admin.id));
    try {
      const bySuper = await verify(tenant.adminHeaders, p._id, '?override=true');
      expect(bySuper.statusCode, bySuper.body).toBe(200);
      expect(bySuper.json().verified_at).toEqual(expect.any(String));
    } finally {
      await t.database.db.update(users).set({ isSuperAdmin: false }).where(eq(users.id, tenant.admin.id));
    }
  });

  it('answers 503 when the DNS servers cannot be reached', async () => {
    const p = await provider(tenant.adminHeaders, [newDomain('nodns')], createTestIdp('urn:nodns'));
    const unreachable = { ...t.runtime.config, dnsServers: ['127.0.0.1:9'] };
    await expect(verifySamlProvider(t.database.db, unreachable, tenant.workspace.id, p._id)).rejects.toMatchObject({ statusCode: 503, code: 'dns_unavailable' });
  });
});

describe('a verified SAML provider', () => {
  let tenant: TenantFixture;
  let idp: TestIdp;
  let p: ProviderView;
  let domain: string;
  beforeAll(async () => {
    domain = newDomain('corp');
    tenant = await createTenant(t.runtime, 'Corp');
    idp = createTestIdp('urn:corp');
    p = await provider(tenant.adminHeaders, [domain], idp);
    dns.setTxt(domain, [p.verification_txt]);
    expect((await verify(tenant.adminHeaders, p._id)).statusCode).toBe(200);
  });

  it('signs in the existing account of its domain, links it and confirms new accounts', async () => {
    const existing = await createUser(t.database.db, { email: at(domain, 'old'), password: 'Old-pass-123', confirmed: true });
    const res = await samlSignIn(p, idp, existing.email);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isNew: false, user: { _id: existing.id, company: tenant.workspace.id } });
    const fresh = await samlSignIn(p, idp, at(domain, 'new'));
    expect(fresh.json()).toMatchObject({ isNew: true, user: { confirmed: true } });
  });

  it('adds a person whose membership was deleted again: JIT provisioning, the IdP is the source of truth', async () => {
    const email = at(domain, 'rejoin');
    const first = await samlSignIn(p, idp, email);
    const userId = first.json().user._id;
    await t.database.db.delete(memberships).where(and(eq(memberships.workspaceId, tenant.workspace.id), eq(memberships.userId, userId)));
    const again = await samlSignIn(p, idp, email);
    expect(again.statusCode, again.body).toBe(200);
    expect(await membership(tenant.workspace.id, userId)).toMatchObject({ status: 'active', roles: 'user' });
    expect(await t.database.db.select().from(memberships).where(eq(memberships.userId, userId))).toHaveLength(1);
  });
});
