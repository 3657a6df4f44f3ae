import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { conflict } from '../../../platform/errors.js';
import { answers, assessmentRevisions, type AnswerRow, type AttemptRow } from '../schema.js';
import type { AnswerReview, RevisionContent } from '../types.js';
import type { ScorableAnswer } from './score-types.js';

/** What scoring reads of an answer row, and what writing the result back needs. */
export type AnswerInput = ScorableAnswer & { id: string; attemptId: string };

type AnswerColumns = Pick<AnswerRow, 'id' | 'attemptId' | 'questionId' | 'response' | 'autoResult' | 'review'> & { mediaCount: number };

/** Marks written by the bulk move to pending review (see review/move-to-pending-review.ts). */
export interface ReviewRequest {
  requested_at?: string;
  requested_by?: string | null;
}

export function toScorable(row: AnswerColumns): AnswerInput {
  const review: (AnswerReview & ReviewRequest) | null = row.review;
  return {
    id: row.id,
    attemptId: row.attemptId,
    questionId: row.questionId,
    response: row.response,
    autoResult: row.autoResult,
    review,
    mediaCount: row.mediaCount,
    reviewRequested: Boolean(review?.requested_at) && typeof review?.score !== 'number',
  };
}

const answerColumns = {
  id: answers.id,
  attemptId: answers.attemptId,
  questionId: answers.questionId,
  response: answers.response,
  autoResult: answers.autoResult,
  review: answers.review,
  mediaCount: sql<number>`jsonb_array_length(${answers.media})::int`,
};

/** The answers of these attempts (one workspace), grouped by attempt id. */
export async function loadAnswers(db: DbOrTx, workspaceId: string, attemptIds: readonly string[]): Promise<Map<string, AnswerInput[]>> {
  const byAttempt = new Map<string, AnswerInput[]>();
  if (attemptIds.length === 0) return byAttempt;
  const rows = await db
    .select(answerColumns)
    .from(answers)
    .where(and(eq(answers.workspaceId, workspaceId), inArray(answers.attemptId, [...attemptIds])));
  for (const row of rows) {
    const list = byAttempt.get(row.attemptId) ?? [];
    list.push(toScorable(row));
    byAttempt.set(row.attemptId, list);
  }
  return byAttempt;
}

/** The frozen revisions by id (one workspace). */
export async function loadRevisions(db: DbOrTx, workspaceId: string, revisionIds: readonly string[]): Promise<Map<string, RevisionContent>> {
  if (revisionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: assessmentRevisions.id, content: assessmentRevisions.content })
    .from(assessmentRevisions)
    .where(and(eq(assessmentRevisions.workspaceId, workspaceId), inArray(assessmentRevisions.id, [...new Set(revisionIds)])));
  return new Map(rows.map((row) => [row.id, row.content]));
}

/** An attempt is scored against the revision it was opened on; one never opened has none. */
export function revisionIdOf(attempt: Pick<AttemptRow, 'revisionId'>): string {
  if (!attempt.revisionId) throw conflict('attempt_not_opened', 'The attempt was never opened: it has no questions to score');
  return attempt.revisionId;
}
