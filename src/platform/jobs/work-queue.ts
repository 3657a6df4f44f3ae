import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Job } from './job.js';

export interface QueueWorkerOptions {
  /** Jobs of the queue running at once in this process. */
  concurrency: number;
  /** Fetch only once this many slots are free; a fetch then claims up to every free slot. */
  batchSize: number;
  /** How often an idle worker looks for jobs nobody announced (retries, delayed jobs, cron). */
  pollingIntervalMs: number;
  /** Told after each fetch how many jobs it claimed of how many it had room for (the relay paces itself on it). */
  onFetch?: (claimed: number, wanted: number) => void;
}

export interface QueueWorker {
  /** Look for jobs now (some were just sent or relayed). */
  wake(): void;
  /**
   * Stops claiming, waits for the running jobs until `deadline` (epoch ms), records what finished,
   * and fails the jobs still running so that they are retried later.
   */
  stop(deadline: number): Promise<void>;
}

type Fetched = PgBoss.JobWithMetadata<unknown>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Rejects when `work` takes longer than `ms`; the work itself cannot be cancelled and runs on. */
function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`job still running after ${Math.round(ms / 1000)} s (expireInSeconds)`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Works one pg-boss queue with a bounded pool, like the judge's over judge_runs: one fetch claims a
 * batch (pg-boss's `FOR UPDATE SKIP LOCKED`), every job of it runs at once, a finished job's slot is
 * refilled without waiting for the rest of its batch, and the jobs that succeeded are completed in
 * one statement. A failed job is failed alone, so pg-boss retries it with its backoff. `wake()` (an
 * announcement) or the poll starts a fetch; one fetch loop runs at a time.
 */
export function workQueue(
  boss: PgBoss,
  name: string,
  handler: (job: Job<unknown>) => Promise<void>,
  options: QueueWorkerOptions,
  log: Logger,
): QueueWorker {
  const { concurrency, pollingIntervalMs } = options;
  const batchSize = Math.min(Math.max(1, options.batchSize), concurrency);
  const running = new Map<string, Promise<void>>();
  /** Given up on at shutdown: failed for a retry, so their late result is not recorded. */
  const abandoned = new Set<string>();
  const succeeded: string[] = [];
  let completing: Promise<void> | undefined;
  let filling: Promise<void> | undefined;
  let fillAgain = false;
  let stopped = false;

  const complete = (): void => {
    if (completing || succeeded.length === 0) return;
    completing = (async () => {
      while (succeeded.length > 0) {
        const ids = succeeded.splice(0);
        // If this is lost, the jobs expire and run again: handlers are idempotent.
        await boss.complete(name, ids).catch((error) => log.error({ err: error, job: name, count: ids.length }, 'could not record finished jobs'));
      }
    })().finally(() => {
      completing = undefined;
    });
  };

  const run = async (job: Fetched): Promise<void> => {
    try {
      await withinMs(
        handler({ id: job.id, name, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit }),
        Number(job.expireInSeconds) * 1000,
      );
      if (abandoned.delete(job.id)) return;
      succeeded.push(job.id);
      complete();
    } catch (error) {
      if (abandoned.delete(job.id)) return;
      log.warn({ err: error, job: name, jobId: job.id, retryCount: job.retryCount }, 'job failed');
      await boss.fail(name, job.id, error as object).catch((failError) => log.error({ err: failError, job: name, jobId: job.id }, 'could not record a failed job'));
    }
  };

  const fill = async (): Promise<void> => {
    while (!stopped && concurrency - running.size >= batchSize) {
      const wanted = concurrency - running.size;
      const jobs = (await boss.fetch<unknown>(name, { batchSize: wanted, includeMetadata: true })) as Fetched[];
      options.onFetch?.(jobs.length, wanted);
      for (const job of jobs) {
        const task = run(job).finally(() => {
          running.delete(job.id);
          wake();
        });
        running.set(job.id, task);
      }
      if (jobs.length < wanted) return;
    }
  };

  const wake = (): void => {
    if (stopped) return;
    if (filling) {
      fillAgain = true;
      return;
    }
    filling = (async () => {
      do {
        fillAgain = false;
        await fill().catch((error) => log.error({ err: error, job: name }, 'could not fetch jobs'));
      } while (fillAgain && !stopped);
    })().finally(() => {
      filling = undefined;
    });
  };

  const timer = setInterval(wake, pollingIntervalMs);
  timer.unref();
  wake();

  return {
    wake,
    async stop(deadline) {
      stopped = true;
      clearInterval(timer);
      await filling;
      await Promise.race([Promise.all(running.values()), sleep(Math.max(0, deadline - Date.now()))]);
      await completing;
      complete();
      await completing;
      const unfinished = [...running.keys()];
      if (unfinished.length === 0) return;
      for (const id of unfinished) abandoned.add(id);
      log.warn({ job: name, count: unfinished.length }, 'jobs still running at shutdown; failed so they are retried');
      for (const id of unfinished) {
        await boss.fail(name, id, { message: 'shut down while running' }).catch((error) => log.error({ err: error, job: name, jobId: id }, 'could not fail an unfinished job'));
      }
    },
  };
}
