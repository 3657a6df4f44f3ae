import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { answers, type AttemptRow, type RevisionRow } from '../schema.js';
import { candidateQuestions, type CandidateQuestion } from './candidate-question-view.js';
import { timeRefusal } from './attempt-time.js';
import { mintToken } from '../attempt-tokens.js';
import { mediaKinds } from '../answers/media-rules.js';
import type { SessionTokens } from '../../../platform/auth/jwt.js';

export interface AttemptQuestions {
  questions: CandidateQuestion[];
  answers: Array<{ question_id: string; response: Record<string, unknown> | null; revision: number; saved_at: string | null; media_token: string | null }>;
  ends_at: string | null;
  now: string;
}

/** The questions of a started attempt, as the candidate may see them, with what is stored for each (409 once its time is over). */
export async function readAttemptQuestions(db: DbOrTx, tokens: SessionTokens, attempt: AttemptRow, revision: RevisionRow, now = new Date()): Promise<AttemptQuestions> {
  const refusal = timeRefusal(attempt, now);
  if (refusal) throw refusal;
  const stored = await db
    .select({ id: answers.id, questionId: answers.questionId, response: answers.response, revision: answers.revision, savedAt: answers.savedAt })
    .from(answers)
    .where(and(eq(answers.workspaceId, attempt.workspaceId), eq(answers.attemptId, attempt.id)));
  const byQuestion = new Map(stored.map((a) => [a.questionId, a]));
  const questions = candidateQuestions(revision.content, attempt.seed);
  return {
    questions,
    answers: questions.map((q) => {
      const a = byQuestion.get(q._id);
      // Questions answered with a file get the answer's own token for /assessments/answers/:token/media.
      const mediaToken = a && mediaKinds[q.type] ? mintToken(tokens, 'answer', { workspaceId: attempt.workspaceId, id: a.id, nonce: attempt.tokenNonce }) : null;
      return {
        question_id: q._id,
        response: (a?.response as Record<string, unknown> | null) ?? null,
        revision: a?.revision ?? 0,
        saved_at: a?.savedAt?.toISOString() ?? null,
        media_token: mediaToken,
      };
    }),
    ends_at: attempt.endsAt?.toISOString() ?? null,
    now: now.toISOString(),
  };
}
