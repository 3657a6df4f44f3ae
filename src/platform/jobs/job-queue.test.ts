import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import type { Runtime } from '../runtime.js';
import { enqueueJob, enqueueJobs } from './enqueue-job.js';
import { eventually, workerDatabase, workerRuntime, type WorkerDatabase } from '../../../test/support/worker-database.js';
import { openDatabase } from '../db/client.js';
import { RELAY_BATCH, RELAY_DEPTH } from './relay-outbox.js';

describe('job queue', () => {
  let store: WorkerDatabase;
  let database: Database;
  let runtime: Runtime;

  beforeAll(async () => {
    store = await workerDatabase();
    database = await store.open();
    runtime = await workerRuntime(database);
  });

  afterAll(async () => {
    await runtime?.close();
    await database?.close();
    await store?.drop();
  });

  it('retries a failing job with growing delays until it succeeds', async () => {
    const runs: Array<{ at: number; retryCount: number }> = [];
    await runtime.jobs.register<{ n: number }>(
      'test.flaky',
      async (job) => {
        runs.push({ at: Date.now(), retryCount: job.retryCount });
        if (runs.length < 3) throw new Error(`failure ${runs.length}`);
      },
      { retryLimit: 3, retryDelay: 1, retryBackoff: true },
    );
    await runtime.jobs.send('test.flaky', { n: 1 });
    await eventually(async () => runs.length === 3, 20_000, 'the third run');
    expect(runs.map((r) => r.retryCount)).toEqual([0, 1, 2]);
    // pg-boss waits retryDelay · 2^(n+1)/2 at least before retry n+1: 1 s, then 2 s.
    expect(runs[1].at - runs[0].at).toBeGreaterThanOrEqual(900);
    expect(runs[2].at - runs[1].at).toBeGreaterThanOrEqual(1_900);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(runs).toHaveLength(3);
  });

  it('does not start a delayed job before its time', async () => {
    const ran: number[] = [];
    await runtime.jobs.register('test.delayed', async () => {
      ran.push(Date.now());
    });
    const sentAt = Date.now();
    await runtime.jobs.send('test.delayed', {}, { startAfter: new Date(sentAt + 2_000) });
    await eventually(async () => ran.length === 1, 20_000, 'the delayed job');
    expect(ran[0]).toBeGreaterThanOrEqual(sentAt + 2_000 - 50);
  });

  it('runs a job enqueued in a transaction once, after commit, and never one rolled back', async () => {
    const seen: string[] = [];
    await runtime.jobs.register<{ tag: string }>('test.outbox', async (job) => {
      seen.push(job.data.tag);
    });
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.outbox', { tag: 'committed' });
    });
    await database.db
      .transaction(async (tx) => {
        await enqueueJob(tx, 'test.outbox', { tag: 'rolled back' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.outbox', { tag: 'later' }, { startAfter: 1 });
    });
    await eventually(async () => seen.length === 2, 20_000, 'two outbox jobs');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(seen).toEqual(['committed', 'later']);
    const left = await database.query('SELECT id FROM job_outbox');
    expect(left).toEqual([]);
  });

  it('works a burst concurrently, claiming it in batches, never more at once than the concurrency', async () => {
    const burst = 30;
    const concurrency = 10;
    const batchSize = 5;
    let active = 0;
    let mostActive = 0;
    const handled: number[] = [];
    const claimedAt = new Set<string>();
    // Every job waits until a whole concurrency's worth has started: only jobs running side by side get past it.
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    await runtime.jobs.register<{ n: number }>(
      'test.burst',
      async (job) => {
        active += 1;
        mostActive = Math.max(mostActive, active);
        // Jobs claimed by one fetch statement share its now(): distinct values count the fetches.
        const [row] = await database.query<{ started: string }>(`SELECT started_on::text AS started FROM pgboss.job WHERE id = $1`, [job.id]);
        claimedAt.add(row.started);
        if (mostActive >= concurrency) openGate();
        await gate;
        handled.push(job.data.n);
        active -= 1;
      },
      { concurrency, batchSize },
    );
    await database.db.transaction((tx) => enqueueJobs(tx, 'test.burst', Array.from({ length: burst }, (_, n) => ({ n }))));
    await eventually(async () => handled.length === burst, 20_000, 'the whole burst');

    expect(mostActive).toBe(concurrency);
    expect(claimedAt.size).toBeLessThanOrEqual(burst / batchSize);
    expect(handled.sort((x, y) => x - y)).toEqual(Array.from({ length: burst }, (_, n) => n));
    await eventually(async () => {
      const [done] = await database.query<{ count: number }>(`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'test.burst' AND state = 'completed'`);
      return done.count === burst;
    }, 20_000, 'every burst job completed');
  });

  it('keeps a large backlog in the outbox and feeds pg-boss as the workers use it up', async () => {
    const backlog = RELAY_DEPTH + 2 * RELAY_BATCH + 500;
    const handled = new Map<number, number>();
    let deepest = 0;
    let heldInOutbox = 0;
    await runtime.jobs.register<{ n: number }>(
      'test.backlog',
      async (job) => {
        handled.set(job.data.n, (handled.get(job.data.n) ?? 0) + 1);
        // Some jobs look at both sides while the backlog is worked.
        if (job.data.n % 100 !== 0) return;
        const [row] = await database.query<{ waiting: number; outbox: number }>(
          `SELECT (SELECT count(*)::int FROM pgboss.job WHERE name = 'test.backlog' AND state < 'active') AS waiting,
                  (SELECT count(*)::int FROM job_outbox WHERE name = 'test.backlog') AS outbox`,
        );
        deepest = Math.max(deepest, row.waiting);
        heldInOutbox = Math.max(heldInOutbox, row.outbox);
      },
      { concurrency: 32, batchSize: 16 },
    );
    await database.db.transaction((tx) => enqueueJobs(tx, 'test.backlog', Array.from({ length: backlog }, (_, n) => ({ n }))));
    await eventually(async () => handled.size === backlog, 120_000, 'the whole backlog');

    // pg-boss's fetch sorts every waiting job of the queue: the relay keeps that side short.
    expect(deepest).toBeGreaterThan(0);
    expect(deepest).toBeLessThanOrEqual(RELAY_DEPTH + RELAY_BATCH);
    expect(heldInOutbox).toBeGreaterThan(0);
    expect([...handled.values()].every((runs) => runs === 1)).toBe(true);
  });

  it('retries the failing job of a batch alone; the others complete once', async () => {
    const runs = new Map<number, number>();
    await runtime.jobs.register<{ n: number }>(
      'test.batch-failure',
      async (job) => {
        runs.set(job.data.n, (runs.get(job.data.n) ?? 0) + 1);
        if (job.data.n === 3 && job.retryCount === 0) throw new Error('the third job fails once');
      },
      { concurrency: 6, batchSize: 6, retryLimit: 2, retryDelay: 1, retryBackoff: true },
    );
    await database.db.transaction((tx) => enqueueJobs(tx, 'test.batch-failure', Array.from({ length: 6 }, (_, n) => ({ n }))));
    await eventually(async () => runs.get(3) === 2, 20_000, 'the retry of the failed job');
    await eventually(async () => {
      const [done] = await database.query<{ count: number }>(`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'test.batch-failure' AND state = 'completed'`);
      return done.count === 6;
    }, 20_000, 'all six completed');
    expect([...runs.entries()].sort(([x], [y]) => x - y)).toEqual([[0, 1], [1, 1], [2, 1], [3, 2], [4, 1], [5, 1]]);
  });

  it('schedules the periodic sweeps in worker processes', async () => {
    const schedules = await database.query<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule ORDER BY name');
    expect(schedules).toEqual(
      expect.arrayContaining([
        { name: 'mail.sweep', cron: '*/5 * * * *' },
        { name: 'webhook.sweep', cron: '*/5 * * * *' },
      ]),
    );
  });

  it('refuses to send a job nobody registered', async () => {
    await expect(runtime.jobs.send('test.unknown', {})).rejects.toThrow(/no job named test.unknown/);
  });

  it('lets a running job finish when the runtime closes (graceful stop)', async () => {
    const other = await workerRuntime(database);
    let started = false;
    let finished = false;
    await other.jobs.register('test.slow', async () => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 700));
      finished = true;
    });
    await runtime.jobs.register('test.slow', async () => {
      throw new Error('this process does not take test.slow in this test');
    });
    await runtime.jobs.stop();
    await other.jobs.send('test.slow', {});
    await eventually(async () => started, 20_000, 'the slow job to start');
    await other.close();
    expect(finished).toBe(true);
  });
});

