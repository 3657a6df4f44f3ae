import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { newId } from '../../../platform/ids.js';
import { jobOutbox } from '../../../platform/jobs/schema.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { renderMail } from '../../../platform/mail/render-mail.js';
import { users } from '../../identity/schema.js';
import { grantSuperAdmin } from '../../identity/super-admins.js';
import { assessmentLinks, attempts } from '../schema.js';
import { fourKinds, insertAssessment, insertQuestion } from './attempt-fixtures.js';
import { SEND_INVITATIONS } from './send-invitations.js';

let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Inviters');
  b = await createTenant(t.runtime, 'Strangers');
});
afterAll(() => t.close());

const db = () => t.database.db;

async function published(settings = {}, language: 'en' | 'pt' | 'es' = 'en') {
  const q = await insertQuestion(db(), a.workspace.id, fourKinds.choice);
  return insertAssessment(db(), a.workspace.id, { questionIds: [q], settings, language });
}

const mailsTo = (emails: string[]) => db().select().from(mailOutbox).where(and(inArray(mailOutbox.to, emails), eq(mailOutbox.template, 'attempt_invitation')));

async function invite(assessmentId: string, participants: object[], extra: object = {}) {
  const res = await t.app.inject({ method: 'POST', url: `/assessments/${assessmentId}/attempts`, headers: a.keyHeaders, payload: { participants, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Array<{ _id: string; email: string; link: string; invited: boolean; status: string; invitation_date_expire: string }>>();
}

describe('inviting people', () => {
  it('invites many in one request: accounts for unknown e-mails, an attempt and a localized e-mail each, idempotent per e-mail', async () => {
    const assessment = await published({ invitation_expire_days: 3 }, 'pt');
    const emails = Array.from({ length: 30 }, (_, i) => uniqueEmail(`many${i}`));
    const answered = await invite(assessment.id, emails.map((email, i) => ({ email, name: `Pessoa ${i}` })));
    expect(answered.map((x) => x.email)).toEqual(emails);
    expect(answered.every((x) => x.invited && x.status === 'invited')).toBe(true);
    const days = (Date.parse(answered[0].invitation_date_expire) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.01);
    const accounts = await db().select().from(users).where(inArray(users.email, emails));
    expect(accounts).toHaveLength(30);
    const mails = await mailsTo(emails);
    expect(mails).toHaveLength(30);
    const first = mails.find((m) => m.to === emails[0])!;
    expect(renderMail(first.template, first.language, first.data as Record<string, unknown>).subject).toBe('Inviters convida você para a avaliação Backend fundamentals');
    expect((first.data as { link: string }).link).toBe(answered[0].link);

    const again = await invite(assessment.id, [{ email: emails[0] }, { email: uniqueEmail('new') }]);
    expect(again.map((x) => x.invited)).toEqual([false, true]);
    expect(again[0]._id).toBe(answered[0]._id);
    expect(await mailsTo([emails[0]])).toHaveLength(1);
  });

  it('disable_email sends nothing; a repeated e-mail in one request is a 400 naming it, and nothing is written', async () => {
    const assessment = await published();
    const quiet = uniqueEmail('quiet');
    const [attempt] = await invite(assessment.id, [{ email: quiet }], { disable_email: true });
    expect(attempt.invited).toBe(true);
    expect(await mailsTo([quiet])).toHaveLength(0);
    const twice = uniqueEmail('twice');
    const res = await t.app.inject({ method: 'POST', url: `/assessments/${assessment.id}/attempts`, headers: a.keyHeaders, payload: { participants: [{ email: twice }, { email: twice.toUpperCase() }] } });
    expect([res.statusCode, res.json().details[0].field]).toEqual([400, 'body/participants/1/email']);
    expect(await db().select().from(attempts).where(eq(attempts.email, twice))).toHaveLength(0);
  });

  it('re-sends invitations now or at send_at, and the deprecated route does the same for its assessment only', async () => {
    const assessment = await published();
    const email = uniqueEmail('again');
    const [attempt] = await invite(assessment.id, [{ email }]);
    const now = await t.app.inject({ method: 'POST', url: '/assessments/attempts/bulk/invite', headers: a.keyHeaders, payload: { ids: [attempt._id] } });
    expect(now.json()).toEqual({ attempts: [{ _id: attempt._id, status: 'invited', sent: true }], send_at: null });
    expect(await mailsTo([email])).toHaveLength(2);

    const later = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await t.app.inject({ method: 'POST', url: '/assessments/attempts/bulk/invite', headers: a.keyHeaders, payload: { ids: [attempt._id], send_at: later } });
    expect(scheduled.json().send_at).toBe(later);
    const jobs = (await db().select().from(jobOutbox).where(eq(jobOutbox.name, SEND_INVITATIONS))).filter((j) => (j.data as { ids: string[] }).ids.includes(attempt._id));
    expect(jobs).toHaveLength(1);
    expect(jobs[0].startAfter?.toISOString()).toBe(later);
    expect(await mailsTo([email])).toHaveLength(2);

    const other = await published();
    const wrong = await t.app.inject({ method: 'POST', url: `/assessments/${other.id}/invite`, headers: a.keyHeaders, payload: { participants: [attempt._id] } });
    expect([wrong.statusCode, wrong.json().details[0].field]).toEqual([404, 'body/participants/0']);
    const right = await t.app.inject({ method: 'POST', url: `/assessments/${assessment.id}/invite`, headers: a.keyHeaders, payload: { participants: [attempt._id] } });
    expect(right.json().attempts).toEqual([{ _id: attempt._id, status: 'invited', sent: true }]);
    const foreign = await t.app.inject({ method: 'POST', url: '/assessments/attempts/bulk/invite', headers: b.keyHeaders, payload: { ids: [attempt._id] } });
    expect(foreign.statusCode).toBe(404);
  });

  it('auto-login links open the attempt without signing in', async () => {
    const assessment = await published();
    const [attempt] = await invite(assessment.id, [{ email: uniqueEmail('auto') }], { disable_email: true });
    const res = await t.app.inject({ method: 'POST', url: '/assessments/attempts/autologin', headers: a.keyHeaders, payload: { participations: [attempt._id], assessment: assessment.id } });
    expect(res.statusCode).toBe(200);
    const [link] = res.json();
    expect(link.link).toBe(attempt.link);
    const token = decodeURIComponent(link.link.split('/take/')[1]);
    expect((await t.app.inject({ method: 'GET', url: `/candidate/attempts/${encodeURIComponent(token)}` })).json()._id).toBe(attempt._id);
  });

  it('close-expired is for super admins only', async () => {
    const denied = await t.app.inject({ method: 'POST', url: '/assessments/attempts/close-expired', headers: a.adminHeaders });
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'super_admin_required']);
    await grantSuperAdmin(db(), a.admin.email);
    const tokenOfAdmin = await t.runtime.tokens.sign({ sub: a.admin.id, wid: a.workspace.id, provider: 'local' });
    const res = await t.app.inject({ method: 'POST', url: '/assessments/attempts/close-expired', headers: { authorization: `Bearer ${tokenOfAdmin}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ finished: expect.any(Number), expired: expect.any(Number) });
  });
});

describe('share links', () => {
  async function linkOf(window: { openAt?: Date; closeAt?: Date; active?: boolean }) {
    const assessment = await published();
    const token = `${a.workspace.id}${newId()}`;
    await db().insert(assessmentLinks).values({ workspaceId: a.workspace.id, id: newId(), assessmentId: assessment.id, token, tags: ['campus'], active: window.active ?? true, openAt: window.openAt ?? null, closeAt: window.closeAt ?? null });
    return { token, assessment };
  }
  const open = (token: string, email: string) => t.app.inject({ method: 'POST', url: `/candidate/links/${token}/open`, payload: { email, name: 'Walk In' } });

  it('inside its window the first open creates the attempt and answers its token; a second open mails the link instead', async () => {
    const { token, assessment } = await linkOf({ openAt: new Date(Date.now() - 60_000), closeAt: new Date(Date.now() + 60_000) });
    const email = uniqueEmail('walkin');
    const first = await open(token, email);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().attempt).toMatchObject({ status: 'invited', email, assessment: { _id: assessment.id } });
    const state = await t.app.inject({ method: 'GET', url: `/candidate/attempts/${encodeURIComponent(first.json().token)}` });
    expect(state.json()._id).toBe(first.json().attempt._id);
    const [row] = await db().select().from(attempts).where(and(eq(attempts.workspaceId, a.workspace.id), eq(attempts.id, first.json().attempt._id)));
    expect(row).toMatchObject({ source: 'share_link', tags: ['campus'] });
    const second = await open(token, email.toUpperCase());
    expect(second.statusCode).toBe(202);
    expect(second.body).not.toContain(first.json().token);
    expect(await mailsTo([email])).toHaveLength(1);
  });

  it('outside its window, inactive or unknown, a link creates nothing', async () => {
    const early = await linkOf({ openAt: new Date(Date.now() + 60_000) });
    const late = await linkOf({ closeAt: new Date(Date.now() - 60_000) });
    const off = await linkOf({ active: false });
    const email = uniqueEmail('outside');
    expect((await open(early.token, email)).json().code).toBe('link_not_open');
    expect((await open(late.token, email)).json().code).toBe('link_closed');
    expect((await open(off.token, email)).statusCode).toBe(404);
    expect((await open(`${b.workspace.id}${newId()}`, email)).statusCode).toBe(404);
    expect(await db().select().from(attempts).where(eq(attempts.email, email))).toHaveLength(0);
  });
});
