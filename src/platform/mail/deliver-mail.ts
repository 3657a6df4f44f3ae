import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import { defineJob } from '../jobs/define-job.js';
import type { Job } from '../jobs/job-queue.js';
import { mailOutbox } from './schema.js';
import { renderMail, type RenderedMail } from './render-mail.js';
import { DELIVER_MAIL } from './queue-mail.js';
import { mailTransport } from './mail-transport.js';

/** The outbox rows of one delivery job; `outboxId` is the one-row form jobs queued before batches carry. */
export type DeliverMailData = { outboxIds: string[] } | { outboxId: string };

/** How long a delivery job may run; a claimed row stays locked a minute longer, so only a dead run's rows are taken again. */
const DELIVERY_SECONDS = 600;

type ClaimedMail = typeof mailOutbox.$inferSelect;

/** The batch's rows still queued and not locked by another run, locked for this one and counted as an attempt. */
async function claimMails(runtime: Runtime, ids: string[]): Promise<ClaimedMail[]> {
  return runtime.database.db
    .update(mailOutbox)
    .set({
      lockedUntil: sql.raw(`now() + interval '${DELIVERY_SECONDS + 60} seconds'`),
      lastAttemptAt: sql`now()`,
      attempts: sql`${mailOutbox.attempts} + 1`,
    })
    .where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.status, 'queued'), or(isNull(mailOutbox.lockedUntil), lt(mailOutbox.lockedUntil, sql`now()`))))
    .returning();
}

interface Outcome {
  row: ClaimedMail;
  mail: RenderedMail;
  /** Why the mail was not delivered; undefined once it was. */
  error?: string;
}

/**
 * Records a batch's outcomes in one statement: delivered rows `sent` (without the generated
 * password, which has no business staying once it is in the mailbox), the others back to `queued`
 * for the job's retry, or `failed` once they have had retryLimit + 1 attempts.
 */
async function recordOutcomes(runtime: Runtime, outcomes: Outcome[], retryLimit: number): Promise<void> {
  await runtime.database.query(
    `UPDATE mail_outbox AS m SET
       status = CASE WHEN o.error IS NULL THEN 'sent' WHEN m.attempts > $3 THEN 'failed' ELSE 'queued' END,
       sent_at = CASE WHEN o.error IS NULL THEN now() ELSE m.sent_at END,
       data = CASE WHEN o.error IS NULL THEN m.data - 'password' ELSE m.data END,
       last_error = o.error,
       locked_until = NULL
     FROM unnest($1::text[], $2::text[]) AS o(id, error)
     WHERE m.id = o.id`,
    [outcomes.map((o) => o.row.id), outcomes.map((o) => o.error ?? null), retryLimit],
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Delivers the job's batch of mail_outbox rows: claims those still queued with one statement,
 * renders them, sends them all at once over the runtime's pooled SMTP transport, and records every
 * outcome with one statement. Without SMTP the rows are marked `logged` (the outbox is then the
 * mailbox). If any mail of the batch was turned away and has attempts left, the job fails so the
 * queue retries it with backoff; the retry claims only the rows not yet sent.
 */
export async function deliverMail(runtime: Runtime, job: Job<DeliverMailData>): Promise<void> {
  const ids = 'outboxIds' in job.data ? job.data.outboxIds : [job.data.outboxId];
  const rows = await claimMails(runtime, ids);
  if (rows.length === 0) return;

  const smtpUrl = runtime.config.smtpUrl;
  if (!smtpUrl) {
    await runtime.database.db.update(mailOutbox).set({ status: 'logged', lockedUntil: null }).where(inArray(mailOutbox.id, rows.map((row) => row.id)));
    for (const row of rows) {
      // Subject and recipient only: the data may hold a password.
      const { subject } = renderMail(row.template, row.language, row.data as Record<string, unknown>);
      runtime.log.info({ mailId: row.id, to: row.to, subject, template: row.template }, 'mail not sent: no SMTP configured');
    }
    return;
  }

  const transport = mailTransport(runtime, smtpUrl);
  const from = runtime.config.mailFrom;
  const outcomes = await Promise.all(
    rows.map(async (row): Promise<Outcome> => {
      const mail = renderMail(row.template, row.language, row.data as Record<string, unknown>);
      try {
        await transport.sendMail({ from, to: row.to, subject: mail.subject, text: mail.text, html: mail.html });
        return { row, mail };
      } catch (error) {
        return { row, mail, error: messageOf(error) };
      }
    }),
  );
  await recordOutcomes(runtime, outcomes, job.retryLimit);

  let retrying: Outcome | undefined;
  let left = 0;
  for (const outcome of outcomes) {
    const { row, mail, error } = outcome;
    if (error === undefined) {
      runtime.log.info({ mailId: row.id, to: row.to, subject: mail.subject }, 'mail sent');
      continue;
    }
    const failed = row.attempts > job.retryLimit;
    runtime.log.warn({ mailId: row.id, to: row.to, attempts: row.attempts, err: error }, failed ? 'mail failed for good' : 'mail not delivered; will retry');
    if (failed) continue;
    retrying ??= outcome;
    left += 1;
  }
  if (retrying) throw new Error(`${left} of ${outcomes.length} mails not delivered (${retrying.row.to}: ${retrying.error})`);
}

export const deliverMailJob = defineJob<DeliverMailData>({
  name: DELIVER_MAIL,
  // A few batches at once keep every pooled connection busy while another batch claims or records its rows.
  options: { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: DELIVERY_SECONDS, concurrency: 4, batchSize: 1 },
  run: deliverMail,
});
