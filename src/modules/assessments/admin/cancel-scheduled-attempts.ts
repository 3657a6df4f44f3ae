import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { attempts } from '../schema.js';
import { checkStatuses, lockAttempts, type Actor } from './bulk-targets.js';

/**
 * POST /assessments/attempts/bulk/cancel-schedule: scheduled attempts go back to draft and lose
 * their open time. Every attempt named must be scheduled (else 409 `attempt_not_scheduled`, nothing changes).
 */
export async function cancelScheduledAttempts(db: Db, actor: Actor, ids: string[]): Promise<{ cancelled: number }> {
  return db.transaction(async (tx) => {
    const records = await lockAttempts(tx, actor, ids);
    checkStatuses(records, ids, ['scheduled'], 'attempt_not_scheduled', 'Only scheduled attempts can have their schedule cancelled');
    const unique = records.map((r) => r.attempt.id);
    await tx
      .update(attempts)
      .set({ status: 'draft', customTimeOpen: null, updated: new Date() })
      .where(and(eq(attempts.workspaceId, actor.tenant.workspaceId), inArray(attempts.id, unique)));
    return { cancelled: unique.length };
  });
}
