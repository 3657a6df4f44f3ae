import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { newId } from '../../../platform/ids.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { creditBalance, grantCredits } from '../../workspace/credits/ledger.js';
import { creditEntries } from '../../workspace/credits/schema.js';
import { answers, attempts, type AttemptRow } from '../schema.js';
import { notifyReopenedJob } from './reopen-attempts.js';
import { slotOf } from './schedule-attempts.js';
import { frozenQuestion, insertAnswer, insertAssessment, insertAttempt, insertFinishedAttempt, insertRevision } from './test-factory.js';

let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Bulk A');
  b = await createTenant(t.runtime, 'Bulk B');
});
afterAll(() => t.close());

const db = () => t.runtime.database.db;
const send = (method: 'POST' | 'PATCH', url: string, payload: object, headers: Record<string, string> = a.keyHeaders) => t.app.inject({ method, url, payload, headers });
const reload = async (attempt: AttemptRow) => (await db().select().from(attempts).where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id))))[0];
const mailsTo = (email: string) => db().select().from(mailOutbox).where(eq(mailOutbox.to, email));

describe('the one rule of bulk actions', () => {
  it('refuses the whole request with 404 when one id is another workspace\'s, naming it, and changes nothing', async () => {
    const mine = await insertAttempt(db(), await insertAssessment(db(), a.workspace.id));
    const theirs = await insertAttempt(db(), await insertAssessment(db(), b.workspace.id));
    const response = await send('PATCH', '/assessments/attempts/bulk', { ids: [mine.id, theirs.id], stage: 'hired' });
    expect(response.statusCode).toBe(404);
    expect(response.json().details[0].field).toBe('body/ids/1');
    expect(JSON.stringify(response.json())).not.toContain(b.workspace.id);
    expect((await reload(mine)).stage).toBe('none');
    for (const url of ['/assessments/attempts/bulk/cancel-schedule', '/assessments/attempts/bulk/delete', '/assessments/attempts/bulk/unlock', '/assessments/attempts/bulk/send-results']) {
      expect((await send('POST', url, { ids: [theirs.id] })).statusCode, url).toBe(404);
    }
    expect((await send('POST', '/assessments/attempts/bulk/reopen', { ids: [theirs.id], duration: 10 })).statusCode).toBe(404);
    expect(await reload(theirs)).toBeDefined();
  });

  it('wants at least one id', async () => {
    const response = await send('POST', '/assessments/attempts/bulk/delete', { ids: [] });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toContain('ids');
  });
});

describe('bulk update', () => {
  it('sets stage, window, integrity and hidden results, and moves a started attempt\'s deadline', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id);
    const started = await insertAttempt(db(), assessment, { status: 'started', started: new Date(), endsAt: new Date(Date.now() + 3_600_000) });
    const invited = await insertAttempt(db(), assessment);
    const close = new Date(Date.now() + 600_000).toISOString();
    const response = await send('PATCH', '/assessments/attempts/bulk', {
      ids: [started.id, invited.id, invited.id],
      stage: 'interviewed',
      custom_time_close: close,
      integrity_settings: { webcam: true },
      hidden_results: true,
      reason: 'moved',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ updated: 2 });
    const after = await reload(started);
    expect(after).toMatchObject({ stage: 'interviewed', hiddenResults: true, integritySettings: { webcam: true }, reopenReason: 'moved' });
    expect(after.endsAt?.toISOString()).toBe(close);
    expect((await reload(invited)).endsAt).toBeNull();
  });

  it('refuses a close time not after the open time (also against the stored open time)', async () => {
    const attempt = await insertAttempt(db(), await insertAssessment(db(), a.workspace.id), { customTimeOpen: new Date('2030-01-02T00:00:00Z') });
    const response = await send('PATCH', '/assessments/attempts/bulk', { ids: [attempt.id], custom_time_close: '2030-01-01T00:00:00Z', stage: 'hired' });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('body/custom_time_close');
    expect((await reload(attempt)).stage).toBe('none');
  });

  it('lets a non-admin change only the attempts they invited', async () => {
    const hunter = await createMember(t.runtime, a.workspace.id, 'hunter');
    const assessment = await insertAssessment(db(), a.workspace.id);
    const own = await insertAttempt(db(), assessment, { inviterId: hunter.user.id });
    const other = await insertAttempt(db(), assessment, { inviterId: a.admin.id });
    expect((await send('PATCH', '/assessments/attempts/bulk', { ids: [own.id], stage: 'hired' }, hunter.headers)).statusCode).toBe(200);
    const refused = await send('PATCH', '/assessments/attempts/bulk', { ids: [own.id, other.id], stage: 'dropout' }, hunter.headers);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('attempt_not_owned');
    expect((await reload(own)).stage).toBe('hired');
  });
});

