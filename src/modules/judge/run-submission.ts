import { AppError, badRequest } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { finishedRuns, wakeJudgePools } from './judge-pool.js';
import type { RunLimits, TestCase } from './judge-code.js';
import { languageStatus } from './language-catalog.js';
import { findRun, insertRun } from './run-queue.js';
import type { JudgeRun } from './schema.js';
import type { Comparison } from './verdict.js';

export interface SubmissionInput {
  languageId: number;
  source: string;
  /** The question's reference solution: completes test cases sent without expected_output. */
  referenceSource?: string | null;
  tests: TestCase[];
  limits?: Partial<RunLimits>;
  comparison?: Comparison;
  questionId?: string | null;
  answerId?: string | null;
  /** Wait this long for the verdicts before returning the run as it stands (default: don't wait). */
  waitMs?: number;
}

/** Bounds of the per-test limits a question may set; defaults match common judges. */
export const LIMIT_BOUNDS = {
  time_ms: { min: 100, max: 15_000, default: 2_000 },
  wall_time_ms: { min: 200, max: 30_000 },
  memory_kb: { min: 16 * 1024, max: 1024 * 1024, default: 256 * 1024 },
  output_kb: { min: 1, max: 8 * 1024, default: 1024 },
} as const;

export const MAX_WAIT_MS = 30_000;
const POLL_MS = 200;

/**
 * Queues candidate code for judging (the assessments module calls this when a coding answer is
 * submitted; the run-tests route calls it too) and optionally waits for the verdicts.
 */
export async function runSubmission(runtime: Runtime, tenant: { workspaceId: string }, input: SubmissionInput): Promise<JudgeRun> {
  const status = await languageStatus(input.languageId);
  if (!status) throw badRequest('language_not_supported', `language ${input.languageId} is not a judge language`, 'body/language');
  if (!status.available) throw new AppError(422, 'language_unavailable', `${status.language.name} cannot run on this server: ${status.reason}`);
  const run = await insertRun(runtime.database.db, tenant.workspaceId, {
    questionId: input.questionId,
    answerId: input.answerId,
    languageId: input.languageId,
    source: input.source,
    // No test cases: one plain run on empty input, nothing compared (free-coding answers run too).
    referenceSource: input.tests.length > 0 ? input.referenceSource : null,
    tests: input.tests.length > 0 ? input.tests : [{ input: '' }],
    limits: resolveLimits(input.limits),
    comparison: input.comparison ?? { mode: 'trimmed' },
  });
  wakeJudgePools(runtime);
  if (!input.waitMs) return run;
  return waitForRun(runtime, tenant, run.id, input.waitMs);
}

export function resolveLimits(limits: Partial<RunLimits> = {}): RunLimits {
  const clamp = (value: number, bounds: { min: number; max: number }) => Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
  const time = clamp(limits.time_ms ?? LIMIT_BOUNDS.time_ms.default, LIMIT_BOUNDS.time_ms);
  return {
    time_ms: time,
    wall_time_ms: clamp(limits.wall_time_ms ?? time * 2 + 1000, LIMIT_BOUNDS.wall_time_ms),
    memory_kb: clamp(limits.memory_kb ?? LIMIT_BOUNDS.memory_kb.default, LIMIT_BOUNDS.memory_kb),
    output_kb: clamp(limits.output_kb ?? LIMIT_BOUNDS.output_kb.default, LIMIT_BOUNDS.output_kb),
  };
}

/**
 * The run once it is done, or as it stands after `waitMs`. A run finished in this process is seen
 * at once; one finished by another process is seen on the next poll.
 */
export async function waitForRun(runtime: Runtime, tenant: { workspaceId: string }, id: string, waitMs: number): Promise<JudgeRun> {
  const deadline = Date.now() + Math.min(waitMs, MAX_WAIT_MS);
  for (;;) {
    const run = await findRun(runtime.database.db, tenant.workspaceId, id);
    if (!run) throw new AppError(404, 'judge_run_not_found', 'judge run not found');
    const left = deadline - Date.now();
    if (run.status === 'done' || left <= 0) return run;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        finishedRuns.off(id, done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(POLL_MS, left));
      finishedRuns.once(id, done);
    });
  }
}
