import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { webhookMessages } from '../../../platform/webhooks/schema.js';
import { renderMail } from '../../../platform/mail/render-mail.js';
import { tokenMatches } from '../attempt-tokens.js';
import { answers, attempts } from '../schema.js';
import { completeAttempt } from './complete-attempt.js';
import { insertAssessmentRevision, insertAttempt } from './attempt-fixtures.js';
import { answerTo, essayQuestion, revisionOf, singleChoice } from './score-fixtures.js';
import type { AssessmentSettings } from '../types.js';

let t: TestApp;
let tenant: TenantFixture;
beforeAll(async () => {
  t = await testApp();
  tenant = await createTenant(t.runtime, 'Scoring Co');
});
afterAll(async () => t.close());

const db = () => t.database.db;
const review = (score: number) => ({ score, reviewer_id: tenant.admin.id, reviewed_at: new Date().toISOString() });

async function setUp(settings: AssessmentSettings = {}, options: Parameters<typeof insertAttempt>[4] = {}, reviewed = false) {
  const revision = revisionOf([singleChoice('q1', { weight: 2 }), essayQuestion('e1', { weight: 2 })], { passing_score: 50, ...settings });
  const saved = await insertAssessmentRevision(db(), tenant.workspace.id, revision, tenant.admin.id);
  const attempt = await insertAttempt(db(), tenant.workspace.id, saved, [
    answerTo('q1', { choices: ['a'] }),
    answerTo('e1', { text: 'An essay' }, reviewed ? { review: review(1) } : {}),
  ], { webhookUrl: 'http://127.0.0.1:9/hook', external: { application_id: 'app-7' }, ...options });
  return attempt;
}

const mailsTo = async (to: string) => db().select().from(mailOutbox).where(and(eq(mailOutbox.workspaceId, tenant.workspace.id), eq(mailOutbox.to, to)));
const mailsOfWorkspace = async () => db().select().from(mailOutbox).where(eq(mailOutbox.workspaceId, tenant.workspace.id));
const hooksOf = async (url: string) => db().select().from(webhookMessages).where(and(eq(webhookMessages.workspaceId, tenant.workspace.id), eq(webhookMessages.url, url)));

