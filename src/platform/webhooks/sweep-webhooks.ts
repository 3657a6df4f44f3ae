import type { Runtime } from '../runtime.js';
import { defineJob } from '../jobs/define-job.js';
import { DELIVER_WEBHOOK, type DeliverWebhookData } from './enqueue-webhook.js';

/**
 * Safety net: a pending message whose next attempt is well overdue lost its job (the delivery
 * job's own retries ran out, e.g. while the database was away). It gets a job for that attempt
 * again; a duplicate finds the attempt already made and does nothing.
 */
export async function sweepWebhooks(runtime: Runtime): Promise<number> {
  const rows = await runtime.database.query<{ workspace_id: string; id: string; attempts: number }>(
    `SELECT workspace_id, id, attempts FROM webhook_messages
     WHERE status = 'pending' AND coalesce(next_attempt_at, created) < now() - interval '15 minutes'
       AND (locked_until IS NULL OR locked_until < now())
     ORDER BY created LIMIT 500`,
  );
  for (const row of rows) {
    await runtime.jobs.send<DeliverWebhookData>(DELIVER_WEBHOOK, { workspaceId: row.workspace_id, messageId: row.id, attempt: row.attempts + 1 });
  }
  if (rows.length) runtime.log.info({ count: rows.length }, 'overdue webhook messages sent to delivery again');
  return rows.length;
}

export const sweepWebhooksJob = defineJob<Record<string, never>>({
  name: 'webhook.sweep',
  cron: '*/5 * * * *',
  options: { retryLimit: 1, expireInSeconds: 300 },
  run: async (runtime) => {
    await sweepWebhooks(runtime);
  },
});
