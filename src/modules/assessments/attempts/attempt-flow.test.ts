import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { renderMail } from '../../../platform/mail/render-mail.js';
import { jobOutbox } from '../../../platform/jobs/schema.js';
import { webhookMessages } from '../../../platform/webhooks/schema.js';
import { deliverWebhook } from '../../../platform/webhooks/deliver-webhook.js';
import { webhookReceiver } from '../../../../test/support/webhook-receiver.js';
import { attemptWebhookSecret } from '../scoring/announce-attempt-finished.js';
import { startJudgePool, type JudgePool } from '../../judge/judge-pool.js';
import { sandboxHost } from '../../judge/sandbox/host.js';
import { answers, attempts } from '../schema.js';
import { fourKinds, insertAssessment, insertQuestion, SUM_SOLUTION } from './attempt-fixtures.js';
import { closeExpiredAttempts } from './close-expired.js';
import { JUDGE_ATTEMPT, type JudgeAttemptData } from './finish-attempt.js';
import { judgeAttempt } from './judge-attempt.js';

const sandbox = await sandboxHost();
if (!sandbox.available) console.warn(`attempt tests that run code skipped: ${sandbox.reason}`);

let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let pool: JudgePool | undefined;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Takers');
  b = await createTenant(t.runtime, 'Others');
  receiver = await webhookReceiver();
  if (sandbox.available) pool = startJudgePool(t.runtime, { size: 1 });
});
afterAll(async () => {
  await pool?.stop();
  await receiver.close();
  await t.close();
});

const db = () => t.database.db;

async function assessmentWith(kinds: Array<keyof typeof fourKinds>, settings = {}) {
  const ids = [];
  for (const kind of kinds) ids.push(await insertQuestion(db(), a.workspace.id, fourKinds[kind]));
  return { ids, assessment: await insertAssessment(db(), a.workspace.id, { questionIds: ids, settings, authorId: a.admin.id }) };
}

