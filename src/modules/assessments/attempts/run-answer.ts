import { badRequest, notFound } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { runSubmission } from '../../judge/run-submission.js';
import { runSqlSubmission } from '../../judge/sql/run-sql.js';
import type { AttemptRow, RevisionRow } from '../schema.js';
import { checkResponse } from './check-response.js';
import { timeRefusal } from './attempt-time.js';

/** How long a candidate's run waits for its verdicts before answering the run as it stands. */
const RUN_WAIT_MS = 20_000;

export interface SampleRun {
  question_id: string;
  /** queued/running when the verdicts did not come in time; done otherwise. */
  state: 'queued' | 'running' | 'done';
  status: string | null;
  passed: number;
  total: number;
  compile_output: string | null;
  /** One per sample test (by its `_id`); for SQL, the query's result set as `output`. */
  tests: Array<{ _id: string; status: string; time_ms: number; memory_kb: number; stdout: string | null; stderr: string | null; expected_output: string | null; message: string | null }>;
  output: { columns: string[]; rows: unknown[]; row_count: number; truncated: boolean } | null;
  message: string | null;
}

/**
 * Runs the candidate's code on the question's **sample** tests only (coding), or the query on the
 * question's data without comparing it with the solution (SQL). Hidden tests, the reference solution
 * and the SQL solution never take part, so nothing about them reaches the candidate. Only while the
 * attempt is started and its time not over; nothing is saved.
 */
export async function runAnswer(runtime: Runtime, attempt: AttemptRow, revision: RevisionRow, questionId: string, body: unknown, now = new Date()): Promise<SampleRun> {
  const question = revision.content.questions.find((q) => q._id === questionId);
  if (!question) throw notFound('Question');
  const refusal = timeRefusal(attempt, now);
  if (refusal) throw refusal;
  if (question.type === 'coding' && question.content.coding) {
    const response = checkResponse(question, body, 'body') as { language: number; code: string };
    const samples = question.content.coding.tests.filter((t) => !t.hidden);
    const run = await runSubmission(runtime, { workspaceId: attempt.workspaceId }, {
      languageId: response.language,
      source: response.code,
      // Samples missing an expected output are completed by the reference solution, whose output the candidate then sees on that sample only.
      referenceSource: question.content.coding.reference_solutions?.[String(response.language)] ?? null,
      tests: samples.map((t) => ({ input: t.input, expected_output: t.expected_output, hidden: false })),
      limits: { time_ms: question.content.coding.time_ms, memory_kb: question.content.coding.memory_kb },
      comparison: { mode: question.content.coding.comparison ?? 'trimmed' },
      questionId,
      waitMs: RUN_WAIT_MS,
    });
    const verdicts = run.verdicts;
    return {
      question_id: questionId,
      state: run.status,
      status: verdicts?.status ?? null,
      passed: verdicts?.passed ?? 0,
      total: samples.length,
      compile_output: verdicts?.compile_output ?? null,
      tests: (verdicts?.tests ?? []).filter((v) => samples[v.index]).map((v) => ({
        _id: samples[v.index]._id,
        status: v.status,
        time_ms: v.time_ms,
        memory_kb: v.memory_kb,
        stdout: v.stdout,
        stderr: v.stderr,
        expected_output: v.expected_output,
        message: v.message,
      })),
      output: null,
      message: null,
    };
  }
  if (question.type === 'sql' && question.content.sql) {
    const { code } = checkResponse(question, { code: (body as { code?: unknown }).code }, 'body') as { code: string };
    const sql = question.content.sql;
    const verdict = await runSqlSubmission(runtime, { workspaceId: attempt.workspaceId }, {
      code,
      datasetId: sql.format === 'dataset' ? sql.dataset_id : undefined,
      script: sql.script,
      multipleStatements: sql.multiple_statements,
    });
    return { question_id: questionId, state: 'done', status: verdict.status, passed: 0, total: 0, compile_output: null, tests: [], output: verdict.output, message: verdict.message };
  }
  throw badRequest('question_not_runnable', `question ${questionId} is ${question.type}: only coding and SQL questions run`, 'params/questionId');
}

