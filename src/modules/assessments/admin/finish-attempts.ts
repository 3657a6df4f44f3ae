import type { Db } from '../../../platform/db/client.js';
import type { Runtime } from '../../../platform/runtime.js';
import { finishLockedAttempt } from '../attempts/finish-attempt.js';
import type { AttemptStatus } from '../schema.js';
import { checkStatuses, lockAttempts, type Actor } from './bulk-targets.js';

/**
 * POST /assessments/attempts/bulk/finish: a manager ends started attempts now, as the candidate's
 * finish would (finishLockedAttempt): coding and SQL answers to run make an attempt `pending` with
 * the judge job queued; otherwise it is scored at once with its result e-mails and the
 * `attempt.finished` webhook. Every attempt must be started (409 `attempt_not_started`). All in one
 * transaction: a failure finishes none.
 */
export async function finishAttempts(db: Db, runtime: Runtime, actor: Actor, ids: string[]): Promise<{ finished: Array<{ _id: string; status: AttemptStatus }> }> {
  return db.transaction(async (tx) => {
    const records = await lockAttempts(tx, actor, ids);
    checkStatuses(records, ids, ['started'], 'attempt_not_started', 'Only started attempts can be finished');
    const now = new Date();
    const finished: Array<{ _id: string; status: AttemptStatus }> = [];
    for (const { attempt } of records) {
      const row = await finishLockedAttempt(tx, runtime, attempt, now);
      finished.push({ _id: row.id, status: row.status });
    }
    return { finished };
  });
}
