import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { bossDb } from './boss-db.js';
import { listenForOutbox } from './outbox-listener.js';
import { announcedQueue, announceJobs, onJobsAnnounced } from './announce-jobs.js';
import { queuesWithRoom, relayOutbox, RELAY_BATCH, type JobInsertOptions } from './relay-outbox.js';
import { workQueue, type QueueWorker } from './work-queue.js';

export interface JobOptions {
  /** Retries after the first failure (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry; doubled (with jitter) for each next one when retryBackoff. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A job still active after this long is failed (and retried). */
  expireInSeconds?: number;
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /** Jobs of this queue running at once in this process (default 4). */
  concurrency?: number;
  /**
   * A fetch waits until this many of those slots are free and then claims up to all of them in one
   * statement (default half the concurrency): fewer round trips, while a slow job holds only its slot.
   */
  batchSize?: number;
}

export interface SendOptions {
  /** Not before this moment (a Date) or this many seconds from now. */
  startAfter?: Date | number;
  singletonKey?: string;
}

export type { Job } from './job.js';
import type { Job } from './job.js';

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface JobQueueSettings {
  /**
   * How often an idle worker looks for jobs nobody announced: retries, delayed and cron jobs. A job
   * sent or enqueued (in any process) wakes the workers of its queue at once.
   */
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
  /** Moves committed job_outbox rows into pg-boss now, as far as each queue has room (RELAY_DEPTH); returns how many. */
  drainOutbox(): Promise<number>;
  readonly working: boolean;
  /** Runs `close` once stop() has waited for the running jobs: for what only jobs use (the SMTP pool). */
  afterStop(close: () => Promise<void>): void;
  /** Stops taking jobs and waits for running ones (graceful). */
  stop(): Promise<void>;
}

export const defaultJobOptions: Required<Omit<JobOptions, 'batchSize'>> = {
  retryLimit: 5,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  policy: 'standard',
  concurrency: 4,
};

interface Definition {
  handler: JobHandler<unknown>;
  options: Required<JobOptions>;
  cron?: { expression: string; data: object };
}

/** pg-boss's cron sender polls on its own, within these bounds. */
const CRON_POLL_SECONDS = { min: 1, max: 45 };

