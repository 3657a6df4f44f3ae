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
