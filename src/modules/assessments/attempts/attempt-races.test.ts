import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { webhookMessages } from '../../../platform/webhooks/schema.js';
import { answers, assessments, attempts } from '../schema.js';
import { attemptToken } from './attempt-access.js';
import { fourKinds, insertAssessment, insertQuestion } from './attempt-fixtures.js';
import { inviteAttempts } from './invite-attempts.js';
import { candidateQuestions } from './candidate-question-view.js';
import { revisionFor } from './freeze-revision.js';

let t: TestApp;
let a: TenantFixture;
beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Racers');
});
afterAll(() => t.close());

const candidate = (token: string, path = '') => `/candidate/attempts/${encodeURIComponent(token)}${path}`;

/** A started attempt at a choice question, through the candidate API. */
async function started(settings = {}) {
  const db = t.database.db;
  const questionId = await insertQuestion(db, a.workspace.id, fourKinds.choice);
  const assessment = await insertAssessment(db, a.workspace.id, { questionIds: [questionId], settings });
  const [invited] = await inviteAttempts({ db, runtime: t.runtime, tenant: { workspaceId: a.workspace.id, allowedSubaccountIds: [] }, actorId: null }, assessment.id, [{ email: uniqueEmail('race') }], {
    disable_email: true,
    webhook_url: 'https://hooks.example.test/race',
  });
  const token = await tokenOf(invited._id);
  await t.app.inject({ method: 'POST', url: candidate(token, '/terms') });
  expect((await t.app.inject({ method: 'POST', url: candidate(token, '/start') })).statusCode).toBe(200);
  return { questionId, attemptId: invited._id, token, assessment };
}

async function tokenOf(attemptId: string) {
  const [row] = await t.database.db.select().from(attempts).where(and(eq(attempts.workspaceId, a.workspace.id), eq(attempts.id, attemptId)));
  return attemptToken(t.runtime, row);
}

describe('racing candidates', () => {
  it('two saves of one answer racing: the higher revision is stored whichever commits first', async () => {
    const { questionId, attemptId, token } = await started();
    for (let round = 0; round < 5; round += 1) {
      const low = 10 * round + 1;
      const high = low + 1;
      const [first, second] = await Promise.all([
        t.app.inject({ method: 'PUT', url: candidate(token, `/answers/${questionId}`), payload: { response: { choices: ['c-var'] }, revision: round % 2 ? high : low } }),
        t.app.inject({ method: 'PUT', url: candidate(token, `/answers/${questionId}`), payload: { response: { choices: ['c-const'] }, revision: round % 2 ? low : high } }),
      ]);
      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
      const [stored] = await t.database.db.select().from(answers).where(and(eq(answers.workspaceId, a.workspace.id), eq(answers.attemptId, attemptId), eq(answers.questionId, questionId)));
      expect(stored.revision).toBe(high);
      expect(stored.response).toEqual({ choices: [round % 2 ? 'c-var' : 'c-const'] });
      // The higher save always applies; the lower one applied only if it came first, else it was told the newer revision.
      const [highRes, lowRes] = round % 2 ? [first, second] : [second, first];
      expect(highRes.json()).toMatchObject({ applied: true, revision: high });
      expect([{ applied: true, revision: low }, { applied: false, revision: high }]).toContainEqual({ applied: lowRes.json().applied, revision: lowRes.json().revision });
    }
  });

  it('two finishes racing: exactly one succeeds and one attempt.finished webhook is queued', async () => {
    const { attemptId, token } = await started();
    const results = await Promise.all([1, 2].map(() => t.app.inject({ method: 'POST', url: candidate(token, '/finish') })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('attempt_not_started');
    const hooks = (await t.database.db.select().from(webhookMessages).where(eq(webhookMessages.workspaceId, a.workspace.id))).filter(
      (m) => m.eventType === 'attempt.finished' && JSON.parse(m.body).data.attempt_id === attemptId,
    );
    expect(hooks).toHaveLength(1);
  });
});

describe('question order', () => {
  it('is the same on every read of one attempt, differs between seeds, and keeps the stable ids', async () => {
    const db = t.database.db;
    const ids = [];
    for (let i = 0; i < 6; i += 1) ids.push(await insertQuestion(db, a.workspace.id, fourKinds.choice));
    const assessment = await insertAssessment(db, a.workspace.id, { questionIds: ids, settings: { randomize_questions: true, randomize_choices: true } });
    const revision = await revisionFor(db, a.workspace.id, assessment.id);
    const orderOf = (seed: number) => candidateQuestions(revision.content, seed).map((q) => `${q._id}:${q.question!.choices.map((c) => c._id).join(',')}`);
    expect(orderOf(7)).toEqual(orderOf(7));
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => orderOf(seed).join('|')));
    expect(orders.size).toBeGreaterThan(1);
    for (const seed of [1, 2, 3]) expect(candidateQuestions(revision.content, seed).map((q) => q._id).sort()).toEqual([...ids].sort());
    const plain = await insertAssessment(db, a.workspace.id, { questionIds: ids });
    const fixed = await revisionFor(db, a.workspace.id, plain.id);
    expect(candidateQuestions(fixed.content, 1).map((q) => q._id)).toEqual(ids);
  });

  it('freezing the same content twice answers the same revision; a changed assessment gets the next number', async () => {
    const db = t.database.db;
    const q = await insertQuestion(db, a.workspace.id, fourKinds.choice);
    const assessment = await insertAssessment(db, a.workspace.id, { questionIds: [q] });
    const first = await revisionFor(db, a.workspace.id, assessment.id);
    expect((await revisionFor(db, a.workspace.id, assessment.id)).id).toBe(first.id);
    await db.update(assessments).set({ duration: 30 }).where(and(eq(assessments.workspaceId, a.workspace.id), eq(assessments.id, assessment.id)));
    const second = await revisionFor(db, a.workspace.id, assessment.id);
    expect([second.number, second.content.duration_seconds]).toEqual([first.number + 1, 1800]);
  });
});
