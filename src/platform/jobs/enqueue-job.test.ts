import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Runtime } from '../runtime.js';
import { eventually, workerDatabase, workerRuntime, type WorkerDatabase } from '../../../test/support/worker-database.js';
import { enqueueJob, enqueueJobs } from './enqueue-job.js';
import { listenForOutbox } from './outbox-listener.js';
import { jobOutbox } from './schema.js';
import { RELAY_BATCH } from './relay-outbox.js';

/** More than one statement's worth of rows (1000 a statement). */
const BATCH = 1200;

let store: WorkerDatabase;
let database: Database;
let runtime: Runtime;

beforeAll(async () => {
  store = await workerDatabase();
  database = await store.open();
  // No workers: the test moves the outbox itself, so it can count what moved.
  runtime = await workerRuntime(database, { workers: false });
});
afterAll(async () => {
  await runtime?.close();
  await database?.close();
  await store?.drop();
});

const rowsOf = (ids: string[]) => database.db.select().from(jobOutbox).where(inArray(jobOutbox.id, ids));

describe('enqueueJobs', () => {
  it('writes every job of a batch with the same name and options, answering the ids in order', async () => {
    const startAfter = new Date('2100-01-01T00:00:00Z');
    const datas = Array.from({ length: BATCH }, (_, n) => ({ n }));
    const ids = await database.db.transaction((tx) => enqueueJobs(tx, 'test.batch', datas, { startAfter, singletonKey: 'one-key' }));

    const rows = new Map((await rowsOf(ids)).map((row) => [row.id, row]));
    expect(rows.size).toBe(BATCH);
    ids.forEach((id, n) => {
      expect(rows.get(id)).toMatchObject({ name: 'test.batch', data: { n }, startAfter, singletonKey: 'one-key', claimedUntil: null });
    });
    const [single] = await rowsOf([await enqueueJob(database.db, 'test.batch', { n: -1 })]);
    expect(single).toMatchObject({ data: { n: -1 }, startAfter: null, singletonKey: null });
  });

  it('writes nothing when the transaction rolls back', async () => {
    let ids: string[] = [];
    await expect(
      database.db.transaction(async (tx) => {
        ids = await enqueueJobs(tx, 'test.batch', Array.from({ length: BATCH }, (_, n) => ({ n })));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');

    expect(ids).toHaveLength(BATCH);
    expect(await rowsOf(ids)).toEqual([]);
  });

  it('announces a committed batch to the outbox listener, and the relay moves every job into pg-boss', async () => {
    let notified = 0;
    const unlisten = await listenForOutbox(database, { outbox: () => (notified += 1) }, runtime.log);
    try {
      await runtime.jobs.register('test.relayed', async () => undefined);
      const ids = await database.db.transaction((tx) => enqueueJobs(tx, 'test.relayed', Array.from({ length: BATCH }, (_, n) => ({ n }))));
      await eventually(async () => notified > 0, 20_000, 'the outbox notification');

      // One relay batch fills the queue's room in pg-boss; the rest waits in the outbox, in order.
      expect(await runtime.jobs.drainOutbox()).toBe(RELAY_BATCH);
      expect(await rowsOf(ids)).toHaveLength(BATCH - RELAY_BATCH);
      // As workers would: the relayed jobs are done, so the queue has room again.
      await database.query(`update pgboss.job set state = 'completed', completed_on = now() where name = 'test.relayed'`);
      expect(await runtime.jobs.drainOutbox()).toBe(BATCH - RELAY_BATCH);
      expect(await rowsOf(ids)).toEqual([]);
      const sent = await database.query<{ n: number }>(`select (data->>'n')::int as n from pgboss.job where name = 'test.relayed' order by 1`);
      expect(sent.map((row) => row.n)).toEqual(Array.from({ length: BATCH }, (_, n) => n));
    } finally {
      await unlisten();
    }
  });
});
