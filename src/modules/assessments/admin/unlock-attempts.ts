import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { consumeCredits } from '../../workspace/credits/ledger.js';
import type { CreditType } from '../../workspace/credits/schema.js';
import { assessmentRevisions, attempts } from '../schema.js';
import { hasResult } from './attempt-scope.js';
import { checkEvery, lockAttempts, type Actor } from './bulk-targets.js';
import type { AttemptRecord } from './attempt-view.js';

export interface UnlockResult {
  unlocked: string[];
  already_unlocked: string[];
  /** Attempts of assessments that do not ask for an unlock: nothing to buy. */
  not_required: string[];
  credits_consumed: Record<CreditType, number>;
}

/** soft_skills when the attempt's revision holds a softskill question, hard_skills otherwise. */
async function creditTypes(tx: Tx, records: AttemptRecord[]): Promise<Map<string, CreditType>> {
  const revisionIds = [...new Set(records.map((r) => r.attempt.revisionId).filter((id): id is string => id !== null))];
  const soft = new Set<string>();
  if (revisionIds.length > 0) {
    const rows = await tx
      .select({ id: assessmentRevisions.id, content: assessmentRevisions.content })
      .from(assessmentRevisions)
      .where(and(eq(assessmentRevisions.workspaceId, records[0].attempt.workspaceId), inArray(assessmentRevisions.id, revisionIds)));
    for (const row of rows) if (row.content.questions.some((q) => q.type === 'softskill')) soft.add(row.id);
  }
  return new Map(records.map((r) => [r.attempt.id, r.attempt.revisionId && soft.has(r.attempt.revisionId) ? 'soft_skills' : 'hard_skills']));
}

/**
 * POST /assessments/attempts/bulk/unlock. Every attempt named must have a result (pending,
 * pending_review, finished, blocked or expired after starting), else 409 `attempt_has_no_result`.
 * Each locked one (its assessment has `settings.unlock_required` and it was not unlocked yet)
 * costs one credit from the workspace's ledger — `soft_skills` when its revision holds a softskill
 * question, `hard_skills` otherwise — and gets `unlocked_at`. Already unlocked attempts, and those
 * whose assessment needs no unlock, cost nothing. All in one transaction: when the balance of a
 * type does not cover every attempt, the answer is 402 `insufficient_credits` and nothing is
 * consumed or unlocked. The attempts are locked first, so two unlocks of the same attempt charge once.
 */
export async function unlockAttempts(db: Db, actor: Actor, ids: string[]): Promise<UnlockResult> {
  return db.transaction(async (tx) => {
    const records = await lockAttempts(tx, actor, ids);
    checkEvery(records, ids, (r) => hasResult(r.attempt), 'attempt_has_no_result', 'Only attempts with a result can be unlocked');
    const result: UnlockResult = { unlocked: [], already_unlocked: [], not_required: [], credits_consumed: { hard_skills: 0, soft_skills: 0 } };
    const toUnlock: AttemptRecord[] = [];
    for (const record of records) {
      if (record.attempt.unlockedAt) result.already_unlocked.push(record.attempt.id);
      else if (record.settings.unlock_required !== true) result.not_required.push(record.attempt.id);
      else toUnlock.push(record);
    }
    if (toUnlock.length === 0) return result;
    const types = await creditTypes(tx, toUnlock);
    const needed = { hard_skills: 0, soft_skills: 0 };
    for (const record of toUnlock) needed[types.get(record.attempt.id)!] += 1;
    try {
      for (const record of toUnlock) {
        await consumeCredits(tx, actor.tenant, {
          type: types.get(record.attempt.id)!,
          amount: 1,
          authorId: actor.actorId,
          related: { type: 'attempt', id: record.attempt.id },
          note: 'Attempt result unlocked',
        });
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'insufficient_credits') {
        const asked = Object.entries(needed).filter(([, n]) => n > 0).map(([type, n]) => `${n} ${type}`).join(' and ');
        throw new AppError(402, 'insufficient_credits', `Unlocking these attempts needs ${asked} credits; the balance does not cover it, nothing was unlocked`);
      }
      throw error;
    }
    const now = new Date();
    const unlockIds = toUnlock.map((r) => r.attempt.id);
    await tx.update(attempts).set({ unlockedAt: now, updated: now }).where(and(eq(attempts.workspaceId, actor.tenant.workspaceId), inArray(attempts.id, unlockIds)));
    result.unlocked = unlockIds;
    result.credits_consumed = needed;
    return result;
  });
}
