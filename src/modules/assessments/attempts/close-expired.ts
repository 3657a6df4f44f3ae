import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { Runtime } from '../../../platform/runtime.js';
import { attempts } from '../schema.js';
import { finishLockedAttempt } from './finish-attempt.js';

/** Attempts closed per transaction: each batch holds its rows' locks only while it finishes them. */
const BATCH = 100;

export const CLOSE_EXPIRED = 'assessments.close-expired';

export interface ClosedAttempts {
  /** Started attempts whose time ran out, finished with what was saved. */
  finished: number;
  /** Invitations past invitation_date_expire, never started, now `expired`. */
  expired: number;
}

/** Finishes one batch of started attempts past ends_at; rows another process holds are skipped (SKIP LOCKED). */
async function finishBatch(runtime: Runtime, now: Date): Promise<number> {
  return runtime.database.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(attempts)
      .where(and(eq(attempts.status, 'started'), lte(attempts.endsAt, now)))
      .orderBy(attempts.endsAt)
      .limit(BATCH)
      .for('update', { skipLocked: true });
    for (const attempt of due) await finishLockedAttempt(tx, runtime, attempt, attempt.endsAt ?? now);
    return due.length;
  });
}

async function expireBatch(runtime: Runtime, now: Date): Promise<number> {
  return runtime.database.db.transaction(async (tx) => {
    const due = await tx
      .select({ workspaceId: attempts.workspaceId, id: attempts.id })
      .from(attempts)
      .where(and(inArray(attempts.status, ['invited', 'scheduled']), lte(attempts.invitationDateExpire, now)))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    await tx
      .update(attempts)
      .set({ status: 'expired', updated: now })
      .where(sql`(${attempts.workspaceId}, ${attempts.id}) in (${sql.join(due.map((d) => sql`(${d.workspaceId}, ${d.id})`), sql`, `)})`);
    return due.length;
  });
}

/**
 * Closes what ran out of time, across every workspace: started attempts past `ends_at` are finished
 * (scored with what was saved; finished at their `ends_at`), invitations past
 * `invitation_date_expire` become `expired`. In batches, each its own transaction.
 */
export async function closeExpiredAttempts(runtime: Runtime, now = new Date()): Promise<ClosedAttempts> {
  const closed: ClosedAttempts = { finished: 0, expired: 0 };
  for (let n = BATCH; n === BATCH; closed.finished += n) n = await finishBatch(runtime, now);
  for (let n = BATCH; n === BATCH; closed.expired += n) n = await expireBatch(runtime, now);
  return closed;
}

export const closeExpiredJob = defineJob<Record<string, never>>({
  name: CLOSE_EXPIRED,
  cron: '* * * * *',
  options: { retryLimit: 0, policy: 'singleton' },
  run: async (runtime) => {
    const closed = await closeExpiredAttempts(runtime);
    if (closed.finished || closed.expired) runtime.log.info(closed, 'closed expired attempts');
  },
});
