import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { newId } from '../ids.js';
import { insertMany } from '../db/insert-many.js';
import { jobOutbox } from './schema.js';

/** The channel a committed outbox row is announced on; the relay listens to it. */
export const OUTBOX_CHANNEL = 'assay_job_outbox';

export interface EnqueueOptions {
  /** Not before this moment (a Date) or this many seconds from now. */
  startAfter?: Date | number;
  singletonKey?: string;
}

/**
 * Enqueues a job inside the caller's transaction: it exists if and only if the transaction
 * commits. The relay moves it into pg-boss right after commit (NOTIFY is delivered on commit), and
 * a periodic sweep catches rows whose process died in between. Safe to call with a plain db too.
 */
export async function enqueueJob(db: DbOrTx, name: string, data: object, options: EnqueueOptions = {}): Promise<string> {
  const [id] = await enqueueJobs(db, name, [data], options);
  return id;
}

/**
 * Enqueues one job per element of `datas` (same name and options) through insertMany; answers the
 * outbox ids in the order of `datas`. One announcement per call: PostgreSQL delivers notifications
 * on commit and folds identical ones, so the relay wakes once per transaction. Pass a transaction
 * for more than a few thousand jobs, so they are all queued or none.
 */
export async function enqueueJobs(db: DbOrTx, name: string, datas: object[], options: EnqueueOptions = {}): Promise<string[]> {
  const startAfter = typeof options.startAfter === 'number' ? new Date(Date.now() + options.startAfter * 1000) : options.startAfter;
  const rows = datas.map((data) => ({ id: newId(), name, data, startAfter: startAfter ?? null, singletonKey: options.singletonKey ?? null }));
  if (rows.length === 0) return [];
  await insertMany(db, jobOutbox, rows);
  await db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  return rows.map((row) => row.id);
}
