import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { insertMany } from '../../../platform/db/insert-many.js';
import { jobOutbox } from '../../../platform/jobs/schema.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { webhookMessages } from '../../../platform/webhooks/schema.js';
import { answers, attempts } from '../schema.js';
import { answerRows, attemptRow, insertAssessmentRevision, insertAttempt } from './attempt-fixtures.js';
import { completeAttempt } from './complete-attempt.js';
import { INLINE_RECALCULATION_LIMIT, RECALCULATE_ATTEMPTS, recalculateAttemptsJob, type RecalculateAttemptsData } from './recalculate-attempts.js';
import { answerTo, codingQuestion, essayQuestion, multipleChoice, revisionOf, singleChoice } from './score-fixtures.js';

let t: TestApp;
let tenant: TenantFixture;
let other: TenantFixture;
beforeAll(async () => {
  t = await testApp();
  tenant = await createTenant(t.runtime, 'Recalc Co');
  other = await createTenant(t.runtime, 'Other Co');
});
afterAll(async () => t.close());

const db = () => t.database.db;
const review = (score: number) => ({ score, reviewer_id: 'a'.repeat(24), reviewed_at: '2026-01-01T00:00:00.000Z' });
const revision = revisionOf([
  singleChoice('q1', { weight: 2, skill_ids: ['js'] }),
  multipleChoice('q2', { weight: 3, skill_ids: ['js', 'web'] }),
  codingQuestion('c1', [{ _id: 'h1', hidden: true }, { _id: 'h2', hidden: true }], { weight: 4, skill_ids: ['py'] }),
  essayQuestion('e1', { weight: 1 }),
]);
const saved = [
  answerTo('q1', { choices: ['a'] }),
  answerTo('q2', { choices: ['a', 'b'] }),
  answerTo('c1', { language: 71, code: 'x' }, { autoResult: { kind: 'coding', run_id: 'r', language: 71, tests: [{ _id: 'h1', hidden: true, passed: true, status: 'accepted' }, { _id: 'h2', hidden: true, passed: false, status: 'wrong_answer' }] } }),
  answerTo('e1', { text: 'Essay' }, { review: review(0.5) }),
];

async function finishedAttempt(options: Parameters<typeof insertAttempt>[4] = {}) {
  const savedRevision = await insertAssessmentRevision(db(), tenant.workspace.id, revision, tenant.admin.id);
  const attempt = await insertAttempt(db(), tenant.workspace.id, savedRevision, saved, options);
  await db().transaction((tx) => completeAttempt(tx, t.runtime, attempt));
  return { attempt, savedRevision };
}

const stored = async (id: string) => (await db().select().from(attempts).where(and(eq(attempts.workspaceId, tenant.workspace.id), eq(attempts.id, id))))[0];
const storedAnswers = async (id: string) =>
  (await db().select({ q: answers.questionId, score: answers.score, max: answers.maxScore, status: answers.status }).from(answers).where(eq(answers.attemptId, id))).sort((a, b) => a.q.localeCompare(b.q));
const mailCount = async () => (await db().select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.workspaceId, tenant.workspace.id))).length;

