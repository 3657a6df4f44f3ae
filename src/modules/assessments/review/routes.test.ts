import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { webhookMessages } from '../../../platform/webhooks/schema.js';
import { mintToken } from '../attempt-tokens.js';
import { answers, attempts, type AttemptRow } from '../schema.js';
import { insertAssessmentRevision, insertAttempt } from '../scoring/attempt-fixtures.js';
import { completeAttempt } from '../scoring/complete-attempt.js';
import { certificateToken } from '../scoring/announce-attempt-finished.js';
import { answerTo, essayQuestion, fastQuestion, revisionOf, singleChoice } from '../scoring/score-fixtures.js';
import type { AssessmentSettings } from '../types.js';

let t: TestApp;
let tenant: TenantFixture;
let other: TenantFixture;
beforeAll(async () => {
  t = await testApp();
  tenant = await createTenant(t.runtime, 'Review Co');
  other = await createTenant(t.runtime, 'Elsewhere Co');
});
afterAll(async () => t.close());

const db = () => t.database.db;

/** An attempt handed in with a right choice (2 points) and an essay (2 points) waiting for a reviewer. */
async function handedIn(settings: AssessmentSettings = {}, url = 'http://127.0.0.1:9/review-hook') {
  const revision = revisionOf([singleChoice('q1', { weight: 2 }), essayQuestion('e1', { weight: 2 })], settings);
  const saved = await insertAssessmentRevision(db(), tenant.workspace.id, revision, tenant.admin.id);
  const attempt = await insertAttempt(db(), tenant.workspace.id, saved, [answerTo('q1', { choices: ['a'] }), answerTo('e1', { text: 'My essay' })], { webhookUrl: url });
  await db().transaction((tx) => completeAttempt(tx, t.runtime, attempt));
  const rows = await db().select().from(answers).where(eq(answers.attemptId, attempt.id));
  const idOf = (questionId: string) => rows.find((row) => row.questionId === questionId)!.id;
  return { attempt, choiceId: idOf('q1'), essayId: idOf('e1') };
}

const attemptNow = async (id: string) => (await db().select().from(attempts).where(eq(attempts.id, id)))[0];
const hooks = async (url: string) => db().select().from(webhookMessages).where(and(eq(webhookMessages.workspaceId, tenant.workspace.id), eq(webhookMessages.url, url)));
const candidateMails = async (attempt: AttemptRow) => db().select().from(mailOutbox).where(eq(mailOutbox.to, attempt.email));

