import type { Runtime } from '../runtime.js';
import { defineJob } from '../jobs/define-job.js';
import type { DeliverMailData } from './deliver-mail.js';
import { inChunks } from '../db/chunks.js';
import { DELIVER_MAIL, MAIL_BATCH } from './queue-mail.js';

/** Longer than the longest retry backoff of the delivery job, so a row waiting for its retry is left alone. */
const STALE_AFTER = '15 minutes';

/**
 * Safety net: queued mails nobody has tried for a while (the process died between commit and
 * enqueue, or during an attempt) get new delivery jobs, MAIL_BATCH rows each. Duplicates are
 * harmless: delivery claims the rows before sending.
 */
export async function sweepMail(runtime: Runtime): Promise<number> {
  const rows = await runtime.database.query<{ id: string }>(
    `SELECT id FROM mail_outbox
     WHERE status = 'queued' AND coalesce(last_attempt_at, created) < now() - interval '${STALE_AFTER}'
       AND (locked_until IS NULL OR locked_until < now())
     ORDER BY created LIMIT 500`,
  );
  for (const batch of inChunks(rows, MAIL_BATCH)) await runtime.jobs.send<DeliverMailData>(DELIVER_MAIL, { outboxIds: batch.map((row) => row.id) });
  if (rows.length) runtime.log.info({ count: rows.length }, 'stale queued mails sent to delivery again');
  return rows.length;
}

export const sweepMailJob = defineJob<Record<string, never>>({
  name: 'mail.sweep',
  cron: '*/5 * * * *',
  options: { retryLimit: 1, expireInSeconds: 300 },
  run: async (runtime) => {
    await sweepMail(runtime);
  },
});