describe('job queue wake-up', () => {
  // An hour between polls and outbox sweeps: within this test only a wake-up can explain a pickup.
  const asleep = { pollingIntervalSeconds: 3600, outboxSweepSeconds: 3600 };
  let store: WorkerDatabase;
  let database: Database;
  let runtime: Runtime;

  beforeAll(async () => {
    store = await workerDatabase();
    database = await store.open();
    runtime = await workerRuntime(database, {}, asleep);
  });

  afterAll(async () => {
    await runtime?.close();
    await database?.close();
    await store?.drop();
  });

  it('picks up a job sent, or enqueued in a transaction, while the workers idle, without waiting for the poll', async () => {
    const seen: string[] = [];
    await runtime.jobs.register<{ via: string }>('test.wake', async (job) => {
      seen.push(job.data.via);
    });
    // The first may be found by the worker's first fetch; each next one is sent only once the worker,
    // done with the one before, has nothing left to do.
    await runtime.jobs.send('test.wake', { via: 'first send' });
    await eventually(async () => seen.length === 1, 20_000, 'the first job');
    await runtime.jobs.send('test.wake', { via: 'send' });
    await eventually(async () => seen.length === 2, 20_000, 'the job sent while idle');
    await database.db.transaction((tx) => enqueueJob(tx, 'test.wake', { via: 'outbox' }));
    await eventually(async () => seen.length === 3, 20_000, 'the job enqueued while idle');
    expect(seen).toEqual(['first send', 'send', 'outbox']);
  });

  it.runIf(process.env.DATABASE_URL)('picks up a job another process sent (PostgreSQL NOTIFY)', async () => {
    const seen: string[] = [];
    await runtime.jobs.register<{ via: string }>('test.wake-remote', async (job) => {
      seen.push(job.data.via);
    });
    // Another process: its own pool, no workers.
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = (await database.query<{ db: string }>('SELECT current_database() AS db'))[0].db;
    const remoteDatabase = await openDatabase({ databaseUrl: url.href, poolSize: 2 });
    const remote = await workerRuntime(remoteDatabase, { workers: false }, asleep);
    try {
      await remote.jobs.register('test.wake-remote', async () => {
        throw new Error('an API-only process does not work jobs');
      });
      await remote.jobs.send('test.wake-remote', { via: 'remote send' });
      await remoteDatabase.db.transaction((tx) => enqueueJob(tx, 'test.wake-remote', { via: 'remote outbox' }));
      await eventually(async () => seen.length === 2, 20_000, 'both remote jobs');
      expect(seen.sort()).toEqual(['remote outbox', 'remote send']);
    } finally {
      await remote.close();
      await remoteDatabase.close();
    }
  });
});

describe('job queue across restarts', () => {
  it('works jobs sent or enqueued before the process stopped, in the next process', async () => {
    const store = await workerDatabase({ reopen: true });
    try {
      // First process: API only, dies with work pending.
      let database = await store.open();
      let runtime = await workerRuntime(database, { workers: false });
      await runtime.jobs.register('test.restart', async () => {
        throw new Error('an API-only process does not work jobs');
      });
      await runtime.jobs.send('test.restart', { via: 'send' });
      await database.db.transaction((tx) => enqueueJob(tx, 'test.restart', { via: 'outbox' }));
      await runtime.close();
      await database.close();

      // Second process on the same database, with workers.
      database = await store.open();
      runtime = await workerRuntime(database);
      const seen: string[] = [];
      await runtime.jobs.register<{ via: string }>('test.restart', async (job) => {
        seen.push(job.data.via);
      });
      await eventually(async () => seen.length === 2, 20_000, 'both jobs after the restart');
      expect(seen.sort()).toEqual(['outbox', 'send']);
      await runtime.close();
      await database.close();
    } finally {
      await store.drop();
    }
  });
});