describe('PUT /assessments/answers/:id/review', () => {
  it('the review of the last pending answer finishes the attempt, with its e-mails and webhook once', async () => {
    const url = 'http://127.0.0.1:9/review-finish';
    const { attempt, essayId } = await handedIn({}, url);
    expect((await attemptNow(attempt.id)).status).toBe('pending_review');

    const notesOnly = await t.app.inject({ method: 'PUT', url: `/assessments/answers/${essayId}/review`, headers: tenant.adminHeaders, payload: { review_notes: 'Reading it' } });
    expect(notesOnly.statusCode).toBe(200);
    expect(notesOnly.json()).toMatchObject({ status: 'pending_review', attempt_status: 'pending_review' });
    expect(await candidateMails(attempt)).toHaveLength(0);

    const response = await t.app.inject({
      method: 'PUT', url: `/assessments/answers/${essayId}/review`, headers: { ...tenant.adminHeaders, 'x-language': 'es' },
      payload: { score: 1.5, comment: 'Good', feedback: 'partially_correct' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      _id: essayId, status: 'finished', status_formatted: 'Finalizada', score: 1.5, max_score: 2,
      attempt_status: 'finished', attempt_score: 87.5,
      review: { score: 1.5, comment: 'Good', review_notes: 'Reading it', feedback: 'partially_correct', reviewer_id: tenant.admin.id },
    });
    expect(await attemptNow(attempt.id)).toMatchObject({ status: 'finished', score: 87.5, totalScore: 3.5 });
    expect(await candidateMails(attempt)).toHaveLength(1);
    expect(await hooks(url)).toHaveLength(1);

    const again = await t.app.inject({ method: 'PUT', url: `/assessments/answers/${essayId}/review`, headers: tenant.adminHeaders, payload: { score: 2 } });
    expect(again.json()).toMatchObject({ attempt_status: 'finished', attempt_score: 100 });
    expect(await candidateMails(attempt)).toHaveLength(1);
    expect(await hooks(url)).toHaveLength(1);
  });

  it('refuses a score above the answer\'s points, naming the field, and writes nothing', async () => {
    const { attempt, essayId } = await handedIn();
    const response = await t.app.inject({ method: 'PUT', url: `/assessments/answers/${essayId}/review`, headers: tenant.keyHeaders, payload: { score: 2.5, comment: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'score_above_points', details: [{ field: 'body/score' }] });
    const [essay] = await db().select().from(answers).where(eq(answers.id, essayId));
    expect(essay.review).toBeNull();
    expect((await attemptNow(attempt.id)).status).toBe('pending_review');
  });

  it('refuses an attempt still in progress; another workspace\'s answer is not found', async () => {
    const saved = await insertAssessmentRevision(db(), tenant.workspace.id, revisionOf([essayQuestion('e1')]));
    const attempt = await insertAttempt(db(), tenant.workspace.id, saved, [answerTo('e1', { text: 'draft' })], { status: 'started' });
    const [answer] = await db().select().from(answers).where(eq(answers.attemptId, attempt.id));
    const refused = await t.app.inject({ method: 'PUT', url: `/assessments/answers/${answer.id}/review`, headers: tenant.keyHeaders, payload: { score: 1 } });
    expect(refused.statusCode).toBe(409);
    const foreign = await t.app.inject({ method: 'PUT', url: `/assessments/answers/${answer.id}/review`, headers: other.keyHeaders, payload: { score: 1 } });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('POST /assessments/answers/bulk/pending-review', () => {
  it('moves finished answers back, the attempt waits for the reviewer, and a new review finishes it again', async () => {
    const url = 'http://127.0.0.1:9/review-bulk';
    const { attempt, choiceId, essayId } = await handedIn({}, url);
    const response = await t.app.inject({ method: 'POST', url: '/assessments/answers/bulk/pending-review', headers: tenant.keyHeaders, payload: { ids: [choiceId, essayId] } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ moved: [choiceId], skipped: [essayId], attempts: [{ _id: attempt.id, status: 'pending_review' }] });
    const [choice] = await db().select().from(answers).where(eq(answers.id, choiceId));
    expect(choice).toMatchObject({ status: 'pending_review', score: null });

    await t.app.inject({ method: 'PUT', url: `/assessments/answers/${essayId}/review`, headers: tenant.keyHeaders, payload: { score: 2 } });
    expect((await attemptNow(attempt.id)).status).toBe('pending_review');
    const done = await t.app.inject({ method: 'PUT', url: `/assessments/answers/${choiceId}/review`, headers: tenant.keyHeaders, payload: { score: 1 } });
    expect(done.json()).toMatchObject({ status: 'finished', score: 1, attempt_status: 'finished', attempt_score: 75 });
  });

  it('names an id that is no answer of the workspace and moves nothing', async () => {
    const { choiceId } = await handedIn();
    await db().update(answers).set({ status: 'finished' }).where(eq(answers.id, choiceId));
    const response = await t.app.inject({ method: 'POST', url: '/assessments/answers/bulk/pending-review', headers: other.keyHeaders, payload: { ids: [choiceId] } });
    expect(response.statusCode).toBe(404);
    expect(response.json().details).toEqual([{ field: 'body/ids/0', message: expect.any(String) }]);
    const [choice] = await db().select().from(answers).where(eq(answers.id, choiceId));
    expect(choice.status).toBe('finished');
  });
});

describe('GET /assessments/answers/fields', () => {
  it('lists feedback reasons and statuses in x-language', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assessments/answers/fields', headers: { 'x-language': 'pt' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().feedback).toContainEqual({ value: 'incorrect', label: 'Incorreta' });
    expect(response.json().statuses).toContainEqual({ value: 'pending_review', label: 'Aguardando revisão' });
  });
});

describe('certificates', () => {
  async function finished(settings: AssessmentSettings = {}) {
    const revision = revisionOf([fastQuestion('f1', { weight: 4, skill_ids: [] })], settings);
    const saved = await insertAssessmentRevision(db(), tenant.workspace.id, revision, tenant.admin.id);
    const attempt = await insertAttempt(db(), tenant.workspace.id, saved, [answerTo('f1', { subanswers: { s1: ['a'], s2: ['a'] } })], { name: 'Ana Lima' });
    await db().transaction((tx) => completeAttempt(tx, t.runtime, attempt));
    return attempt;
  }

  it('resolves by the e-mailed token, publicly, for a finished attempt that passed', async () => {
    const attempt = await finished({ passing_score: 70 });
    const token = certificateToken(t.runtime, attempt);
    const response = await t.app.inject({ method: 'GET', url: `/assessments/certificates/${token}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ type: 'fast', token, user: attempt.userId, person: 'Ana Lima', assessment: 'Scoring test', score: 75, about_test: { questions: 1, passing_score: 70 } });
    const byAnswer = await t.app.inject({ method: 'GET', url: `/assessments/answers/certificates/${token}` });
    expect(byAnswer.json()).toMatchObject({ type: 'fast', score: 75, can_access_question_link: false, question: { _id: 'f1', type: 'fast' } });
  });

  it('answers 404 for a forged token, a failing or unfinished attempt, and a bare attempt id outside its workspace', async () => {
    const attempt = await finished();
    const forged = mintToken(t.runtime.tokens, 'attempt', { workspaceId: attempt.workspaceId, id: attempt.id, nonce: attempt.tokenNonce });
    expect((await t.app.inject({ method: 'GET', url: `/assessments/certificates/${forged}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/assessments/certificates/${attempt.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/assessments/certificates/${attempt.id}`, headers: other.keyHeaders })).statusCode).toBe(404);
    const own = await t.app.inject({ method: 'GET', url: `/assessments/certificates/${attempt.id}`, headers: tenant.keyHeaders });
    expect(own.statusCode).toBe(200);

    const failing = await finished({ passing_score: 80 });
    expect((await t.app.inject({ method: 'GET', url: `/assessments/certificates/${certificateToken(t.runtime, failing)}` })).statusCode).toBe(404);

    const { attempt: waiting } = await handedIn();
    expect((await t.app.inject({ method: 'GET', url: `/assessments/answers/certificates/${certificateToken(t.runtime, waiting)}` })).statusCode).toBe(404);

    await db().update(attempts).set({ tokenNonce: 'rotated' }).where(eq(attempts.id, attempt.id));
    expect((await t.app.inject({ method: 'GET', url: `/assessments/certificates/${certificateToken(t.runtime, attempt)}` })).statusCode).toBe(404);
  });
});
