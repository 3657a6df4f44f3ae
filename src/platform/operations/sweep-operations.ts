import { lt, sql } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import { defineJob } from '../jobs/define-job.js';
import { operations } from './schema.js';

/** Deletes expired operation records (finished ones a week after, unfinished ones after a month). */
export async function sweepOperations(runtime: Runtime): Promise<number> {
  const removed = await runtime.database.db.delete(operations).where(lt(operations.expires, sql`now()`)).returning({ id: operations.id });
  if (removed.length) runtime.log.info({ count: removed.length }, 'expired operations deleted');
  return removed.length;
}

export const sweepOperationsJob = defineJob<Record<string, never>>({
  name: 'operation.sweep',
  cron: '41 * * * *',
  options: { retryLimit: 1, expireInSeconds: 600 },
  run: async (runtime) => {
    await sweepOperations(runtime);
  },
});
