import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { answers, type AttemptRow, type RevisionRow } from '../schema.js';
import { candidateQuestions, type CandidateQuestion } from './candidate-question-view.js';
import { timeRefusal } from './attempt-time.js';

export interface AttemptQuestions {
  questions: CandidateQuestion[];
  answers: Array<{ question_id: string; response: Record<string, unknown> | null; revision: number; saved_at: string | null }>;
  ends_at: string | null;
  now: string;
}

/** The questions of a started attempt, as the candidate may see them, with what is stored for each (409 once its time is over). */
export async function readAttemptQuestions(db: DbOrTx, attempt: AttemptRow, revision: RevisionRow, now = new Date()): Promise<AttemptQuestions> {
  const refusal = timeRefusal(attempt, now);
  if (refusal) throw refusal;
  const stored = await db
    .select({ questionId: answers.questionId, response: answers.response, revision: answers.revision, savedAt: answers.savedAt })
    .from(answers)
    .where(and(eq(answers.workspaceId, attempt.workspaceId), eq(answers.attemptId, attempt.id)));
  const byQuestion = new Map(stored.map((a) => [a.questionId, a]));
  const questions = candidateQuestions(revision.content, attempt.seed);
  return {
    questions,
    answers: questions.map((q) => {
      const a = byQuestion.get(q._id);
      return { question_id: q._id, response: (a?.response as Record<string, unknown> | null) ?? null, revision: a?.revision ?? 0, saved_at: a?.savedAt?.toISOString() ?? null };
    }),
    ends_at: attempt.endsAt?.toISOString() ?? null,
    now: now.toISOString(),
  };
}
