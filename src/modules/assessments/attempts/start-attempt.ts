import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { insertMany } from '../../../platform/db/insert-many.js';
import { answers, attempts, type AttemptRow } from '../schema.js';
import { lockAttempt } from './attempt-access.js';
import { revisionOf } from './candidate-attempt-view.js';

/** Statuses a candidate may still start from. */
const startable: ReadonlySet<AttemptRow['status']> = new Set(['invited', 'scheduled']);

/** Why an attempt that is not started cannot be started now (409), or undefined when it can. */
export function startRefusal(attempt: AttemptRow, now: Date): { code: string; message: string } | undefined {
  if (attempt.status === 'expired') return { code: 'attempt_expired', message: 'The invitation has expired' };
  if (['finished', 'pending', 'pending_review'].includes(attempt.status)) return { code: 'attempt_finished', message: 'The attempt is already finished' };
  if (!startable.has(attempt.status)) return { code: 'attempt_not_available', message: `The attempt cannot be taken (${attempt.status})` };
  if (attempt.invitationDateExpire && attempt.invitationDateExpire <= now) return { code: 'attempt_expired', message: 'The invitation has expired' };
  if (attempt.customTimeOpen && attempt.customTimeOpen > now) return { code: 'attempt_not_open', message: `The attempt opens at ${attempt.customTimeOpen.toISOString()}` };
  if ((attempt.customTimeClose && attempt.customTimeClose <= now) || (attempt.deadline && attempt.deadline <= now)) return { code: 'attempt_closed', message: 'The attempt window has closed' };
  if (!attempt.terms) return { code: 'terms_not_accepted', message: 'Accept the terms before starting' };
  return undefined;
}

/** The server's deadline of an attempt started now: min(now + duration, custom_time_close, deadline). */
export function endsAtFor(attempt: AttemptRow, now: Date): Date {
  const candidates = [now.getTime() + attempt.durationSeconds * 1000, attempt.customTimeClose?.getTime(), attempt.deadline?.getTime()].filter((t): t is number => t !== undefined);
  return new Date(Math.min(...candidates));
}

/** Records that the candidate accepted the terms (once; a repeat keeps the first time). Refused once the attempt cannot be taken. */
export async function acceptTerms(db: Db, attempt: AttemptRow, now = new Date()): Promise<AttemptRow> {
  if (attempt.terms) return attempt;
  const refusal = startRefusal({ ...attempt, terms: now }, now);
  if (refusal) throw conflict(refusal.code, refusal.message);
  const [updated] = await db
    .update(attempts)
    .set({ terms: now, updated: now })
    .where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id), isNull(attempts.terms)))
    .returning();
  return updated ?? attempt;
}

async function createAnswers(tx: DbOrTx, attempt: AttemptRow, questionIds: string[]): Promise<void> {
  if (questionIds.length === 0) return;
  // Reopened attempts keep their answers: existing rows are left as they are.
  await insertMany(tx, answers, questionIds.map((questionId) => ({ workspaceId: attempt.workspaceId, id: newId(), attemptId: attempt.id, questionId })), { onConflictDoNothing: true });
}

/**
 * Starts the attempt in one transaction: status `started`, `started` and the server's `ends_at`
 * fixed now, and one `unanswered` answer per question of its revision (so every save is one UPDATE).
 * Starting a started attempt answers it as it is.
 */
export async function startAttempt(db: Db, workspaceId: string, attemptId: string, now = new Date()): Promise<AttemptRow> {
  return db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, workspaceId, attemptId);
    if (!attempt) throw notFound('Attempt');
    if (attempt.status === 'started') return attempt;
    const refusal = startRefusal(attempt, now);
    if (refusal) throw conflict(refusal.code, refusal.message);
    const revision = await revisionOf(tx, attempt);
    const [started] = await tx
      .update(attempts)
      .set({ status: 'started', started: now, endsAt: endsAtFor(attempt, now), updated: now })
      .where(and(eq(attempts.workspaceId, workspaceId), eq(attempts.id, attemptId)))
      .returning();
    await createAnswers(tx, started, revision.content.questions.map((q) => q._id));
    return started;
  });
}
