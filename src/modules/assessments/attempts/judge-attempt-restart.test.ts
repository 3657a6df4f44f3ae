import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { testConfig } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail } from '../../../../test/support/fixtures.js';
import { eventually, workerDatabase, workerRuntime, type WorkerDatabase } from '../../../../test/support/worker-database.js';
import { createRuntime } from '../../../platform/create-runtime.js';
import type { Database } from '../../../platform/db/client.js';
import { jobOutbox } from '../../../platform/jobs/schema.js';
import { modules } from '../../index.js';
import { sandboxHost } from '../../judge/sandbox/host.js';
import { answers, attempts } from '../schema.js';
import { fourKinds, insertAssessment, insertQuestion, SUM_SOLUTION } from './attempt-fixtures.js';
import { finishAttempt, JUDGE_ATTEMPT } from './finish-attempt.js';
import { findRevision } from './freeze-revision.js';
import { inviteAttempts } from './invite-attempts.js';
import { saveAnswer } from './save-answer.js';
import { acceptTerms, startAttempt } from './start-attempt.js';

const sandbox = await sandboxHost();

let store: WorkerDatabase;
let database: Database;
beforeAll(async () => {
  store = await workerDatabase();
  database = await store.open();
});
afterAll(async () => {
  await database.close();
  await store.drop();
});

describe.skipIf(!sandbox.available)('judge-attempt across a restart', () => {
  it('a judge-attempt job queued by a process that stops is worked by the next one, which scores the attempt', async () => {
    const first = await createRuntime(testConfig(), { modules, database, logger: pino({ level: 'silent' }) });
    const tenant = await createTenant(first, 'Restarts');
    const db = database.db;
    const workspaceId = tenant.workspace.id;
    const choice = await insertQuestion(db, workspaceId, fourKinds.choice);
    const coding = await insertQuestion(db, workspaceId, fourKinds.coding);
    const assessment = await insertAssessment(db, workspaceId, { questionIds: [choice, coding] });
    const [invited] = await inviteAttempts({ db, runtime: first, tenant: { workspaceId, allowedSubaccountIds: [] }, actorId: null }, assessment.id, [{ email: uniqueEmail('restart') }], { disable_email: true });
    const [row] = await db.select().from(attempts).where(and(eq(attempts.workspaceId, workspaceId), eq(attempts.id, invited._id)));
    await acceptTerms(db, row);
    const started = await startAttempt(db, workspaceId, invited._id);
    const revision = (await findRevision(db, workspaceId, started.revisionId!))!;
    await saveAnswer(db, started, revision, choice, { response: { choices: ['c-const'] }, revision: 1 });
    await saveAnswer(db, started, revision, coding, { response: { language: 71, code: SUM_SOLUTION }, revision: 1 });
    expect((await finishAttempt(db, first, workspaceId, invited._id)).status).toBe('pending');
    await first.close();
    const queued = (await db.select().from(jobOutbox).where(eq(jobOutbox.name, JUDGE_ATTEMPT))).filter((j) => (j.data as { attemptId: string }).attemptId === invited._id);
    expect(queued).toHaveLength(1);

    const second = await workerRuntime(database);
    try {
      const done = await eventually(async () => {
        const [current] = await db.select().from(attempts).where(and(eq(attempts.workspaceId, workspaceId), eq(attempts.id, invited._id)));
        return current.status === 'finished' ? current : undefined;
      }, 90_000, 'the attempt to be judged and finished');
      expect(done).toMatchObject({ score: 100, totalScore: 2, maxScore: 2 });
      const [judged] = await db.select().from(answers).where(and(eq(answers.workspaceId, workspaceId), eq(answers.attemptId, invited._id), eq(answers.questionId, coding)));
      expect(judged.autoResult).toMatchObject({ kind: 'coding', language: 71 });
      expect((judged.autoResult as { tests: Array<{ passed: boolean }> }).tests.every((x) => x.passed)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
