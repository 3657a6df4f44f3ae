import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import { answers, attempts, type AttemptRow, type RevisionRow } from '../schema.js';
import { checkResponse } from './check-response.js';
import { timeRefusal } from './attempt-time.js';

export interface SavedAnswer {
  question_id: string;
  /** The revision now stored: the one sent when applied, a newer one when not. */
  revision: number;
  /** false: the stored answer already had this or a newer revision (a retry or a late older save); nothing changed. */
  applied: boolean;
  saved_at: string | null;
}

/**
 * Saves one answer with its client revision in one statement: the UPDATE applies only while the
 * attempt is started and before its `ends_at` (checked under a share lock of the attempt row, so a
 * finish waits for saves in flight and a save after the finish sees it) and only when the stored
 * revision is lower. A retry or an older save changes nothing and answers the stored revision.
 */
export async function saveAnswer(db: Db, attempt: AttemptRow, revision: RevisionRow, questionId: string, input: { response: unknown; revision: number }, now = new Date()): Promise<SavedAnswer> {
  const question = revision.content.questions.find((q) => q._id === questionId);
  if (!question) throw notFound('Question');
  const early = timeRefusal(attempt, now);
  if (early) throw early;
  const response = checkResponse(question, input.response);
  const live = db.$with('live').as(
    db
      .select({ id: attempts.id })
      .from(attempts)
      .where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id), eq(attempts.status, 'started'), sql`${attempts.endsAt} > ${now}`))
      .for('share'),
  );
  const [applied] = await db
    .with(live)
    .update(answers)
    .set({ response, revision: input.revision, savedAt: now, status: 'answered', updated: now })
    .where(
      and(
        eq(answers.workspaceId, attempt.workspaceId),
        eq(answers.attemptId, attempt.id),
        eq(answers.questionId, questionId),
        sql`${answers.revision} < ${input.revision}`,
        sql`exists (select 1 from ${live})`,
      ),
    )
    .returning({ revision: answers.revision, savedAt: answers.savedAt });
  if (applied) return { question_id: questionId, revision: applied.revision, applied: true, saved_at: applied.savedAt?.toISOString() ?? null };
  // Not applied: either the attempt took no more saves (finished, time over) or a newer revision is stored.
  const [state] = await db
    .select({ status: attempts.status, endsAt: attempts.endsAt, revision: answers.revision, savedAt: answers.savedAt })
    .from(attempts)
    .leftJoin(answers, and(eq(answers.workspaceId, attempts.workspaceId), eq(answers.attemptId, attempts.id), eq(answers.questionId, questionId)))
    .where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id)));
  if (!state) throw notFound('Attempt');
  const late = timeRefusal(state, now);
  if (late) throw late;
  if (state.revision === null) throw notFound('Answer');
  return { question_id: questionId, revision: state.revision, applied: false, saved_at: state.savedAt?.toISOString() ?? null };
}
