import { and, eq, sql } from 'drizzle-orm';
import { preparedPerDb, type Db } from '../../../platform/db/client.js';
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

// The hottest write of an assessment (every candidate, every few seconds): prepared once per database.
const appliedSave = preparedPerDb((db) => {
  const live = db.$with('live').as(
    db
      .select({ id: attempts.id })
      .from(attempts)
      .where(
        and(
          eq(attempts.workspaceId, sql.placeholder('workspaceId')),
          eq(attempts.id, sql.placeholder('attemptId')),
          eq(attempts.status, 'started'),
          sql`${attempts.endsAt} > ${sql.placeholder('now')}::timestamptz`,
        ),
      )
      .for('share'),
  );
  return db
    .with(live)
    .update(answers)
    .set({
      response: sql`${sql.placeholder('response')}::jsonb`,
      revision: sql`${sql.placeholder('revision')}::integer`,
      savedAt: sql`${sql.placeholder('now')}::timestamptz`,
      status: 'answered',
      updated: sql`${sql.placeholder('now')}::timestamptz`,
    })
    .where(
      and(
        eq(answers.workspaceId, sql.placeholder('workspaceId')),
        eq(answers.attemptId, sql.placeholder('attemptId')),
        eq(answers.questionId, sql.placeholder('questionId')),
        sql`${answers.revision} < ${sql.placeholder('revision')}::integer`,
        sql`exists (select 1 from ${live})`,
      ),
    )
    .returning({ revision: answers.revision, savedAt: answers.savedAt })
    .prepare('answer_save');
});

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
  const [applied] = await appliedSave(db).execute({
    workspaceId: attempt.workspaceId,
    attemptId: attempt.id,
    questionId,
    revision: input.revision,
    response: response === null ? null : JSON.stringify(response),
    now: now.toISOString(),
  });
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
