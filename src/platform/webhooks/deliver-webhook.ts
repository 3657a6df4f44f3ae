import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import { defineJob } from '../jobs/define-job.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import type { Job } from '../jobs/job-queue.js';
import { newId } from '../ids.js';
import { webhookDeliveries, webhookDisabledEndpoints, webhookMessages } from './schema.js';
import { DELIVER_WEBHOOK, webhookId, type DeliverWebhookData } from './enqueue-webhook.js';
import { webhookHeaders } from './signature.js';
import { postWebhook } from './post-webhook.js';
import { nextAttemptDelay } from './retry-schedule.js';

/** Longer than one attempt can take (15 s timeout), so a crashed worker's claim runs out. */
const LEASE = sql`now() + interval '1 minute'`;

/**
 * Makes attempt n of a message. The next attempt is a new job enqueued in the transaction that
 * records this one, at the Standard Webhooks schedule (or the receiver's Retry-After). The
 * queue's own retries only cover a crash of this handler: the claim lets exactly one job make
 * attempt n, and a job for an attempt already made finds nothing to do.
 */
export async function deliverWebhook(runtime: Runtime, job: Job<DeliverWebhookData>): Promise<void> {
  const { workspaceId, messageId, attempt } = job.data;
  const { db } = runtime.database;
  const [message] = await db
    .update(webhookMessages)
    .set({ lockedUntil: LEASE })
    .where(
      and(
        eq(webhookMessages.workspaceId, workspaceId),
        eq(webhookMessages.id, messageId),
        eq(webhookMessages.status, 'pending'),
        eq(webhookMessages.attempts, attempt - 1),
        or(isNull(webhookMessages.lockedUntil), lt(webhookMessages.lockedUntil, sql`now()`)),
      ),
    )
    .returning();
  if (!message) return;
  const messageWhere = and(eq(webhookMessages.workspaceId, workspaceId), eq(webhookMessages.id, messageId));
  try {
    await attemptDelivery(runtime, message, attempt);
  } catch (error) {
    // Let the queue's retry of this job claim the attempt again.
    await db.update(webhookMessages).set({ lockedUntil: null }).where(messageWhere).catch(() => undefined);
    throw error;
  }
}

async function attemptDelivery(runtime: Runtime, message: typeof webhookMessages.$inferSelect, attempt: number): Promise<void> {
  const { db } = runtime.database;
  const { workspaceId, id: messageId } = message;
  const messageWhere = and(eq(webhookMessages.workspaceId, workspaceId), eq(webhookMessages.id, messageId));

  const [disabled] = await db
    .select({ url: webhookDisabledEndpoints.url })
    .from(webhookDisabledEndpoints)
    .where(and(eq(webhookDisabledEndpoints.workspaceId, workspaceId), eq(webhookDisabledEndpoints.url, message.url)));
  if (disabled) {
    await db.update(webhookMessages).set({ status: 'disabled', lockedUntil: null, updated: sql`now()` }).where(messageWhere);
    return;
  }

  const headers = webhookHeaders(message.secret, webhookId(message.id), message.body);
  const outcome = await postWebhook(message.url, headers, message.body, { allowPrivate: runtime.config.allowPrivateOutbound });
  const delay = outcome.status === 'failed' ? nextAttemptDelay(attempt, outcome.retryAfterSeconds) : null;
  const status = outcome.status === 'succeeded' ? 'delivered' : outcome.status === 'gone' ? 'disabled' : delay === null ? 'failed' : 'pending';

  await db.transaction(async (tx) => {
    await tx.insert(webhookDeliveries).values({
      workspaceId,
      id: newId(),
      messageId,
      attempt,
      url: outcome.url,
      status: outcome.status,
      responseStatus: outcome.responseStatus ?? null,
      durationMs: outcome.durationMs,
      error: outcome.error?.slice(0, 1000) ?? null,
    });
    await tx
      .update(webhookMessages)
      .set({
        status,
        attempts: attempt,
        lockedUntil: null,
        nextAttemptAt: delay === null ? null : new Date(Date.now() + delay * 1000),
        updated: sql`now()`,
      })
      .where(messageWhere);
    if (outcome.status === 'gone') {
      await tx.insert(webhookDisabledEndpoints).values({ workspaceId, url: message.url, reason: `410 Gone from ${outcome.url}` }).onConflictDoNothing();
    }
    if (status === 'pending' && delay !== null) {
      await enqueueJob(tx, DELIVER_WEBHOOK, { workspaceId, messageId, attempt: attempt + 1 } satisfies DeliverWebhookData, { startAfter: delay });
    }
  });
  const log = { workspaceId, messageId, attempt, url: outcome.url, responseStatus: outcome.responseStatus, error: outcome.error };
  if (outcome.status === 'succeeded') runtime.log.debug(log, 'webhook delivered');
  else runtime.log.warn({ ...log, next: status === 'pending' ? `in ${delay} s` : status }, 'webhook attempt failed');
}

export const deliverWebhookJob = defineJob<DeliverWebhookData>({
  name: DELIVER_WEBHOOK,
  options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 120, concurrency: 16 },
  run: deliverWebhook,
});
