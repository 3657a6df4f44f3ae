import { and, eq } from 'drizzle-orm';
import type { SessionTokens } from '../../../platform/auth/jwt.js';
import type { DbOrTx } from '../../../platform/db/client.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { mintToken, tokenIds, tokenMatches } from '../attempt-tokens.js';
import { answers, attempts, type AnswerRow, type AttemptRow } from '../schema.js';
import type { FrozenQuestion } from '../types.js';
import { revisionQuestions } from '../admin/attempt-view.js';

export interface MediaTarget {
  answer: AnswerRow;
  attempt: AttemptRow;
  question: FrozenQuestion | undefined;
}

/** The candidate's link for one answer's media (POST/DELETE /assessments/answers/:token/media); revoked with the attempt's nonce. */
export function answerMediaToken(tokens: SessionTokens, attempt: Pick<AttemptRow, 'workspaceId' | 'tokenNonce'>, answerId: string): string {
  return mintToken(tokens, 'answer', { workspaceId: attempt.workspaceId, id: answerId, nonce: attempt.tokenNonce });
}

/**
 * The answer an answer token names (`mintToken(tokens, 'answer', {workspaceId, id: answerId,
 * nonce: attempt.token_nonce})`); a token that is malformed, of another answer or of a rotated
 * nonce is a 404.
 */
export async function mediaTarget(db: DbOrTx, tokens: SessionTokens, token: string): Promise<MediaTarget> {
  const ids = tokenIds(token);
  if (!ids) throw notFound('Answer');
  const [row] = await db
    .select({ answer: answers, attempt: attempts })
    .from(answers)
    .innerJoin(attempts, and(eq(attempts.workspaceId, answers.workspaceId), eq(attempts.id, answers.attemptId)))
    .where(and(eq(answers.workspaceId, ids.workspaceId), eq(answers.id, ids.id)));
  if (!row || !tokenMatches(tokens, 'answer', token, { workspaceId: row.attempt.workspaceId, id: row.answer.id, nonce: row.attempt.tokenNonce })) throw notFound('Answer');
  const questions = await revisionQuestions(db, row.attempt);
  return { ...row, question: questions.find((q) => q._id === row.answer.questionId) };
}

/** Media change only while the attempt runs: started, and before the server's deadline. */
export function checkAttemptOpen(attempt: AttemptRow, now = new Date()): void {
  if (attempt.status !== 'started') throw conflict('attempt_not_started', `The attempt is ${attempt.status}: media can be changed only while it is started`);
  if (attempt.endsAt && attempt.endsAt.getTime() <= now.getTime()) throw conflict('attempt_time_over', 'The time of this attempt is over');
}