describe('reopen', () => {
  it('brings closed attempts back to invited with a new duration, keeping answers unless told otherwise', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id, { settings: { invitation_expire_days: 2 } });
    const question = frozenQuestion('essay');
    const revision = await insertRevision(db(), assessment, [question]);
    const kept = await insertFinishedAttempt(db(), assessment, revision);
    const cleared = await insertAttempt(db(), assessment, { status: 'expired', started: new Date(), revisionId: revision.id });
    const mediaKey = `workspaces/${a.workspace.id}/answers/${newId()}/media/take.webm`;
    const keptKey = `workspaces/${a.workspace.id}/answers/${newId()}/media/take.webm`;
    for (const key of [mediaKey, keptKey]) await t.runtime.storage.put(key, Buffer.from('recording'), { contentType: 'video/webm' });
    const media = (path: string) => [{ path, name: 'take.webm', content_type: 'video/webm', size: 9, created: new Date().toISOString() }];
    const keptAnswer = await insertAnswer(db(), kept, question._id, { score: 1, media: media(keptKey) });
    const clearedAnswer = await insertAnswer(db(), cleared, question._id, { score: 1, media: media(mediaKey) });

    const one = await send('POST', '/assessments/attempts/bulk/reopen', { ids: [kept.id], duration: 2, duration_unit: 'hour', reason: 'network' });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ reopened: 1, notify_at: null });
    const after = await reload(kept);
    expect(after).toMatchObject({ status: 'invited', durationSeconds: 7200, started: null, finished: null, score: null, breakdown: null, reopenReason: 'network' });
    expect(after.reopenDate).not.toBeNull();
    expect(after.invitationDateExpire!.getTime() - after.reopenDate!.getTime()).toBe(2 * 86_400_000);
    const [keptRow] = await db().select().from(answers).where(eq(answers.id, keptAnswer.id));
    expect(keptRow.response).toEqual({ text: 'hello' });

    expect((await send('POST', '/assessments/attempts/bulk/reopen', { ids: [cleared.id], duration: 0, keep_answers: false })).statusCode).toBe(200);
    expect((await reload(cleared)).durationSeconds).toBe(3600);
    const [clearedRow] = await db().select().from(answers).where(eq(answers.id, clearedAnswer.id));
    expect(clearedRow).toMatchObject({ response: null, score: null, status: 'unanswered', media: [] });
    expect(await t.runtime.storage.exists(mediaKey)).toBe(false);
    expect(await t.runtime.storage.exists(keptKey)).toBe(true);
  });

  it('refuses attempts that are not over, all or nothing', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id);
    const finished = await insertAttempt(db(), assessment, { status: 'finished' });
    const running = await insertAttempt(db(), assessment, { status: 'started', started: new Date() });
    const response = await send('POST', '/assessments/attempts/bulk/reopen', { ids: [finished.id, running.id], duration: 30 });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'attempt_not_closed', details: [{ field: 'body/ids/1' }] });
    expect((await reload(finished)).status).toBe('finished');
  });

  it('notifies now, or at send_at through the scheduled job, never candidates with e-mails disabled', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id, { name: 'Reopened test' });
    const now = await insertAttempt(db(), assessment, { status: 'finished' });
    const quiet = await insertAttempt(db(), assessment, { status: 'finished', disableEmail: true });
    const later = await insertAttempt(db(), assessment, { status: 'finished' });
    expect((await send('POST', '/assessments/attempts/bulk/reopen', { ids: [now.id, quiet.id], duration: 10, notify: true })).statusCode).toBe(200);
    const [mail] = await mailsTo(now.email);
    expect(mail).toMatchObject({ template: 'attempt_reopened', data: { assessment: 'Reopened test' } });
    expect((mail.data as { link: string }).link).toContain(`/take/${a.workspace.id}.${now.id}.`);
    expect(await mailsTo(quiet.email)).toHaveLength(0);

    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await send('POST', '/assessments/attempts/bulk/reopen', { ids: [later.id], duration: 10, send_at: sendAt });
    expect(scheduled.json().notify_at).toBe(sendAt);
    expect(await mailsTo(later.email)).toHaveLength(0);
    const reopened = await reload(later);
    const data = { workspaceId: a.workspace.id, attemptIds: [later.id], reopenDate: reopened.reopenDate!.toISOString() };
    await notifyReopenedJob.run(t.runtime, { id: newId(), name: notifyReopenedJob.name, data, retryCount: 0, retryLimit: 0 });
    expect(await mailsTo(later.email)).toHaveLength(1);
    // Reopened again meanwhile: the old job mails nobody.
    await db().update(attempts).set({ reopenDate: new Date() }).where(eq(attempts.id, later.id));
    await notifyReopenedJob.run(t.runtime, { id: newId(), name: notifyReopenedJob.name, data, retryCount: 0, retryLimit: 0 });
    expect(await mailsTo(later.email)).toHaveLength(1);
  });
});

