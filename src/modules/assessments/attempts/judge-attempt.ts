import { and, desc, eq } from 'drizzle-orm';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { Runtime } from '../../../platform/runtime.js';
import { MAX_WAIT_MS, runSubmission, waitForRun } from '../../judge/run-submission.js';
import { runSqlSubmission } from '../../judge/sql/run-sql.js';
import { judgeRuns, type JudgeRun } from '../../judge/schema.js';
import { completeAttempt } from '../scoring/complete-attempt.js';
import type { CodingAutoResult, SqlAutoResult } from '../scoring/score-types.js';
import { answers, attempts, type AnswerRow } from '../schema.js';
import type { FrozenQuestion } from '../types.js';
import { lockAttempt } from './attempt-access.js';
import { findRevision } from './freeze-revision.js';
import { JUDGE_ATTEMPT, judgedTypes, type JudgeAttemptData } from './finish-attempt.js';

/** How long the job waits for one coding run before it gives up this try (the job is retried). */
const RUN_TIMEOUT_MS = 10 * 60_000;

/** The run of this answer already queued by an earlier try of the job, so a retry or restart never runs it twice. */
async function existingRun(runtime: Runtime, answer: AnswerRow): Promise<JudgeRun | undefined> {
  const [run] = await runtime.database.db
    .select()
    .from(judgeRuns)
    .where(and(eq(judgeRuns.workspaceId, answer.workspaceId), eq(judgeRuns.answerId, answer.id)))
    .orderBy(desc(judgeRuns.created))
    .limit(1);
  return run;
}

async function waitDone(runtime: Runtime, workspaceId: string, runId: string): Promise<JudgeRun> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const run = await waitForRun(runtime, { workspaceId }, runId, MAX_WAIT_MS);
    if (run.status === 'done') return run;
    if (Date.now() > deadline) throw new Error(`judge run ${runId} not done after ${RUN_TIMEOUT_MS / 1000} s`);
  }
}

/** Runs a coding answer on every frozen test (hidden ones included), with the revision's reference solution. */
async function judgeCoding(runtime: Runtime, question: FrozenQuestion, answer: AnswerRow): Promise<CodingAutoResult> {
  const coding = question.content.coding!;
  const response = answer.response as { language: number; code: string };
  const prior = await existingRun(runtime, answer);
  const run =
    prior && prior.languageId === response.language && prior.source === response.code
      ? prior
      : await runSubmission(runtime, { workspaceId: answer.workspaceId }, {
          languageId: response.language,
          source: response.code,
          referenceSource: coding.reference_solutions?.[String(response.language)] ?? null,
          tests: coding.tests.map((t) => ({ input: t.input, expected_output: t.expected_output, hidden: t.hidden })),
          limits: { time_ms: coding.time_ms, memory_kb: coding.memory_kb },
          comparison: { mode: coding.comparison ?? 'trimmed' },
          questionId: question._id,
          answerId: answer.id,
        });
  const done = await waitDone(runtime, answer.workspaceId, run.id);
  const verdicts = done.verdicts;
  const byIndex = new Map((verdicts?.tests ?? []).map((v) => [v.index, v]));
  return {
    kind: 'coding',
    run_id: done.id,
    language: response.language,
    tests: coding.tests.map((t, i) => {
      const verdict = byIndex.get(i);
      const status = verdict?.status ?? verdicts?.status ?? 'internal_error';
      return { _id: t._id, hidden: t.hidden, passed: status === 'accepted', status };
    }),
    compile_output: verdicts?.compile_output ?? null,
  };
}

async function judgeSql(runtime: Runtime, question: FrozenQuestion, answer: AnswerRow): Promise<SqlAutoResult> {
  const content = question.content.sql!;
  const verdict = await runSqlSubmission(runtime, { workspaceId: answer.workspaceId }, {
    code: (answer.response as { code: string }).code,
    datasetId: content.format === 'dataset' ? content.dataset_id : undefined,
    script: content.script,
    solution: content.solution,
    ordered: content.ordered,
    multipleStatements: content.multiple_statements,
  });
  return { kind: 'sql', passed: verdict.status === 'accepted', status: verdict.status };
}

/**
 * Judges a `pending` attempt: each coding answer through the sandbox on all its frozen tests and
 * each SQL answer against the solution's result, outside any transaction; then, in one
 * transaction over the locked attempt row, stores every `auto_result` and completes the attempt
 * (score, status, e-mails, webhook). An attempt no longer pending (reopened, already completed by
 * an earlier try) is left alone.
 */
export async function judgeAttempt(runtime: Runtime, data: JudgeAttemptData): Promise<void> {
  const db = runtime.database.db;
  const [attempt] = await db.select().from(attempts).where(and(eq(attempts.workspaceId, data.workspaceId), eq(attempts.id, data.attemptId)));
  if (!attempt || attempt.status !== 'pending' || !attempt.revisionId) return;
  const revision = await findRevision(db, data.workspaceId, attempt.revisionId);
  if (!revision) return;
  const questions = new Map(revision.content.questions.filter((q) => judgedTypes.has(q.type)).map((q) => [q._id, q]));
  const rows = await db.select().from(answers).where(and(eq(answers.workspaceId, data.workspaceId), eq(answers.attemptId, data.attemptId)));
  const results: Array<{ id: string; autoResult: CodingAutoResult | SqlAutoResult }> = [];
  for (const answer of rows) {
    const question = questions.get(answer.questionId);
    if (!question || !answer.response) continue;
    const autoResult = question.type === 'coding' ? await judgeCoding(runtime, question, answer) : await judgeSql(runtime, question, answer);
    results.push({ id: answer.id, autoResult });
  }
  await db.transaction(async (tx) => {
    const locked = await lockAttempt(tx, data.workspaceId, data.attemptId);
    if (!locked || locked.status !== 'pending') return;
    for (const result of results) {
      await tx
        .update(answers)
        .set({ autoResult: result.autoResult as unknown as Record<string, unknown>, updated: new Date() })
        .where(and(eq(answers.workspaceId, data.workspaceId), eq(answers.id, result.id)));
    }
    await completeAttempt(tx, runtime, locked);
  });
}

export const judgeAttemptJob = defineJob<JudgeAttemptData>({
  name: JUDGE_ATTEMPT,
  options: { retryLimit: 5, retryDelay: 30, expireInSeconds: 30 * 60, concurrency: 2 },
  run: (runtime, job) => judgeAttempt(runtime, job.data),
});
