import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Runtime } from '../../../platform/runtime.js';
import { notFound } from '../../../platform/errors.js';
import { attempts, type AttemptRow, type AttemptStatus } from '../schema.js';
import { loadAnswers, loadRevisions, revisionIdOf } from './load-scoring-input.js';
import { scoreAttempt } from './score-attempt.js';
import type { AttemptScore } from './score-types.js';
import { writeAttemptScores } from './write-attempt-scores.js';
import { announceAttemptFinished } from './announce-attempt-finished.js';

export interface CompletedAttempt {
  result: AttemptScore;
  /** The stored status before and after. */
  previousStatus: AttemptStatus;
  status: AttemptStatus;
  /** True when this call made the attempt finished (and so queued its e-mails and webhook). */
  announced: boolean;
}

/**
 * Scores an attempt with what was saved and stores the result (score, total, max, breakdown, status
 * pending | pending_review | finished, `finished` time when empty, each answer's score/max_score/status).
 * When the status becomes `finished` — and only on that change — it queues the result e-mails and the
 * `attempt.finished` webhook in the same transaction, so completing a finished attempt again sends
 * nothing twice. The attempt row is locked first, so two completions racing announce once.
 * Call it inside a transaction.
 */
export async function completeAttempt(tx: DbOrTx, runtime: Runtime, attempt: Pick<AttemptRow, 'workspaceId' | 'id'>): Promise<CompletedAttempt> {
  const [current] = await tx
    .select()
    .from(attempts)
    .where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id)))
    .for('update');
  if (!current) throw notFound('Attempt');
  const revisionId = revisionIdOf(current);
  const revision = (await loadRevisions(tx, current.workspaceId, [revisionId])).get(revisionId);
  if (!revision) throw notFound('Assessment revision');
  const answerRows = (await loadAnswers(tx, current.workspaceId, [current.id])).get(current.id) ?? [];
  const result = scoreAttempt(revision, answerRows);
  await writeAttemptScores(tx, current.workspaceId, [{ attemptId: current.id, result, answers: answerRows, status: result.status, stampFinished: true }]);
  const announced = result.status === 'finished' && current.status !== 'finished';
  if (announced) await announceAttemptFinished(tx, runtime, current, revision, result);
  return { result, previousStatus: current.status, status: result.status, announced };
}
