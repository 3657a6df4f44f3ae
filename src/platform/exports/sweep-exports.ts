import { and, eq, lt, sql } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import { defineJob } from '../jobs/define-job.js';
import { exportFiles } from './schema.js';

const BATCH = 500;

/**
 * Deletes expired exports, the file first and then the row, so a file is never left without the
 * row that leads to it. Deleting an absent file is no error, so a sweep cut short is simply redone.
 */
export async function sweepExports(runtime: Runtime): Promise<number> {
  const { db } = runtime.database;
  let removed = 0;
  for (;;) {
    const rows = await db
      .select({ workspaceId: exportFiles.workspaceId, id: exportFiles.id, storageKey: exportFiles.storageKey })
      .from(exportFiles)
      .where(lt(exportFiles.expires, sql`now()`))
      .limit(BATCH);
    for (const row of rows) {
      await runtime.storage.delete(row.storageKey);
      await db.delete(exportFiles).where(and(eq(exportFiles.workspaceId, row.workspaceId), eq(exportFiles.id, row.id)));
    }
    removed += rows.length;
    if (rows.length < BATCH) break;
  }
  if (removed) runtime.log.info({ count: removed }, 'expired exports deleted');
  return removed;
}

export const sweepExportsJob = defineJob<Record<string, never>>({
  name: 'export.sweep',
  cron: '23 * * * *',
  options: { retryLimit: 1, expireInSeconds: 600 },
  run: async (runtime) => {
    await sweepExports(runtime);
  },
});