export function createJobQueue(database: Database, log: Logger, settings: JobQueueSettings = {}): JobQueue {
  const pollingIntervalSeconds = settings.pollingIntervalSeconds ?? 2;
  const definitions = new Map<string, Definition>();
  const createdQueues = new Map<string, Promise<void>>();
  const workers = new Map<string, QueueWorker>();
  const closers: Array<() => Promise<void>> = [];
  let boss: PgBoss | undefined;
  let starting: Promise<PgBoss> | undefined;
  let working = false;
  let stopped = false;
  let unlisten: (() => Promise<void>) | undefined;
  let unannounced: (() => void) | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;
  let draining: Promise<void> | undefined;
  let drainAgain = false;
  /** The last drain left rows of a full queue in the outbox: workers ask for more as they use up the rest. */
  let heldBack = false;
  let claimedSinceDrain = 0;
  const bossSchema = settings.schema ?? 'pgboss';

  const started = (): Promise<PgBoss> => {
    if (stopped) return Promise.reject(new Error('the job queue is stopped'));
    starting ??= (async () => {
      // Maintenance and cron only run in worker processes; an API-only process just sends.
      const instance = new PgBoss({
        db: bossDb(database),
        schema: settings.schema,
        supervise: working,
        schedule: working,
        cronWorkerIntervalSeconds: Math.min(CRON_POLL_SECONDS.max, Math.max(CRON_POLL_SECONDS.min, Math.round(pollingIntervalSeconds))),
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

  /** One createQueue per name at a time: two at once for the same name deadlock in PostgreSQL. */
  const ensureQueue = (instance: PgBoss, name: string): Promise<void> => {
    let created = createdQueues.get(name);
    if (!created) {
      const { policy, retryLimit, retryDelay, retryBackoff, expireInSeconds } = definition(name).options;
      created = instance.createQueue(name, { name, policy, retryLimit, retryDelay, retryBackoff, expireInSeconds });
      created.catch(() => createdQueues.delete(name));
      createdQueues.set(name, created);
    }
    return created;
  };

  /** Queue options are fixed when the queue is first created; each job carries its own, so changes apply. */
  const insertOptions = (name: string): JobInsertOptions => {
    const { retryLimit, retryDelay, retryBackoff, expireInSeconds } = definition(name).options;
    return { retryLimit, retryDelay, retryBackoff, expireInSeconds };
  };

  const work = async (instance: PgBoss, name: string): Promise<void> => {
    const { options } = definition(name);
    await ensureQueue(instance, name);
    if (!workers.has(name)) {
      // The handler is looked up per job, so registering a queue again replaces it.
      const handler = (job: Job<unknown>) => definition(name).handler(job);
      const { concurrency, batchSize } = options;
      workers.set(name, workQueue(instance, name, handler, { concurrency, batchSize, pollingIntervalMs: pollingIntervalSeconds * 1000, onFetch: paceRelay }, log));
    }
    const cron = definitions.get(name)?.cron;
    if (cron) await instance.schedule(name, cron.expression, cron.data, { tz: 'UTC' });
  };

  const send = async <T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> => {
    const instance = await started();
    await ensureQueue(instance, name);
    const id = await instance.send(name, data, {
      ...insertOptions(name),
      singletonKey: options.singletonKey,
      startAfter: typeof options.startAfter === 'number' ? Math.max(1, Math.ceil(options.startAfter)) : options.startAfter,
    });
    if (id) announceJobs(database, [name]);
    return id;
  };

  const drainOutbox = async (): Promise<number> => {
    const instance = await started();
    const queues = new Map<string, JobInsertOptions>();
    for (const name of definitions.keys()) {
      await ensureQueue(instance, name);
      queues.set(name, insertOptions(name));
    }
    let moved = 0;
    heldBack = false;
    for (;;) {
      const open = await queuesWithRoom(database, bossSchema, [...queues.keys()]);
      if (open.size < queues.size) heldBack = true;
      if (open.size === 0) break;
      const rows = await relayOutbox(database, instance, new Map([...queues].filter(([name]) => open.has(name))));
      moved += rows.length;
      if (rows.length > 0) announceJobs(database, new Set(rows.map((row) => row.name)));
      if (rows.length < RELAY_BATCH) break;
    }
    const [left] = await database.query<{ name: string }>(`SELECT name FROM job_outbox WHERE name <> ALL($1::text[]) LIMIT 1`, [[...queues.keys()]]);
    if (left) log.error({ job: left.name }, 'outbox rows for a job this process does not know; left for another');
    return moved;
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

  /** Relays again once workers have claimed half a batch since, or a fetch came up short, while rows are held back. */
  const paceRelay = (claimed: number, wanted: number): void => {
    if (!heldBack) return;
    claimedSinceDrain += claimed;
    if (claimed < wanted || claimedSinceDrain >= RELAY_BATCH / 2) {
      claimedSinceDrain = 0;
      requestDrain();
    }
  };

  return {
    get working() {
      return working;
    },

    async register(name, handler, options = {}) {
      const merged = { ...defaultJobOptions, ...options, ...settings.queueOptions?.[name] };
      const batchSize = merged.batchSize ?? Math.ceil(merged.concurrency / 2);
      definitions.set(name, { handler: handler as JobHandler<unknown>, options: { ...merged, batchSize }, cron: definitions.get(name)?.cron });
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
      unannounced = onJobsAnnounced(database, (name) => workers.get(name)?.wake());
      unlisten = await listenForOutbox(
        database,
        {
          outbox: requestDrain,
          announced: (payload) => {
            const name = announcedQueue(database, payload);
            if (name) workers.get(name)?.wake();
          },
        },
        log,
      );
      sweepTimer = setInterval(requestDrain, (settings.outboxSweepSeconds ?? 30) * 1000);
      sweepTimer.unref();
      requestDrain();
    },

    drainOutbox,

    afterStop(close) {
      closers.push(close);
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      if (sweepTimer) clearInterval(sweepTimer);
      unannounced?.();
      await unlisten?.();
      await draining;
      const deadline = Date.now() + (settings.shutdownTimeoutMs ?? 30_000);
      await Promise.all([...workers.values()].map((worker) => worker.stop(deadline)));
      for (const close of closers.splice(0)) await close().catch((error) => log.error({ err: error }, 'could not close a job resource'));
      const instance = await starting?.catch(() => undefined);
      await instance?.stop({ graceful: true, wait: true, timeout: Math.max(1_000, deadline - Date.now()) });
    },
  };
}
