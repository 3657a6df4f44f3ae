import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import type { Runtime } from '../../platform/runtime.js';
import { failedTest, judgeCode } from './judge-code.js';
import { claimRuns, finishRun, MAX_ATTEMPTS } from './run-queue.js';
import type { JudgeRun } from './schema.js';
import { summarizeVerdicts, type RunVerdict } from './verdict.js';

export interface JudgePoolOptions {
  /** Runs judged at once by this process; default: one per CPU the process may use. */
  size?: number;
  /** How often an idle pool looks for runs queued by other processes. */
  pollMs?: number;
}

export interface JudgePool {
  readonly size: number;
  /** Look for work now (a run was just queued in this process). */
  wake(): void;
  /** Stop claiming and wait for the runs in progress. */
  stop(): Promise<void>;
}

/** Runs finished in this process, by id: waiters in the same process need not poll the database. */
export const finishedRuns = new EventEmitter();
finishedRuns.setMaxListeners(0);

const pools = new Map<Runtime, JudgePool>();

/** Wakes the pools of this process that share the runtime (no-op when this process runs no workers). */
export function wakeJudgePools(runtime: Runtime): void {
  pools.get(runtime)?.wake();
}

/**
 * A bounded pool of judge workers over the judge_runs queue. A burst of submissions waits in the
 * table; at most `size` sandboxes run at once, so the host is never oversubscribed. One per runtime.
 */
export function startJudgePool(runtime: Runtime, options: JudgePoolOptions = {}): JudgePool {
  const existing = pools.get(runtime);
  if (existing) return existing;
  const size = Math.max(1, options.size ?? availableParallelism());
  const pollMs = options.pollMs ?? 1000;
  const db = runtime.database.db;
  const running = new Set<Promise<void>>();
  let stopped = false;
  let claiming: Promise<void> | undefined;
  let claimAgain = false;
  let timer: NodeJS.Timeout | undefined;

  const judge = async (run: JudgeRun): Promise<void> => {
    let verdicts: RunVerdict;
    if (run.attempts > MAX_ATTEMPTS) {
      const message = `the judge gave up after ${MAX_ATTEMPTS} attempts`;
      verdicts = summarizeVerdicts(run.tests.map((test, index) => failedTest(index, test, 'internal_error', message)));
    } else {
      verdicts = await judgeCode({
        languageId: run.languageId,
        source: run.source,
        referenceSource: run.referenceSource,
        tests: run.tests,
        limits: run.limits,
        comparison: run.comparison,
      });
    }
    await finishRun(db, run, verdicts);
    finishedRuns.emit(run.id, verdicts);
  };

  const fill = async (): Promise<void> => {
    while (!stopped && running.size < size) {
      const runs = await claimRuns(db, size - running.size);
      if (runs.length === 0) return;
      for (const run of runs) {
        const task: Promise<void> = judge(run)
          .catch((error) => runtime.log.error({ err: error, runId: run.id }, 'judge run failed; it will be retried after its lease'))
          .finally(() => {
            running.delete(task);
            pool.wake();
          });
        running.add(task);
      }
    }
  };

  /** One claim loop at a time; wake-ups during it make it go round once more. */
  const wake = (): void => {
    if (stopped) return;
    if (claiming) {
      claimAgain = true;
      return;
    }
    claiming = (async () => {
      do {
        claimAgain = false;
        await fill().catch((error) => runtime.log.error({ err: error }, 'judge pool could not claim runs'));
      } while (claimAgain && !stopped);
    })().finally(() => {
      claiming = undefined;
    });
  };

  const pool: JudgePool = {
    size,
    wake,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      pools.delete(runtime);
      await claiming;
      await Promise.all(running);
    },
  };
  timer = setInterval(wake, pollMs);
  timer.unref();
  pools.set(runtime, pool);
  wake();
  return pool;
}