describe('POST /assessments/participants/:participantId/recalculate', () => {
  it('recalculating a finished attempt gives the stored result, and restores a tampered one, with no e-mail', async () => {
    const { attempt } = await finishedAttempt();
    const before = await stored(attempt.id);
    const answersBefore = await storedAnswers(attempt.id);
    expect(before).toMatchObject({ status: 'finished', totalScore: 6.5, maxScore: 10, score: 65 });
    const mails = await mailCount();

    const response = await t.app.inject({ method: 'POST', url: `/assessments/participants/${attempt.id}/recalculate`, headers: { ...tenant.keyHeaders, 'x-language': 'pt' } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ _id: attempt.id, status: 'finished', status_formatted: 'Finalizado', score: before.score, totalScore: before.totalScore, maxScore: before.maxScore });
    expect(body.breakdown).toEqual(before.breakdown);
    const after = await stored(attempt.id);
    expect({ score: after.score, totalScore: after.totalScore, maxScore: after.maxScore, breakdown: after.breakdown, status: after.status })
      .toEqual({ score: before.score, totalScore: before.totalScore, maxScore: before.maxScore, breakdown: before.breakdown, status: before.status });
    expect(await storedAnswers(attempt.id)).toEqual(answersBefore);

    await db().update(attempts).set({ score: 1, totalScore: 0, breakdown: null }).where(eq(attempts.id, attempt.id));
    await db().update(answers).set({ score: 99 }).where(eq(answers.attemptId, attempt.id));
    await t.app.inject({ method: 'POST', url: `/assessments/participants/${attempt.id}/recalculate`, headers: tenant.keyHeaders });
    expect((await stored(attempt.id)).breakdown).toEqual(before.breakdown);
    expect((await stored(attempt.id)).score).toBe(before.score);
    expect(await storedAnswers(attempt.id)).toEqual(answersBefore);
    expect(await mailCount()).toBe(mails);
  });

  it('refuses an attempt that is not handed in, and another workspace\'s attempt is not found', async () => {
    const savedRevision = await insertAssessmentRevision(db(), tenant.workspace.id, revision);
    const started = await insertAttempt(db(), tenant.workspace.id, savedRevision, saved, { status: 'started' });
    const refused = await t.app.inject({ method: 'POST', url: `/assessments/participants/${started.id}/recalculate`, headers: tenant.keyHeaders });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('attempt_not_submitted');
    const foreign = await t.app.inject({ method: 'POST', url: `/assessments/participants/${started.id}/recalculate`, headers: other.keyHeaders });
    expect(foreign.statusCode).toBe(404);
  });

  it('keeps a blocked attempt blocked', async () => {
    const { attempt } = await finishedAttempt();
    await db().update(attempts).set({ status: 'blocked' }).where(eq(attempts.id, attempt.id));
    const response = await t.app.inject({ method: 'POST', url: `/assessments/participants/${attempt.id}/recalculate`, headers: tenant.keyHeaders });
    expect(response.json()).toMatchObject({ status: 'blocked', score: 65 });
  });
});

describe('POST /assessments/attempts/:attemptId/sync', () => {
  it('queues the finished result to the webhook_url again', async () => {
    const url = 'http://127.0.0.1:9/sync-hook';
    const { attempt } = await finishedAttempt({ webhookUrl: url });
    const response = await t.app.inject({ method: 'POST', url: `/assessments/attempts/${attempt.id}/sync`, headers: tenant.keyHeaders });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'finished', score: 65, webhook_queued: true });
    const hooks = await db().select().from(webhookMessages).where(and(eq(webhookMessages.workspaceId, tenant.workspace.id), eq(webhookMessages.url, url)));
    expect(hooks).toHaveLength(2);
    const [atFinish, atSync] = hooks.map((hook) => JSON.parse(hook.body) as { type: string; data: unknown });
    expect(atSync.type).toBe('attempt.finished');
    expect(atSync.data).toEqual(atFinish.data);
  });
});