async function invite(assessmentId: string, email: string, extra: object = {}) {
  const res = await t.app.inject({ method: 'POST', url: `/assessments/${assessmentId}/attempts`, headers: a.keyHeaders, payload: { participants: [{ email, name: 'Cand Idate' }], ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json()[0] as { _id: string; link: string; invited: boolean };
}

/** The token of the link the invitation e-mail carries. */
async function mailedToken(email: string): Promise<string> {
  const [mail] = await db().select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'attempt_invitation')));
  expect(mail, `no invitation mailed to ${email}`).toBeDefined();
  const data = mail.data as Record<string, string>;
  const link = data.link;
  expect(renderMail(mail.template, mail.language, data).text).toContain(link);
  const match = /\/take\/([^/?#]+)$/.exec(link);
  expect(match).not.toBeNull();
  return decodeURIComponent(match![1]);
}

const candidate = (token: string, path = '') => `/candidate/attempts/${encodeURIComponent(token)}${path}`;

async function startedAttempt(kinds: Array<keyof typeof fourKinds>, settings = {}) {
  const { ids, assessment } = await assessmentWith(kinds, settings);
  const email = uniqueEmail('cand');
  const invited = await invite(assessment.id, email);
  const token = await mailedToken(email);
  expect((await t.app.inject({ method: 'POST', url: candidate(token, '/terms') })).statusCode).toBe(200);
  const started = await t.app.inject({ method: 'POST', url: candidate(token, '/start') });
  expect(started.statusCode, started.body).toBe(200);
  return { ids, assessment, token, attemptId: invited._id, email };
}

const save = (token: string, questionId: string, response: object, revision: number) =>
  t.app.inject({ method: 'PUT', url: candidate(token, `/answers/${questionId}`), payload: { response, revision } });

async function attemptRow(id: string) {
  const [row] = await db().select().from(attempts).where(and(eq(attempts.workspaceId, a.workspace.id), eq(attempts.id, id)));
  return row;
}

async function answerRow(attemptId: string, questionId: string) {
  const [row] = await db().select().from(answers).where(and(eq(answers.workspaceId, a.workspace.id), eq(answers.attemptId, attemptId), eq(answers.questionId, questionId)));
  return row;
}

async function webhooksOf(attemptId: string) {
  const rows = await db().select().from(webhookMessages).where(and(eq(webhookMessages.workspaceId, a.workspace.id), eq(webhookMessages.eventType, 'attempt.finished')));
  return rows.filter((row) => (JSON.parse(row.body) as { data: { attempt_id: string } }).data.attempt_id === attemptId);
}

describe('an attempt taken end to end', () => {
  it.skipIf(!sandbox.available)('invite → mailed link → terms → start → questions without solutions → saves → finish → judge → review → certificate → signed webhook', async () => {
    const { ids, assessment } = await assessmentWith(['choice', 'coding', 'sql', 'essay'], { randomize_questions: true, randomize_choices: true, terms: 'Work alone.' });
    const [choiceId, codingId, sqlId, essayId] = ids;
    const email = uniqueEmail('taker');
    const invited = await invite(assessment.id, email, { webhook_url: receiver.url('/e2e') });
    expect(invited.invited).toBe(true);
    const again = await invite(assessment.id, email.toUpperCase());
    expect(again).toMatchObject({ _id: invited._id, invited: false });

    const token = await mailedToken(email);
    const opened = await t.app.inject({ method: 'GET', url: candidate(token), headers: { 'x-language': 'pt' } });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ _id: invited._id, status: 'invited', status_formatted: 'Convidado', assessment: { question_count: 4, terms: 'Work alone.', duration_seconds: 3600 } });

    const early = await t.app.inject({ method: 'POST', url: candidate(token, '/start') });
    expect([early.statusCode, early.json().code]).toEqual([409, 'terms_not_accepted']);
    expect((await t.app.inject({ method: 'POST', url: candidate(token, '/terms') })).json().terms).not.toBeNull();
    const started = await t.app.inject({ method: 'POST', url: candidate(token, '/start') });
    expect(started.json()).toMatchObject({ status: 'started' });
    expect(started.json().remaining_seconds).toBeGreaterThan(3500);

    const read = await t.app.inject({ method: 'GET', url: candidate(token, '/questions') });
    expect(read.statusCode).toBe(200);
    for (const secret of ['correct', 'explanation', 't-hidden', 'print(a + b)', 'reference_solutions', 'age >= 18', 'solution']) expect(read.body).not.toContain(secret);
    const questions = read.json().questions as Array<{ _id: string; coding?: { sample_tests: Array<{ _id: string }> }; question?: { choices: Array<{ _id: string }> } }>;
    expect(questions.map((q) => q._id).sort()).toEqual([...ids].sort());
    expect(questions.find((q) => q._id === codingId)!.coding!.sample_tests.map((s) => s._id)).toEqual(['t-sample']);
    expect(questions.find((q) => q._id === choiceId)!.question!.choices.map((c) => c._id).sort()).toEqual(['c-const', 'c-let', 'c-var']);
    const reread = await t.app.inject({ method: 'GET', url: candidate(token, '/questions') });
    expect(reread.json().questions).toEqual(questions);

    const bad = await save(token, choiceId, { choices: ['c-nope'] }, 1);
    expect([bad.statusCode, bad.json().details[0].field]).toEqual([400, 'body/response/choices/0']);
    expect((await save(token, choiceId, { choices: ['c-var'] }, 1)).json()).toMatchObject({ revision: 1, applied: true });
    expect((await save(token, choiceId, { choices: ['c-const'] }, 3)).json()).toMatchObject({ revision: 3, applied: true });
    // A late older save is acknowledged with the stored revision and changes nothing.
    expect((await save(token, choiceId, { choices: ['c-let'] }, 2)).json()).toMatchObject({ revision: 3, applied: false });
    expect((await answerRow(invited._id, choiceId)).response).toEqual({ choices: ['c-const'] });
    expect((await save(token, codingId, { language: 71, code: SUM_SOLUTION }, 1)).statusCode).toBe(200);
    expect((await save(token, sqlId, { code: 'select name from people where age > 17' }, 1)).statusCode).toBe(200);
    expect((await save(token, essayId, { text: 'An off-by-one in a pager.' }, 1)).statusCode).toBe(200);

    const run = await t.app.inject({ method: 'POST', url: candidate(token, `/answers/${codingId}/run`), payload: { language: 71, code: SUM_SOLUTION } });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ state: 'done', status: 'accepted', passed: 1, total: 1, tests: [{ _id: 't-sample', status: 'accepted' }] });

    const finished = await t.app.inject({ method: 'POST', url: candidate(token, '/finish') });
    expect(finished.json()).toMatchObject({ status: 'pending' });
    const after = await save(token, essayId, { text: 'late' }, 2);
    expect([after.statusCode, after.json().code]).toEqual([409, 'attempt_not_started']);
    const [job] = (await db().select().from(jobOutbox).where(eq(jobOutbox.name, JUDGE_ATTEMPT))).filter((j) => (j.data as JudgeAttemptData).attemptId === invited._id);
    expect(job).toBeDefined();

    await judgeAttempt(t.runtime, job.data as JudgeAttemptData);
    const judged = await attemptRow(invited._id);
    // The essay waits for a reviewer (0 of its point until then); the three machine-scored questions earned all theirs.
    expect(judged).toMatchObject({ status: 'pending_review', score: 75, totalScore: 3, maxScore: 4 });
    expect((await answerRow(invited._id, codingId)).autoResult).toMatchObject({ kind: 'coding', tests: [{ _id: 't-sample', passed: true }, { _id: 't-hidden-1', passed: true }, { _id: 't-hidden-2', passed: true }] });
    expect((await answerRow(invited._id, sqlId)).autoResult).toEqual({ kind: 'sql', passed: true, status: 'accepted' });
    expect(judged.breakdown!.questions.find((q) => q.question_id === essayId)).toMatchObject({ status: 'pending_review', score: null });
    expect(await webhooksOf(invited._id)).toHaveLength(0);

    // A reviewer scores the essay: the attempt is finished, its certificate resolves and the signed webhook reaches the receiver.
    const essay = await answerRow(invited._id, essayId);
    const review = await t.app.inject({ method: 'PUT', url: `/assessments/answers/${essay.id}/review`, headers: a.keyHeaders, payload: { score: 1, comment: 'Clear' } });
    expect(review.statusCode, review.body).toBe(200);
    expect(await attemptRow(invited._id)).toMatchObject({ status: 'finished', score: 100, totalScore: 4 });
    const [result] = await db().select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'attempt_result_candidate')));
    const certificateLink = (result.data as { link: string }).link;
    const certificate = await t.app.inject({ method: 'GET', url: `/assessments/certificates/${certificateLink.split('/certificates/')[1]}` });
    expect(certificate.statusCode, certificate.body).toBe(200);
    const [hook] = await webhooksOf(invited._id);
    await deliverWebhook(t.runtime, { id: 'e2e', name: 'webhook.deliver', data: { workspaceId: a.workspace.id, messageId: hook.id, attempt: 1 }, retryCount: 0, retryLimit: 0 });
    const [arrived] = receiver.at('/e2e');
    const verified = new Webhook(attemptWebhookSecret(t.runtime, await attemptRow(invited._id))).verify(arrived.body, arrived.headers) as { type: string; data: object };
    expect(verified).toMatchObject({ type: 'attempt.finished', data: { attempt_id: invited._id, status: 'finished', score: 100 } });
  });

  it('a choice-only attempt is scored at finish and queues its attempt.finished webhook in the same transaction', async () => {
    const { assessment, ids } = await assessmentWith(['choice']);
    const email = uniqueEmail('quick');
    const invited = await invite(assessment.id, email, { webhook_url: 'https://hooks.example.test/quick' });
    const token = await mailedToken(email);
    await t.app.inject({ method: 'POST', url: candidate(token, '/terms') });
    await t.app.inject({ method: 'POST', url: candidate(token, '/start') });
    await save(token, ids[0], { choices: ['c-const'] }, 1);
    const finished = await t.app.inject({ method: 'POST', url: candidate(token, '/finish') });
    expect(finished.json()).toMatchObject({ status: 'finished' });
    expect(await attemptRow(invited._id)).toMatchObject({ status: 'finished', score: 100 });
    const hooks = await webhooksOf(invited._id);
    expect(hooks).toHaveLength(1);
    expect(JSON.parse(hooks[0].body).data).toMatchObject({ attempt_id: invited._id, status: 'finished', score: 100 });
  });

  it('a save after the time is over answers 409 and is not stored; the close-expired job finishes it with what was saved', async () => {
    const { ids, token, attemptId } = await startedAttempt(['choice']);
    expect((await save(token, ids[0], { choices: ['c-const'] }, 1)).statusCode).toBe(200);
    await db().update(attempts).set({ endsAt: new Date(Date.now() - 1000) }).where(and(eq(attempts.workspaceId, a.workspace.id), eq(attempts.id, attemptId)));
    const late = await save(token, ids[0], { choices: ['c-var'] }, 2);
    expect([late.statusCode, late.json().code]).toEqual([409, 'attempt_time_over']);
    expect(await answerRow(attemptId, ids[0])).toMatchObject({ revision: 1, response: { choices: ['c-const'] } });
    const finish = await t.app.inject({ method: 'POST', url: candidate(token, '/finish') });
    expect([finish.statusCode, finish.json().code]).toEqual([409, 'attempt_time_over']);
    const closed = await closeExpiredAttempts(t.runtime);
    expect(closed.finished).toBeGreaterThanOrEqual(1);
    expect(await attemptRow(attemptId)).toMatchObject({ status: 'finished', score: 100 });
  });

  it('an invitation past its expiry cannot start and the job marks it expired', async () => {
    const { assessment } = await assessmentWith(['choice'], { invitation_expire_days: 1 });
    const email = uniqueEmail('late');
    const invited = await invite(assessment.id, email);
    const token = await mailedToken(email);
    await t.app.inject({ method: 'POST', url: candidate(token, '/terms') });
    await db().update(attempts).set({ invitationDateExpire: new Date(Date.now() - 1000) }).where(and(eq(attempts.workspaceId, a.workspace.id), eq(attempts.id, invited._id)));
    const start = await t.app.inject({ method: 'POST', url: candidate(token, '/start') });
    expect([start.statusCode, start.json().code]).toEqual([409, 'attempt_expired']);
    await closeExpiredAttempts(t.runtime);
    expect((await attemptRow(invited._id)).status).toBe('expired');
  });

  it('a token reaches only its own attempt: a wrong MAC, another id or garbage answer 404', async () => {
    const { token } = await startedAttempt(['choice']);
    const other = await startedAttempt(['choice']);
    const [ws, id, mac] = token.split('.');
    const forged = [`${ws}.${id}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, `${ws}.${other.attemptId}.${mac}`, `${b.workspace.id}.${id}.${mac}`, 'nonsense'];
    for (const bad of forged) expect((await t.app.inject({ method: 'GET', url: candidate(bad) })).statusCode, bad).toBe(404);
    const notes = await t.app.inject({ method: 'GET', url: `/assessments/attempts/${other.attemptId}/notes?access_token=${encodeURIComponent(token)}` });
    expect(notes.statusCode).toBe(404);
  });

  it('candidate notes are saved with the access token while the attempt runs', async () => {
    const { token, attemptId } = await startedAttempt(['choice']);
    const url = `/assessments/attempts/${attemptId}/notes?access_token=${encodeURIComponent(token)}`;
    expect((await t.app.inject({ method: 'PUT', url, payload: { notes: 'check the edge cases' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url })).json()).toMatchObject({ _id: attemptId, notes: 'check the edge cases' });
  });

  it('a draft assessment takes no invitation, and another workspace cannot invite to it', async () => {
    const { assessment } = await assessmentWith(['choice']);
    const foreign = await t.app.inject({ method: 'POST', url: `/assessments/${assessment.id}/attempts`, headers: b.keyHeaders, payload: { participants: [{ email: uniqueEmail() }] } });
    expect(foreign.statusCode).toBe(404);
    const q = await insertQuestion(db(), a.workspace.id, fourKinds.choice);
    const draft = await insertAssessment(db(), a.workspace.id, { questionIds: [q], status: 'draft' });
    const res = await t.app.inject({ method: 'POST', url: `/assessments/${draft.id}/attempts`, headers: a.keyHeaders, payload: { participants: [{ email: uniqueEmail() }] } });
    expect([res.statusCode, res.json().code]).toEqual([409, 'assessment_not_published']);
  });
});