describe('scheduling', () => {
  it('places attempt n at start + floor(n / batch) × 30 minutes', () => {
    const start = new Date('2030-05-01T09:00:00Z');
    expect([0, 1, 2, 3, 4].map((n) => slotOf(start, n, 2).toISOString().slice(11, 16))).toEqual(['09:00', '09:00', '09:30', '09:30', '10:00']);
  });

  it('spreads unscheduled draft and invited attempts over slots, skips scheduled ones, and cancels back to draft', async () => {
    const first = await insertAssessment(db(), a.workspace.id);
    const second = await insertAssessment(db(), a.workspace.id);
    const made: AttemptRow[] = [];
    for (let i = 0; i < 3; i += 1) made.push(await insertAttempt(db(), second, { status: i === 0 ? 'draft' : 'invited' }));
    for (let i = 0; i < 2; i += 1) made.push(await insertAttempt(db(), first));
    const already = await insertAttempt(db(), first, { status: 'scheduled', customTimeOpen: new Date('2030-01-01T00:00:00Z') });
    const started = await insertAttempt(db(), first, { status: 'started', started: new Date() });
    const response = await send('POST', '/assessments/attempts/bulk/schedule', { assessment_ids: [first.id, second.id], start_at: '2030-05-01T09:00:00.000Z', batch_size: 2 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      scheduled: 5,
      already_scheduled: 1,
      slots: [{ start: '2030-05-01T09:00:00.000Z', count: 2 }, { start: '2030-05-01T09:30:00.000Z', count: 2 }, { start: '2030-05-01T10:00:00.000Z', count: 1 }],
    });
    // The first assessment's attempts come first, then the second's, each by creation.
    const opens = await Promise.all([made[3], made[4], made[0], made[1], made[2]].map(async (m) => (await reload(m)).customTimeOpen!.toISOString().slice(11, 16)));
    expect(opens).toEqual(['09:00', '09:00', '09:30', '09:30', '10:00']);
    expect((await reload(already)).customTimeOpen!.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect((await reload(started)).status).toBe('started');
    const again = await send('POST', '/assessments/attempts/bulk/schedule', { assessment_ids: [first.id, second.id] });
    expect(again.json()).toMatchObject({ scheduled: 0, already_scheduled: 6 });

    const refused = await send('POST', '/assessments/attempts/bulk/cancel-schedule', { ids: [made[0].id, started.id] });
    expect(refused.statusCode).toBe(409);
    expect((await reload(made[0])).status).toBe('scheduled');
    expect((await send('POST', '/assessments/attempts/bulk/cancel-schedule', { ids: [made[0].id, made[1].id] })).json()).toEqual({ cancelled: 2 });
    expect(await reload(made[0])).toMatchObject({ status: 'draft', customTimeOpen: null });
  });

  it('answers 404 for another workspace\'s assessment and 400 past 50 assessments', async () => {
    const theirs = await insertAssessment(db(), b.workspace.id);
    const response = await send('POST', '/assessments/attempts/bulk/schedule', { assessment_ids: [theirs.id] });
    expect(response.statusCode).toBe(404);
    const many = Array.from({ length: 51 }, () => newId());
    expect((await send('POST', '/assessments/attempts/bulk/schedule', { assessment_ids: many })).statusCode).toBe(400);
  });
});

describe('bulk delete', () => {
  it('needs delete_attempts, and non-admins delete only what they invited', async () => {
    const hunter = await createMember(t.runtime, a.workspace.id, 'hunter');
    const manager = await createMember(t.runtime, a.workspace.id, 'manager');
    const assessment = await insertAssessment(db(), a.workspace.id);
    const own = await insertAttempt(db(), assessment, { inviterId: manager.user.id });
    const other = await insertAttempt(db(), assessment, { inviterId: a.admin.id });
    const ownFile = `workspaces/${a.workspace.id}/answers/${newId()}/media/doc.pdf`;
    await t.runtime.storage.put(ownFile, Buffer.from('%PDF-'), { contentType: 'application/pdf' });
    await insertAnswer(db(), own, newId(), { media: [{ path: ownFile, name: 'doc.pdf', content_type: 'application/pdf', size: 5, created: new Date().toISOString() }] });
    expect((await send('POST', '/assessments/attempts/bulk/delete', { ids: [own.id] }, hunter.headers)).statusCode).toBe(403);
    expect((await send('POST', '/assessments/attempts/bulk/delete', { ids: [own.id, other.id] }, manager.headers)).statusCode).toBe(403);
    expect(await reload(own)).toBeDefined();
    expect((await send('POST', '/assessments/attempts/bulk/delete', { ids: [own.id] }, manager.headers)).json()).toEqual({ deleted: 1 });
    expect(await reload(own)).toBeUndefined();
    expect(await t.runtime.storage.exists(ownFile)).toBe(false);
    expect(await db().select().from(answers).where(eq(answers.attemptId, own.id))).toHaveLength(0);
    expect((await send('POST', '/assessments/attempts/bulk/delete', { ids: [other.id] }, a.adminHeaders)).json()).toEqual({ deleted: 1 });
  });
});

describe('bulk unlock', () => {
  async function lockedAttempts(tenant: TenantFixture, n: number, type: 'essay' | 'softskill' = 'essay') {
    const assessment = await insertAssessment(db(), tenant.workspace.id, { settings: { unlock_required: true } });
    const revision = await insertRevision(db(), assessment, [frozenQuestion(type)]);
    const made: AttemptRow[] = [];
    for (let i = 0; i < n; i += 1) made.push(await insertFinishedAttempt(db(), assessment, revision));
    return made;
  }
  const grant = (tenant: TenantFixture, type: 'hard_skills' | 'soft_skills', amount: number) =>
    db().transaction((tx) => grantCredits(tx, { workspaceId: tenant.workspace.id }, { type, amount }));
  const balance = (tenant: TenantFixture, type: 'hard_skills' | 'soft_skills' = 'hard_skills') => creditBalance(db(), { workspaceId: tenant.workspace.id }, type);

  it('consumes one credit per locked attempt of the right type, nothing when the balance is short, nothing twice', async () => {
    const tenant = await createTenant(t.runtime, 'Unlock');
    const hard = await lockedAttempts(tenant, 3);
    const [soft] = await lockedAttempts(tenant, 1, 'softskill');
    const free = await insertFinishedAttempt(db(), await insertAssessment(db(), tenant.workspace.id), await insertRevision(db(), await insertAssessment(db(), tenant.workspace.id), []));
    await grant(tenant, 'hard_skills', 2);
    const url = '/assessments/attempts/bulk/unlock';
    const short = await send('POST', url, { ids: hard.map((x) => x.id) }, tenant.keyHeaders);
    expect(short.statusCode).toBe(402);
    expect(short.json().code).toBe('insufficient_credits');
    expect(await balance(tenant)).toBe(2);
    expect((await reload(hard[0])).unlockedAt).toBeNull();

    await grant(tenant, 'hard_skills', 1);
    await grant(tenant, 'soft_skills', 1);
    const done = await send('POST', url, { ids: [...hard.map((x) => x.id), soft.id, free.id] }, tenant.keyHeaders);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ not_required: [free.id], already_unlocked: [], credits_consumed: { hard_skills: 3, soft_skills: 1 } });
    expect(await balance(tenant)).toBe(0);
    expect(await balance(tenant, 'soft_skills')).toBe(0);
    expect((await reload(hard[0])).unlockedAt).not.toBeNull();
    const view = (await t.app.inject({ method: 'GET', url: `/assessments/${hard[0].assessmentId}/attempts/${hard[0].id}`, headers: tenant.keyHeaders })).json();
    expect(view).toMatchObject({ locked: false, score: 75 });

    const again = await send('POST', url, { ids: [hard[0].id] }, tenant.keyHeaders);
    expect(again.json()).toMatchObject({ already_unlocked: [hard[0].id], credits_consumed: { hard_skills: 0 } });
    const consumed = await db().select().from(creditEntries).where(and(eq(creditEntries.workspaceId, tenant.workspace.id), eq(creditEntries.action, 'credits_consumed')));
    expect(consumed.map((c) => c.relatedId).sort()).toEqual([...hard.map((x) => x.id), soft.id].sort());
  });

  it('refuses attempts without a result', async () => {
    const tenant = await createTenant(t.runtime, 'Unlock early');
    const assessment = await insertAssessment(db(), tenant.workspace.id, { settings: { unlock_required: true } });
    const invited = await insertAttempt(db(), assessment);
    const response = await send('POST', '/assessments/attempts/bulk/unlock', { ids: [invited.id] }, tenant.keyHeaders);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('attempt_has_no_result');
  });

  it('charges once when two unlocks of the same attempt race, and once when two attempts race for one credit', async () => {
    const tenant = await createTenant(t.runtime, 'Unlock race');
    const [x, y, z] = await lockedAttempts(tenant, 3);
    await grant(tenant, 'hard_skills', 1);
    const url = '/assessments/attempts/bulk/unlock';
    const same = await Promise.all([send('POST', url, { ids: [x.id] }, tenant.keyHeaders), send('POST', url, { ids: [x.id] }, tenant.keyHeaders)]);
    expect(same.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(same.map((r) => r.json().unlocked.length).sort()).toEqual([0, 1]);
    expect(await balance(tenant)).toBe(0);

    await grant(tenant, 'hard_skills', 1);
    const rivals = await Promise.all([send('POST', url, { ids: [y.id] }, tenant.keyHeaders), send('POST', url, { ids: [z.id] }, tenant.keyHeaders)]);
    expect(rivals.map((r) => r.statusCode).sort()).toEqual([200, 402]);
    const unlocked = (await db().select().from(attempts).where(and(eq(attempts.workspaceId, tenant.workspace.id), inArray(attempts.id, [y.id, z.id])))).filter((r) => r.unlockedAt);
    expect(unlocked).toHaveLength(1);
    expect(await balance(tenant)).toBe(0);
  });
});

