import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { AnswerStatus, AttemptStatus } from '../schema.js';
import type { AnswerInput } from './load-scoring-input.js';
import type { AttemptScore, ScoredAnswer } from './score-types.js';

export interface AttemptScoreWrite {
  attemptId: string;
  result: AttemptScore;
  answers: readonly AnswerInput[];
  /** The status to store (the scored one, or the attempt's own when a recalculation keeps it, e.g. blocked). */
  status: AttemptStatus;
  /** Set `finished` to now when it is empty. */
  stampFinished: boolean;
}

/** An answer row's status from its score: an empty answer stays `unanswered` (scored 0). */
export function answerStatusOf(scored: ScoredAnswer): AnswerStatus {
  if (scored.status === 'pending' || scored.status === 'pending_review') return scored.status;
  return scored.answered === false ? 'unanswered' : 'finished';
}

/**
 * Writes attempts' scores, breakdowns and statuses and their answers' score/max_score/status, two
 * statements for the whole batch (jsonb_to_recordset). Answer rows whose values did not change are
 * left alone. Pass a transaction: the batch is written whole or not at all.
 */
export async function writeAttemptScores(db: DbOrTx, workspaceId: string, writes: readonly AttemptScoreWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const attemptRows = writes.map((write) => ({
    id: write.attemptId,
    score: write.result.score,
    total_score: write.result.totalScore,
    max_score: write.result.maxScore,
    breakdown: write.result.breakdown,
    status: write.status,
    stamp: write.stampFinished,
  }));
  await db.execute(sql`
    update attempts a set score = r.score, total_score = r.total_score, max_score = r.max_score, breakdown = r.breakdown,
      status = r.status, finished = case when r.stamp then coalesce(a.finished, now()) else a.finished end, updated = now()
    from jsonb_to_recordset(${JSON.stringify(attemptRows)}::jsonb)
      as r(id varchar(24), score real, total_score real, max_score real, breakdown jsonb, status text, stamp boolean)
    where a.workspace_id = ${workspaceId} and a.id = r.id`);

  const answerRows = writes.flatMap((write) => {
    const scoredOf = new Map(write.result.answers.map((scored) => [scored.questionId, scored]));
    return write.answers.flatMap((answer) => {
      const scored = scoredOf.get(answer.questionId);
      // An answer to a question the revision does not hold has nothing to be scored against.
      if (!scored) return [];
      return [{ id: answer.id, score: scored.score, max_score: scored.maxScore, status: answerStatusOf(scored) }];
    });
  });
  if (answerRows.length === 0) return;
  await db.execute(sql`
    update answers a set score = r.score, max_score = r.max_score, status = r.status, updated = now()
    from jsonb_to_recordset(${JSON.stringify(answerRows)}::jsonb) as r(id varchar(24), score real, max_score real, status text)
    where a.workspace_id = ${workspaceId} and a.id = r.id
      and (a.score is distinct from r.score or a.max_score is distinct from r.max_score or a.status is distinct from r.status)`);
}
