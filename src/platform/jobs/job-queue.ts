import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { bossDb } from './boss-db.js';
import { listenForOutbox } from './outbox-listener.js';

export interface JobOptions {
  /** Retries after the first failure (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry; doubled (with jitter) for each next one when retryBackoff. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A job still active after this long is failed (and retried). */
  expireInSeconds?: number;
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /** Jobs of this queue handled at once by this process. */
  concurrency?: number;
}

export interface SendOptions {
  /** Not before this moment (a Date) or this many seconds from now. */
  startAfter?: Date | number;
  singletonKey?: string;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface JobQueueSettings {
  /** How often an idle worker asks for work (pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
  /** Postgres schema of pg-boss's tables. */
  schema?: string;
  /** Per-queue overrides of the registered options, e.g. shorter retry delays. */
  queueOptions?: Record<string, JobOptions>;
  /** How often the relay looks for outbox rows nobody announced (process died before NOTIFY). */
  outboxSweepSeconds?: number;
  /** How long stop() waits for running jobs before failing them (they are retried later). */
  shutdownTimeoutMs?: number;
}

/** Background jobs on pg-boss. Handlers must be idempotent: a job may run more than once. */
export interface JobQueue {
  /** Declares a queue and its handler; worked at once if this process runs workers. */
  register<T>(name: string, handler: JobHandler<T>, options?: JobOptions): Promise<void>;
  /** Sends a job now. Never call it inside a database transaction: use enqueueJob(tx, ...). */
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Runs the queue on a cron schedule (UTC), in whichever worker process is free. */
  schedule<T extends object>(name: string, cron: string, data?: T): Promise<void>;
  /** Starts working every registered queue, the schedules and the outbox relay. */
  startWorkers(): Promise<void>;
  /** Moves committed job_outbox rows into pg-boss now; returns how many. */
  drainOutbox(): Promise<number>;
  readonly working: boolean;
  /** Stops taking jobs and waits for running ones (graceful). */
  stop(): Promise<void>;
}

export const defaultJobOptions: Required<JobOptions> = {
  retryLimit: 5,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  policy: 'standard',
  concurrency: 1,
};

interface Definition {
  handler: JobHandler<unknown>;
  options: Required<JobOptions>;
  cron?: { expression: string; data: object };
}

interface OutboxRow {
  id: string;
  name: string;
  data: object;
  start_after: Date | string | null;
  singleton_key: string | null;
}

const DRAIN_BATCH = 100;

export function createJobQueue(database: Database, log: Logger, settings: JobQueueSettings = {}): JobQueue {
  const pollingIntervalSeconds = settings.pollingIntervalSeconds ?? 2;
  const definitions = new Map<string, Definition>();
  const createdQueues = new Set<string>();
  let boss: PgBoss | undefined;
  let starting: Promise<PgBoss> | undefined;
  let working = false;
  let stopped = false;
  let active = 0;
  let unlisten: (() => Promise<void>) | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;
  let draining: Promise<void> | undefined;
  let drainAgain = false;

  const started = (): Promise<PgBoss> => {
    if (stopped) return Promise.reject(new Error('the job queue is stopped'));
    starting ??= (async () => {
      // Maintenance and cron only run in worker processes; an API-only process just sends.
      const instance = new PgBoss({
        db: bossDb(database),
        schema: settings.schema,
        supervise: working,
        schedule: working,
        pollingIntervalSeconds,
        cronWorkerIntervalSeconds: Math.max(1, Math.round(pollingIntervalSeconds)),
      });
      instance.on('error', (error) => log.error({ err: error }, 'job queue error'));
      await instance.start();
      boss = instance;
      return instance;
    })();
    return starting;
  };

  const definition = (name: string): Definition => {
    const found = definitions.get(name);
    if (!found) throw new Error(`no job named ${name} is registered`);
    return found;
  };

  const ensureQueue = async (instance: PgBoss, name: string): Promise<void> => {
    if (createdQueues.has(name)) return;
    const { policy, retryLimit, retryDelay, retryBackoff, expireInSeconds } = definition(name).options;
    await instance.createQueue(name, { name, policy, retryLimit, retryDelay, retryBackoff, expireInSeconds });
    createdQueues.add(name);
  };

  const work = async (instance: PgBoss, name: string): Promise<void> => {
    const { handler, options } = definition(name);
    await ensureQueue(instance, name);
    for (let i = 0; i < options.concurrency; i += 1) {
      await instance.work<object>(name, { includeMetadata: true, pollingIntervalSeconds }, async ([job]) => {
        active += 1;
        try {
          await handler({ id: job.id, name, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit });
        } catch (error) {
          log.warn({ err: error, job: name, jobId: job.id, retryCount: job.retryCount }, 'job failed');
          throw error;
        } finally {
          active -= 1;
        }
      });
    }
    const cron = definitions.get(name)?.cron;
    if (cron) await instance.schedule(name, cron.expression, cron.data, { tz: 'UTC' });
  };

  const send = async <T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> => {
    const instance = await started();
    await ensureQueue(instance, name);
    const { retryLimit, retryDelay, retryBackoff, expireInSeconds } = definition(name).options;
    // Queue options are fixed when the queue is first created; the job's own win, so changes apply.
    return instance.send(name, data, {
      retryLimit,
      retryDelay,
      retryBackoff,
      expireInSeconds,
      singletonKey: options.singletonKey,
      startAfter: typeof options.startAfter === 'number' ? Math.max(1, Math.ceil(options.startAfter)) : options.startAfter,
    });
  };

  const drainOutbox = async (): Promise<number> => {
    let moved = 0;
    for (;;) {
      const rows = await database.query<OutboxRow>(
        `UPDATE job_outbox SET claimed_until = now() + interval '1 minute'
         WHERE id IN (SELECT id FROM job_outbox WHERE claimed_until IS NULL OR claimed_until < now()
                      ORDER BY id LIMIT ${DRAIN_BATCH} FOR UPDATE SKIP LOCKED)
         RETURNING id, name, data, start_after, singleton_key`,
      );
      const done: string[] = [];
      for (const row of rows) {
        if (!definitions.has(row.name)) {
          log.error({ job: row.name, outboxId: row.id }, 'outbox row for a job this process does not know; left for another');
          continue;
        }
        const startAfter = row.start_after ? new Date(row.start_after) : undefined;
        await send(row.name, row.data, {
          startAfter: startAfter && startAfter.getTime() > Date.now() ? startAfter : undefined,
          singletonKey: row.singleton_key ?? undefined,
        });
        done.push(row.id);
      }
      if (done.length) await database.query('DELETE FROM job_outbox WHERE id = ANY($1::varchar[])', [done]);
      moved += done.length;
      if (rows.length < DRAIN_BATCH) return moved;
    }
  };

  /** Coalesces bursts of notifications into one drain at a time, plus one more if any came meanwhile. */
  const requestDrain = (): void => {
    if (stopped) return;
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = (async () => {
      do {
        drainAgain = false;
        await drainOutbox().catch((error) => log.error({ err: error }, 'job outbox relay failed'));
      } while (drainAgain && !stopped);
    })().finally(() => {
      draining = undefined;
    });
  };

  return {
    get working() {
      return working;
    },

    async register(name, handler, options = {}) {
      const merged = { ...defaultJobOptions, ...options, ...settings.queueOptions?.[name] };
      definitions.set(name, { handler: handler as JobHandler<unknown>, options: merged, cron: definitions.get(name)?.cron });
      createdQueues.delete(name);
      if (working) await work(await started(), name);
    },

    send,

    async schedule(name, cron, data) {
      const entry = definition(name);
      entry.cron = { expression: cron, data: data ?? {} };
      if (!working) return;
      const instance = await started();
      await ensureQueue(instance, name);
      await instance.schedule(name, cron, data ?? {}, { tz: 'UTC' });
    },

    async startWorkers() {
      if (working) return;
      if (boss) throw new Error('startWorkers must come before the first send');
      working = true;
      const instance = await started();
      for (const name of definitions.keys()) await work(instance, name);
      unlisten = await listenForOutbox(database, requestDrain, log);
      sweepTimer = setInterval(requestDrain, (settings.outboxSweepSeconds ?? 30) * 1000);
      sweepTimer.unref();
      requestDrain();
    },

    drainOutbox,

    async stop() {
      if (stopped) return;
      stopped = true;
      if (sweepTimer) clearInterval(sweepTimer);
      await unlisten?.();
      await draining;
      const instance = await starting?.catch(() => undefined);
      if (!instance) return;
      const timeout = settings.shutdownTimeoutMs ?? 30_000;
      const deadline = Date.now() + timeout;
      await instance.stop({ graceful: true, wait: true, timeout });
      // pg-boss stops waiting once its workers hold no job; a fetch in flight may still start one.
      while (active > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}
