import type { Runtime } from '../runtime.js';
import { defineJob } from '../jobs/define-job.js';
import type { DeliverMailData } from './deliver-mail.js';
import { DELIVER_MAIL } from './queue-mail.js';

/** Longer than the longest retry backoff of the delivery job, so a row waiting for its retry is left alone. */
const STALE_AFTER = '15 minutes';

/**
 * Safety net: queued mails nobody has tried for a while (the process died between commit and
 * enqueue, or during an attempt) get a new delivery job. Duplicates are harmless: delivery claims
 * the row before sending.
 */
export async function sweepMail(runtime: Runtime): Promise<number> {
  const rows = await runtime.database.query<{ id: string }>(
    `SELECT id FROM mail_outbox
     WHERE status = 'queued' AND coalesce(last_attempt_at, created) < now() - interval '${STALE_AFTER}'
       AND (locked_until IS NULL OR locked_until < now())
     ORDER BY created LIMIT 500`,
  );
  for (const { id } of rows) await runtime.jobs.send<DeliverMailData>(DELIVER_MAIL, { outboxId: id });
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
