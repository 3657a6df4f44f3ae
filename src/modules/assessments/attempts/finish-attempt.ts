import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/enqueue-job.js';
import type { Runtime } from '../../../platform/runtime.js';
import { completeAttempt } from '../scoring/complete-attempt.js';
import { answers, attempts, type AttemptRow } from '../schema.js';
import { lockAttempt } from './attempt-access.js';
import { findRevision } from './freeze-revision.js';
import { timeRefusal } from './attempt-time.js';

/** The queue of the job that judges an attempt's coding and SQL answers (judge-attempt.ts). */
export const JUDGE_ATTEMPT = 'assessments.judge-attempt';

export interface JudgeAttemptData {
  workspaceId: string;
  attemptId: string;
}

/** Question types whose answers the judge runs before the attempt can be scored. */
export const judgedTypes: ReadonlySet<string> = new Set(['coding', 'sql']);

/** Whether the attempt has coding or SQL answers with a response (the judge must run them). */
async function hasJudgedAnswers(tx: DbOrTx, attempt: AttemptRow): Promise<boolean> {
  if (!attempt.revisionId) return false;
  const revision = await findRevision(tx, attempt.workspaceId, attempt.revisionId);
  const judged = new Set((revision?.content.questions ?? []).filter((q) => judgedTypes.has(q.type)).map((q) => q._id));
  if (judged.size === 0) return false;
  const answered = await tx
    .select({ questionId: answers.questionId })
    .from(answers)
    .where(and(eq(answers.workspaceId, attempt.workspaceId), eq(answers.attemptId, attempt.id), isNotNull(answers.response)));
  return answered.some((a) => judged.has(a.questionId));
}

/**
 * Finishes a started attempt in the caller's transaction, holding its row lock: `finished` now, then either `pending` with the `judge-attempt` job queued (coding or SQL
 * answers to run) or scored at once (`completeAttempt`: score, breakdown, status, result e-mails,
 * `attempt.finished` webhook). Refused (409) unless the attempt is started, so of two racing
 * finishes exactly one wins.
 */
export async function finishLockedAttempt(tx: DbOrTx, runtime: Runtime, attempt: AttemptRow, now = new Date()): Promise<AttemptRow> {
  if (attempt.status !== 'started') throw conflict('attempt_not_started', `The attempt is ${attempt.status}, not started: it cannot be finished`);
  const judge = await hasJudgedAnswers(tx, attempt);
  // Without answers to judge the status stays `started` until completeAttempt sets the final one, which is
  // what makes it announce the finish (e-mails, webhook) exactly once.
  const [finished] = await tx
    .update(attempts)
    .set({ ...(judge ? { status: 'pending' as const } : {}), finished: now, updated: now })
    .where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id)))
    .returning();
  if (judge) {
    await enqueueJob(tx, JUDGE_ATTEMPT, { workspaceId: attempt.workspaceId, attemptId: attempt.id } satisfies JudgeAttemptData);
    return finished;
  }
  await completeAttempt(tx, runtime, finished);
  return (await lockAttempt(tx, attempt.workspaceId, attempt.id)) ?? finished;
}

/** The finish verb (candidate finish, bulk finish, time over): one transaction over the locked attempt row. */
export async function finishAttempt(db: Db, runtime: Runtime, workspaceId: string, attemptId: string, now = new Date()): Promise<AttemptRow> {
  return db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, workspaceId, attemptId);
    if (!attempt) throw notFound('Attempt');
    return finishLockedAttempt(tx, runtime, attempt, now);
  });
}

/**
 * The candidate's finish: like finishAttempt, but only before `ends_at` on the server's clock (409
 * `attempt_time_over` after, nothing changes: the close-expired job finishes it within a minute).
 */
export async function finishOwnAttempt(db: Db, runtime: Runtime, workspaceId: string, attemptId: string, now = new Date()): Promise<AttemptRow> {
  return db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, workspaceId, attemptId);
    if (!attempt) throw notFound('Attempt');
    const refusal = timeRefusal(attempt, now);
    if (refusal) throw refusal;
    return finishLockedAttempt(tx, runtime, attempt, now);
  });
}
