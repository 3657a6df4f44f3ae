import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import { defineJob } from '../jobs/define-job.js';
import type { Job } from '../jobs/job-queue.js';
import { mailOutbox } from './schema.js';
import { renderMail } from './render-mail.js';
import { DELIVER_MAIL } from './queue-mail.js';
import { mailTransport, SMTP_CONNECTIONS } from './mail-transport.js';

export interface DeliverMailData {
  outboxId: string;
}

/**
 * Renders one queued mail_outbox row and sends it over SMTP, or marks it `logged` when no SMTP is
 * configured (the outbox is then the mailbox). A failure is recorded and rethrown so the queue
 * retries with backoff; the attempt that exhausts the job's retries marks the row `failed`.
 */
export async function deliverMail(runtime: Runtime, job: Job<DeliverMailData>): Promise<void> {
  const { db } = runtime.database;
  const [row] = await db
    .update(mailOutbox)
    .set({ lockedUntil: sql`now() + interval '2 minutes'`, lastAttemptAt: sql`now()` })
    .where(and(eq(mailOutbox.id, job.data.outboxId), eq(mailOutbox.status, 'queued'), or(isNull(mailOutbox.lockedUntil), lt(mailOutbox.lockedUntil, sql`now()`))))
    .returning();
  if (!row) return;

  const data = row.data as Record<string, unknown>;
  const mail = renderMail(row.template, row.language, data);
  const attempts = row.attempts + 1;
  const smtpUrl = runtime.config.smtpUrl;
  if (!smtpUrl) {
    await db.update(mailOutbox).set({ status: 'logged', attempts, lockedUntil: null }).where(eq(mailOutbox.id, row.id));
    // Subject and recipient only: the data may hold a password.
    runtime.log.info({ mailId: row.id, to: row.to, subject: mail.subject, template: row.template }, 'mail not sent: no SMTP configured');
    return;
  }

  try {
    await mailTransport(runtime, smtpUrl).sendMail({ from: runtime.config.mailFrom, to: row.to, subject: mail.subject, text: mail.text, html: mail.html });
  } catch (error) {
    const failed = attempts > job.retryLimit;
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(mailOutbox)
      .set({ status: failed ? 'failed' : 'queued', attempts, lastError: message.slice(0, 1000), lockedUntil: null })
      .where(eq(mailOutbox.id, row.id));
    runtime.log.warn({ mailId: row.id, to: row.to, attempts, err: message }, failed ? 'mail failed for good' : 'mail not delivered; will retry');
    if (failed) return;
    throw error;
  }
  // A generated password has no business staying in the database once it is in the mailbox.
  const { password: _password, ...kept } = data;
  await db
    .update(mailOutbox)
    .set({ status: 'sent', attempts, sentAt: sql`now()`, lastError: null, lockedUntil: null, data: kept })
    .where(eq(mailOutbox.id, row.id));
  runtime.log.info({ mailId: row.id, to: row.to, subject: mail.subject }, 'mail sent');
}

export const deliverMailJob = defineJob<DeliverMailData>({
  name: DELIVER_MAIL,
  // Enough jobs at once to keep every pooled connection busy while others read and write their rows.
  options: { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 120, concurrency: 4 * SMTP_CONNECTIONS },
  run: deliverMail,
});
