import type PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';

/**
 * pg-boss's database port over our own connection. On PostgreSQL it shares the pool. On PGlite,
 * parameterless text may hold several statements (pg-boss's migrations), which only `exec` runs;
 * pg-boss reads the rows of the last one.
 */
export function bossDb(database: Database): PgBoss.Db {
  if (database.kind === 'postgres') {
    const pool = database.pool!;
    return { executeSql: (text, values) => pool.query(text, values) };
  }
  const pglite = database.pglite!;
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return pglite.query(text, values);
    },
  };
}

/**
 * Runs `work` in one transaction, handing it pg-boss's database port over that transaction, so
 * our own statements and pg-boss's (e.g. `insert(jobs, { db })`) commit or roll back together.
 * On PostgreSQL it holds one pooled connection for the duration; on PGlite, the one connection.
 */
export async function inBossTransaction<T>(database: Database, work: (db: PgBoss.Db) => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') {
    return database.pglite!.transaction((tx) => work({ executeSql: (text, values) => tx.query(text, values) }));
  }
  const client = await database.pool!.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work({ executeSql: (text, values) => client.query(text, values) });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is not given back to the pool.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
