import { sql } from 'drizzle-orm';
import { defineJob } from '../jobs/define-job.js';
import { rateLimitHits } from './schema.js';

/** Counters whose window started this long ago are past any configured window. */
const KEEP = '1 day';

export const sweepRateLimitsJob = defineJob<Record<string, never>>({
  name: 'rate-limit.sweep',
  cron: '41 * * * *',
  options: { retryLimit: 1, expireInSeconds: 300 },
  run: async (runtime) => {
    await runtime.database.db.delete(rateLimitHits).where(sql`${rateLimitHits.windowStart} < now() - interval '${sql.raw(KEEP)}'`);
  },
});