describe('send results', () => {
  it('mails finished candidates (not those with e-mails disabled) and makes the results visible', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id, { name: 'Results test', language: 'pt' });
    const revision = await insertRevision(db(), assessment, []);
    const mailed = await insertFinishedAttempt(db(), assessment, revision, { hiddenResults: true, score: 82.25 });
    const quiet = await insertFinishedAttempt(db(), assessment, revision, { hiddenResults: true, disableEmail: true });
    const response = await send('POST', '/assessments/attempts/bulk/send-results', { ids: [mailed.id, quiet.id] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ sent: [mailed.id], email_disabled: [quiet.id] });
    const [mail] = await mailsTo(mailed.email);
    expect(mail).toMatchObject({ template: 'attempt_results', language: 'pt', data: { score: '82.3', assessment: 'Results test' } });
    expect(await reload(mailed)).toMatchObject({ hiddenResults: false });
    expect((await reload(mailed)).resultsSentAt).not.toBeNull();
    expect(await reload(quiet)).toMatchObject({ hiddenResults: false, resultsSentAt: null });
  });

  it('refuses unfinished and locked attempts, all or nothing', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id);
    const finished = await insertAttempt(db(), assessment, { status: 'finished', hiddenResults: true });
    const started = await insertAttempt(db(), assessment, { status: 'started' });
    const response = await send('POST', '/assessments/attempts/bulk/send-results', { ids: [finished.id, started.id] });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('attempt_not_finished');
    expect(await mailsTo(finished.email)).toHaveLength(0);
    const lockedAssessment = await insertAssessment(db(), a.workspace.id, { settings: { unlock_required: true } });
    const locked = await insertAttempt(db(), lockedAssessment, { status: 'finished' });
    expect((await send('POST', '/assessments/attempts/bulk/send-results', { ids: [locked.id] })).json().code).toBe('attempt_locked');
  });
});