describe('completeAttempt', () => {
  it('waits for the reviewer, then finishes once: e-mails and the attempt.finished webhook, never twice', async () => {
    const boss = uniqueEmail('boss');
    const attempt = await setUp({ notify_emails: [boss.toUpperCase()] }, { webhookUrl: 'http://127.0.0.1:9/hook-once' });
    const first = await db().transaction((tx) => completeAttempt(tx, t.runtime, attempt));
    expect(first).toMatchObject({ status: 'pending_review', announced: false });
    expect(await mailsTo(attempt.email)).toHaveLength(0);
    expect(await hooksOf('http://127.0.0.1:9/hook-once')).toHaveLength(0);
    const [stored] = await db().select().from(attempts).where(eq(attempts.id, attempt.id));
    expect(stored).toMatchObject({ status: 'pending_review', totalScore: 2, maxScore: 4, score: 50 });
    expect(stored.finished).not.toBeNull();
    const storedAnswers = await db().select().from(answers).where(eq(answers.attemptId, attempt.id));
    expect(Object.fromEntries(storedAnswers.map((a) => [a.questionId, [a.status, a.score, a.maxScore]]))).toEqual({ q1: ['finished', 2, 2], e1: ['pending_review', null, 2] });

    await db().update(answers).set({ review: review(2) }).where(and(eq(answers.attemptId, attempt.id), eq(answers.questionId, 'e1')));
    const second = await db().transaction((tx) => completeAttempt(tx, t.runtime, attempt));
    expect(second).toMatchObject({ status: 'finished', announced: true, previousStatus: 'pending_review' });
    expect(second.result).toMatchObject({ score: 100, totalScore: 4, maxScore: 4 });

    const candidate = await mailsTo(attempt.email);
    expect(candidate).toHaveLength(1);
    expect(candidate[0].template).toBe('attempt_result_candidate');
    const data = candidate[0].data as Record<string, string>;
    const token = decodeURIComponent(data.link.split('/certificates/')[1]);
    expect(tokenMatches(t.runtime.tokens, 'certificate', token, { workspaceId: attempt.workspaceId, id: attempt.id, nonce: attempt.tokenNonce })).toBe(true);
    expect(renderMail('attempt_result_candidate', 'pt', data).text).toContain('Sua pontuação: 100%.');
    expect((await mailsTo(boss)).map((m) => m.template)).toEqual(['attempt_result_author']);
    expect((await mailsTo(tenant.admin.email.toLowerCase())).length).toBeGreaterThan(0);

    const hooks = await hooksOf('http://127.0.0.1:9/hook-once');
    expect(hooks).toHaveLength(1);
    expect(hooks[0].eventType).toBe('attempt.finished');
    expect(JSON.parse(hooks[0].body).data).toEqual({ attempt_id: attempt.id, application_id: 'app-7', assessment_id: attempt.assessmentId, status: 'finished', score: 100, title: 'Scoring test' });

    const before = (await mailsOfWorkspace()).length;
    const third = await db().transaction((tx) => completeAttempt(tx, t.runtime, attempt));
    expect(third).toMatchObject({ status: 'finished', announced: false });
    expect(await mailsOfWorkspace()).toHaveLength(before);
    expect(await hooksOf('http://127.0.0.1:9/hook-once')).toHaveLength(1);
  });

  it('no candidate e-mail with disable_email or hidden results; a failing candidate gets no certificate link', async () => {
    const disabled = await setUp({}, { disableEmail: true }, true);
    await db().transaction((tx) => completeAttempt(tx, t.runtime, disabled));
    expect(await mailsTo(disabled.email)).toHaveLength(0);

    const hidden = await setUp({ hidden_results: true }, {}, true);
    await db().transaction((tx) => completeAttempt(tx, t.runtime, hidden));
    expect(await mailsTo(hidden.email)).toHaveLength(0);

    const failing = await setUp({ passing_score: 90 }, {}, true);
    const done = await db().transaction((tx) => completeAttempt(tx, t.runtime, failing));
    expect(done.result.score).toBe(75);
    const [mail] = await mailsTo(failing.email);
    expect((mail.data as Record<string, string>).link).toBe('');
    expect(renderMail(mail.template, mail.language, mail.data as Record<string, string>).text).not.toContain('/certificates/');
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const attempt = await setUp({}, { webhookUrl: 'http://127.0.0.1:9/hook-rollback' }, true);
    await expect(db().transaction(async (tx) => {
      await completeAttempt(tx, t.runtime, attempt);
      throw new Error('later step failed');
    })).rejects.toThrow('later step failed');
    const [stored] = await db().select().from(attempts).where(eq(attempts.id, attempt.id));
    expect(stored).toMatchObject({ status: 'started', score: null });
    expect(await mailsTo(attempt.email)).toHaveLength(0);
    expect(await hooksOf('http://127.0.0.1:9/hook-rollback')).toHaveLength(0);
  });

  it('two completions racing announce once', async () => {
    const attempt = await setUp({}, { webhookUrl: 'http://127.0.0.1:9/hook-race' }, true);
    const results = await Promise.all([1, 2].map(() => db().transaction((tx) => completeAttempt(tx, t.runtime, attempt))));
    expect(results.filter((r) => r.announced)).toHaveLength(1);
    expect(await mailsTo(attempt.email)).toHaveLength(1);
    expect(await hooksOf('http://127.0.0.1:9/hook-race')).toHaveLength(1);
  });

  it('refuses an attempt that was never opened', async () => {
    const attempt = await setUp();
    await db().update(attempts).set({ revisionId: null }).where(eq(attempts.id, attempt.id));
    await expect(db().transaction((tx) => completeAttempt(tx, t.runtime, attempt))).rejects.toMatchObject({ statusCode: 409, code: 'attempt_not_opened' });
  });
});
