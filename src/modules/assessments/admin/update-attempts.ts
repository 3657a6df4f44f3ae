import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { AppError, badRequest } from '../../../platform/errors.js';
import { attempts, type AttemptStage } from '../schema.js';
import { checkOwnership, lockAttempts, type Actor } from './bulk-targets.js';

export interface AttemptChanges {
  ids: string[];
  stage?: AttemptStage;
  invitation_date_expire?: string | null;
  deadline?: string | null;
  custom_time_open?: string | null;
  custom_time_close?: string | null;
  reason?: string;
  integrity_settings?: object;
  hidden_results?: boolean;
}

const windowFields = ['invitation_date_expire', 'deadline', 'custom_time_open', 'custom_time_close'] as const;
const changeFields = ['stage', ...windowFields, 'integrity_settings', 'hidden_results'] as const;

function dateOf(value: string | null | undefined, field: string): Date | null | undefined {
  if (value === undefined || value === null) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badRequest('invalid_date', `${field} is not a date`, `body/${field}`);
  return date;
}

/**
 * PATCH /assessments/attempts/bulk: sets the fields sent on every attempt named, in one
 * transaction. A window field sent as null clears it. After the change each attempt's
 * custom_time_close must be after its custom_time_open (400 naming body/custom_time_close). A
 * started attempt's server deadline (`ends_at`) is recomputed from the new window:
 * min(started + duration, custom_time_close, deadline). `reason` is kept as the attempt's
 * `reopen_reason`. Answers how many attempts changed.
 */
export async function updateAttempts(db: Db, actor: Actor, changes: AttemptChanges): Promise<{ updated: number }> {
  if (!changeFields.some((f) => changes[f] !== undefined)) {
    throw badRequest('nothing_to_update', `Send at least one of ${changeFields.join(', ')}`, 'body');
  }
  const dates = {
    invitationDateExpire: dateOf(changes.invitation_date_expire, 'invitation_date_expire'),
    deadline: dateOf(changes.deadline, 'deadline'),
    customTimeOpen: dateOf(changes.custom_time_open, 'custom_time_open'),
    customTimeClose: dateOf(changes.custom_time_close, 'custom_time_close'),
  };
  return db.transaction(async (tx) => {
    const records = await lockAttempts(tx, actor, changes.ids);
    checkOwnership(actor, records, changes.ids);
    for (const { attempt } of records) {
      const open = dates.customTimeOpen === undefined ? attempt.customTimeOpen : dates.customTimeOpen;
      const close = dates.customTimeClose === undefined ? attempt.customTimeClose : dates.customTimeClose;
      if (open && close && close.getTime() <= open.getTime()) {
        throw new AppError(400, 'invalid_window', 'custom_time_close must be after custom_time_open', [
          { field: 'body/custom_time_close', message: `must be after custom_time_open (attempt ${attempt.id})` },
        ]);
      }
    }
    const set: Partial<typeof attempts.$inferInsert> = { updated: new Date() };
    if (changes.stage !== undefined) set.stage = changes.stage;
    if (changes.integrity_settings !== undefined) set.integritySettings = changes.integrity_settings as Record<string, unknown>;
    if (changes.hidden_results !== undefined) set.hiddenResults = changes.hidden_results;
    if (changes.reason !== undefined) set.reopenReason = changes.reason;
    for (const [key, value] of Object.entries(dates)) if (value !== undefined) (set as Record<string, unknown>)[key] = value;
    const ids = records.map((r) => r.attempt.id);
    await tx.update(attempts).set(set).where(and(eq(attempts.workspaceId, actor.tenant.workspaceId), inArray(attempts.id, ids)));
    if (windowFields.some((f) => changes[f] !== undefined)) {
      await tx
        .update(attempts)
        .set({ endsAt: sql`least(${attempts.started} + ${attempts.durationSeconds} * interval '1 second', ${attempts.customTimeClose}, ${attempts.deadline})` })
        .where(and(eq(attempts.workspaceId, actor.tenant.workspaceId), inArray(attempts.id, ids), eq(attempts.status, 'started')));
    }
    return { updated: ids.length };
  });
}
