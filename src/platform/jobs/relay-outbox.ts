import type PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';
import { inBossTransaction } from './boss-db.js';

/** Outbox rows moved per transaction: one DELETE and one pg-boss INSERT of this many rows. */
export const RELAY_BATCH = 1000;

/**
 * A queue takes more rows from the outbox only while fewer than this many of its jobs wait in
 * pg-boss. pg-boss's fetch sorts every waiting job of the queue (priority, created_on) to pick a
 * batch, so its cost grows with the backlog there; the outbox is read in id order through its key
 * whatever its size. Keeping the pg-boss side short keeps each fetch cheap (10,000 jobs moved at
 * once made every fetch sort 10,000 rows).
 */
export const RELAY_DEPTH = RELAY_BATCH;

/**
 * The queues of `names` with room for another batch: fewer than RELAY_DEPTH jobs ready in pg-boss
 * (delayed ones do not count; counted up to that bound through pg-boss's index of waiting jobs).
 */
export async function queuesWithRoom(database: Database, schema: string, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await database.query<{ name: string }>(
    `SELECT q.name FROM unnest($1::text[]) AS q(name)
      WHERE (SELECT count(*) FROM (SELECT 1 FROM ${schema}.job j WHERE j.name = q.name AND j.state < 'active' AND j.start_after < now() LIMIT $2) AS waiting) < $2`,
    [names, RELAY_DEPTH],
  );
  return new Set(rows.map((row) => row.name));
}

interface OutboxRow {
  id: string;
  name: string;
  data: object;
  start_after: Date | string | null;
  singleton_key: string | null;
}

/** What pg-boss stores with each job of a queue besides name and data (retries, expiry). */
export type JobInsertOptions = Pick<PgBoss.JobInsert, 'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds'>;

/**
 * Moves up to RELAY_BATCH committed job_outbox rows of the given queues into pg-boss, in one
 * transaction: the rows are deleted and their jobs inserted together, so a crash in between
 * loses or duplicates nothing, and SKIP LOCKED lets relays of several processes share the work.
 * Rows of queues not in `queues` stay for a process that knows them. Every queue in `queues` must
 * exist already (createQueue): pg-boss's insert silently drops jobs of a queue it does not have.
 * Answers the rows moved.
 */
export async function relayOutbox(
  database: Database,
  boss: PgBoss,
  queues: ReadonlyMap<string, JobInsertOptions>,
): Promise<Array<{ id: string; name: string }>> {
  return inBossTransaction(database, async (tx) => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion is what types executeSql's generic rows
    const { rows } = (await tx.executeSql(
      `DELETE FROM job_outbox WHERE id IN (
         SELECT id FROM job_outbox WHERE name = ANY($1::text[]) ORDER BY id LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING id, name, data, start_after, singleton_key`,
      [[...queues.keys()]],
    )) as { rows: OutboxRow[] };
    if (rows.length === 0) return [];
    const now = Date.now();
    const jobs = rows.map((row): PgBoss.JobInsert => {
      const startAfter = row.start_after ? new Date(row.start_after) : undefined;
      return {
        name: row.name,
        data: row.data,
        ...queues.get(row.name),
        singletonKey: row.singleton_key ?? undefined,
        // An ISO string with Z is a moment to pg-boss; none means now.
        startAfter: startAfter && startAfter.getTime() > now ? startAfter.toISOString() : undefined,
      };
    });
    await boss.insert(jobs, { db: tx });
    return rows.map(({ id, name }) => ({ id, name }));
  });
}
