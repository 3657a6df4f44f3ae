import type { Runtime } from '../../../platform/runtime.js';
import { createSqlPool, type SqlPool } from './pool.js';

const pools = new WeakMap<Runtime, SqlPool>();

/**
 * The runtime's pool of throwaway PGlite databases for SQL questions, created on first use: a
 * process that never runs SQL never boots one. Closed by the judge module's resources.
 */
export function sqlPoolOf(runtime: Runtime): SqlPool {
  let pool = pools.get(runtime);
  if (!pool) {
    pool = createSqlPool();
    pools.set(runtime, pool);
  }
  return pool;
}

export async function closeSqlPool(runtime: Runtime): Promise<void> {
  const pool = pools.get(runtime);
  pools.delete(runtime);
  await pool?.close();
}
