import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError } from '../../../platform/errors.js';
import { answers, attempts, type AttemptStatus } from '../schema.js';
import { attemptScope, lockAttempt, type AttemptTenant } from '../scoring/find-scored-attempt.js';
import { rescoreAfterReview, type StoredReview } from './review-answer.js';

export interface MovedToPendingReview {
  moved: string[];
  /** Named answers that were not finished: left as they are. */
  skipped: string[];
  attempts: Array<{ _id: string; status: AttemptStatus }>;
}

/**
 * POST /assessments/answers/bulk/pending-review: finished answers go back to pending_review, all in
 * one transaction. Their reviewer's score is set aside (`previous_score`) and a review is requested,
 * so each waits for a reviewer's score whatever its type; their attempts are scored again and become
 * pending_review (a blocked attempt stays blocked). Answers in another status are skipped.
 */
export async function moveToPendingReview(tx: DbOrTx, runtime: Runtime, tenant: AttemptTenant, requesterId: string, ids: readonly string[]): Promise<MovedToPendingReview> {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select({ id: answers.id, attemptId: answers.attemptId, status: answers.status, review: answers.review })
    .from(answers)
    .innerJoin(attempts, and(eq(attempts.workspaceId, answers.workspaceId), eq(attempts.id, answers.attemptId)))
    .where(and(eq(answers.workspaceId, tenant.workspaceId), inArray(answers.id, unique), attemptScope(tenant)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const unknown = ids.findIndex((id) => !byId.has(id));
  if (unknown >= 0) throw new AppError(404, 'answer_not_found', 'Answer not found', [{ field: `body/ids/${unknown}`, message: 'not an answer of this workspace' }]);

  const attemptIds = [...new Set(rows.filter((row) => row.status === 'finished').map((row) => row.attemptId))].sort();
  // Lock the attempts first, in id order, so two bulk moves over the same attempts cannot deadlock.
  const locked = [];
  for (const attemptId of attemptIds) locked.push(await lockAttempt(tx, tenant, attemptId));

  const now = new Date().toISOString();
  const moved: string[] = [];
  for (const row of rows.filter((candidate) => candidate.status === 'finished')) {
    const previous = (row.review ?? {}) as Partial<StoredReview>;
    const { score, ...rest } = previous;
    const review = { ...rest, ...(typeof score === 'number' ? { previous_score: score } : {}), requested_at: now, requested_by: requesterId } as StoredReview;
    await tx.update(answers).set({ review, status: 'pending_review', updated: new Date() }).where(and(eq(answers.workspaceId, tenant.workspaceId), eq(answers.id, row.id)));
    moved.push(row.id);
  }
  const touched = [];
  for (const attempt of locked) {
    const rescored = await rescoreAfterReview(tx, runtime, attempt);
    touched.push({ _id: attempt.id, status: rescored.status });
  }
  const skipped = rows.filter((row) => row.status !== 'finished').map((row) => row.id).sort();
  return { moved: moved.sort(), skipped, attempts: touched };
}
