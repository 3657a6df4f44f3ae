import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { answers, attempts, type AnswerRow, type AttemptRow } from '../schema.js';
import type { AnswerReview, FrozenQuestion } from '../types.js';
import { attemptScope, checkScorable, lockAttempt, type AttemptTenant } from '../scoring/find-scored-attempt.js';
import { loadRevisions } from '../scoring/load-scoring-input.js';
import type { ReviewRequest } from '../scoring/load-scoring-input.js';
import { completeAttempt } from '../scoring/complete-attempt.js';
import { rescoreAttempts } from '../scoring/recalculate-attempts.js';
import type { AttemptScore } from '../scoring/score-types.js';
import type { FeedbackReason } from './answer-fields.js';

export interface ReviewInput {
  review_notes?: string;
  comment?: string;
  score?: number;
  repository_url?: string;
  feedback?: FeedbackReason;
}

/** What is stored in answers.review: the reviewer's fields, plus the marks of a requested review. */
export type StoredReview = AnswerReview & ReviewRequest & { feedback?: FeedbackReason; previous_score?: number };

export interface ReviewedAnswer {
  answer: AnswerRow;
  attempt: Pick<AttemptRow, 'id' | 'status'>;
  result: AttemptScore;
}

/** The answer and its attempt (locked) within the request's reach; 404 otherwise. */
export async function lockAnswer(tx: DbOrTx, tenant: AttemptTenant, answerId: string): Promise<{ answer: AnswerRow; attempt: AttemptRow }> {
  const [found] = await tx
    .select({ attemptId: answers.attemptId })
    .from(answers)
    .innerJoin(attempts, and(eq(attempts.workspaceId, answers.workspaceId), eq(attempts.id, answers.attemptId)))
    .where(and(eq(answers.workspaceId, tenant.workspaceId), eq(answers.id, answerId), attemptScope(tenant)));
  if (!found) throw notFound('Answer');
  const attempt = await lockAttempt(tx, tenant, found.attemptId);
  const [answer] = await tx.select().from(answers).where(and(eq(answers.workspaceId, tenant.workspaceId), eq(answers.id, answerId)));
  return { answer, attempt };
}

/** The question an answer was given to, as frozen in the attempt's revision. */
export async function frozenQuestionOf(tx: DbOrTx, attempt: AttemptRow, questionId: string): Promise<FrozenQuestion | undefined> {
  const revision = (await loadRevisions(tx, attempt.workspaceId, [attempt.revisionId!])).get(attempt.revisionId!);
  return revision?.questions.find((question) => question._id === questionId);
}

/**
 * Scores an attempt again after its answers changed: a blocked attempt keeps its status; any other
 * is completed (completeAttempt), so the review that settles its last pending answer finishes it,
 * with the e-mails and the webhook.
 */
export async function rescoreAfterReview(tx: DbOrTx, runtime: Runtime, attempt: AttemptRow): Promise<{ status: AttemptRow['status']; result: AttemptScore }> {
  if (attempt.status === 'blocked') {
    const [done] = await rescoreAttempts(tx, attempt.workspaceId, [attempt]);
    return { status: done.status, result: done.result };
  }
  const done = await completeAttempt(tx, runtime, attempt);
  return { status: done.status, result: done.result };
}

/**
 * PUT /assessments/answers/:id/review. Fields left out keep their stored value; the reviewer is the
 * caller. `score` must lie within 0..the answer's points (its frozen weight). Then the attempt is
 * scored again (rescoreAfterReview).
 */
export async function reviewAnswer(tx: DbOrTx, runtime: Runtime, tenant: AttemptTenant, reviewerId: string, answerId: string, input: ReviewInput): Promise<ReviewedAnswer> {
  const { answer, attempt } = await lockAnswer(tx, tenant, answerId);
  checkScorable(attempt);
  const question = await frozenQuestionOf(tx, attempt, answer.questionId);
  if (!question) throw notFound('Question');
  const points = question.type === 'softskill' ? 0 : Math.max(0, question.weight);
  if (input.score !== undefined && input.score > points) {
    throw new AppError(400, 'score_above_points', `The answer is worth ${points} points`, [{ field: 'body/score', message: `must be at most ${points}` }]);
  }
  const previous = (answer.review ?? {}) as Partial<StoredReview>;
  const review: StoredReview = {
    ...previous,
    ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    reviewer_id: reviewerId,
    reviewed_at: new Date().toISOString(),
  };
  if (input.score !== undefined) {
    delete review.requested_at;
    delete review.requested_by;
  }
  const [updated] = await tx
    .update(answers)
    .set({ review, updated: new Date() })
    .where(and(eq(answers.workspaceId, tenant.workspaceId), eq(answers.id, answer.id)))
    .returning();
  const rescored = await rescoreAfterReview(tx, runtime, attempt);
  const [stored] = await tx.select().from(answers).where(and(eq(answers.workspaceId, tenant.workspaceId), inArray(answers.id, [updated.id])));
  return { answer: stored, attempt: { id: attempt.id, status: rescored.status }, result: rescored.result };
}