describe('POST /assessments/attempts/bulk/recalculate', () => {
  it('takes attempt ids and assessment ids, only finished and blocked, and names an unknown id', async () => {
    const first = await finishedAttempt();
    const second = await finishedAttempt();
    const sibling = await insertAttempt(db(), tenant.workspace.id, second.savedRevision, saved, { status: 'finished' });
    const started = await insertAttempt(db(), tenant.workspace.id, second.savedRevision, saved, { status: 'started' });
    await db().update(attempts).set({ score: 3 }).where(inArray(attempts.id, [first.attempt.id, second.attempt.id]));

    const response = await t.app.inject({
      method: 'POST', url: '/assessments/attempts/bulk/recalculate', headers: tenant.keyHeaders,
      payload: { ids: [first.attempt.id, second.savedRevision.assessmentId, started.id] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ total: 3, recalculated: 3, skipped: [started.id], queued: false, job_id: null, operation: null });
    for (const id of [first.attempt.id, second.attempt.id, sibling.id]) expect((await stored(id)).score).toBe(65);
    expect((await stored(started.id)).score).toBeNull();

    const unknown = await t.app.inject({ method: 'POST', url: '/assessments/attempts/bulk/recalculate', headers: tenant.keyHeaders, payload: { ids: [first.attempt.id, 'f'.repeat(24)] } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details).toEqual([{ field: 'body/ids/1', message: expect.any(String) }]);
    const foreign = await t.app.inject({ method: 'POST', url: '/assessments/attempts/bulk/recalculate', headers: other.keyHeaders, payload: { ids: [first.attempt.id] } });
    expect(foreign.statusCode).toBe(404);
  });

  it(`past ${INLINE_RECALCULATION_LIMIT} attempts runs as a background operation whose progress is written with each batch`, async () => {
    const savedRevision = await insertAssessmentRevision(db(), tenant.workspace.id, revision);
    const rows = Array.from({ length: INLINE_RECALCULATION_LIMIT + 1 }, () => attemptRow(tenant.workspace.id, savedRevision, { status: 'finished' }));
    // One the recalculation has to leave out: finished, but with no frozen revision to score from.
    const unscorable = { ...attemptRow(tenant.workspace.id, savedRevision, { status: 'finished' }), revisionId: null };
    await insertMany(db(), attempts, [...rows, unscorable]);
    await insertMany(db(), answers, rows.flatMap((row) => answerRows(tenant.workspace.id, row.id, saved)));

    const response = await t.app.inject({ method: 'POST', url: '/assessments/attempts/bulk/recalculate', headers: tenant.keyHeaders, payload: { ids: [savedRevision.assessmentId] } });
    expect(response.statusCode).toBe(202);
    const body = response.json();
    const total = INLINE_RECALCULATION_LIMIT + 2;
    expect(body).toMatchObject({ total, recalculated: 0, queued: true, operation: { _id: body.job_id, type: 'attempts.recalculate', status: 'queued', total, processed: 0 } });
    const progress = async (headers = tenant.keyHeaders) => t.app.inject({ method: 'GET', url: body.operation.url, headers });
    expect((await progress()).json()).toMatchObject({ status: 'queued', processed: 0, started: null });
    expect((await progress(other.keyHeaders)).statusCode).toBe(404);

    // Work the chain here (this test app runs no workers): each run queues the next with its cursor.
    const queuedRuns = async () => (await db().select().from(jobOutbox).where(eq(jobOutbox.name, RECALCULATE_ATTEMPTS))).filter((row) => (row.data as RecalculateAttemptsData).operationId === body.job_id);
    const run = (data: RecalculateAttemptsData) => recalculateAttemptsJob.run(t.runtime, { id: 'run', name: RECALCULATE_ATTEMPTS, data, retryCount: 0, retryLimit: 0 });
    const seen: Array<{ status: string; processed: number }> = [];
    let firstRun: RecalculateAttemptsData | undefined;
    for (;;) {
      const queued = await queuedRuns();
      if (queued.length === 0) break;
      expect(queued).toHaveLength(1);
      await db().delete(jobOutbox).where(eq(jobOutbox.id, queued[0].id));
      firstRun ??= queued[0].data as RecalculateAttemptsData;
      await run(queued[0].data as RecalculateAttemptsData);
      const { status, processed } = (await progress()).json();
      seen.push({ status, processed });
    }
    expect(seen).toEqual([{ status: 'running', processed: 500 }, { status: 'running', processed: 1000 }, { status: 'done', processed: total }]);
    const finished = (await progress()).json();
    expect(finished).toMatchObject({ status: 'done', total, processed: total, failed: 1, errors: [{ _id: unscorable.id, code: 'revision_missing' }], error: null });
    expect(finished.finished).not.toBeNull();

    // The first run delivered again (a lost acknowledgement): its step is committed, so it does nothing.
    await run(firstRun!);
    expect((await progress()).json()).toMatchObject({ status: 'done', processed: total });
    expect(await queuedRuns()).toEqual([]);

    const scores = await db().select({ score: attempts.score }).from(attempts).where(and(eq(attempts.assessmentId, savedRevision.assessmentId), inArray(attempts.id, rows.map((row) => row.id))));
    expect(scores).toHaveLength(INLINE_RECALCULATION_LIMIT + 1);
    expect(scores.every((row) => row.score === 65)).toBe(true);
  });
});
