import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { AppError, badRequest } from '../../../platform/errors.js';
import { assessments, attempts } from '../schema.js';
import { attemptScope } from './attempt-scope.js';
import type { Actor } from './bulk-targets.js';

export const slotMinutes = 30;
export const maxScheduledAssessments = 50;
export const defaultBatchSize = 30;

export interface ScheduleInput {
  assessment_ids: string[];
  start_at?: string;
  batch_size?: number;
}

export interface Slot {
  start: string;
  count: number;
}

/**
 * The open time of the n-th attempt (from 0): consecutive 30-minute slots from `start`, `batchSize`
 * attempts a slot — attempt n opens at start + floor(n / batchSize) × 30 min.
 */
export function slotOf(start: Date, index: number, batchSize: number): Date {
  return new Date(start.getTime() + Math.floor(index / batchSize) * slotMinutes * 60_000);
}

/**
 * POST /assessments/attempts/bulk/schedule: the draft and invited attempts of up to 50 assessments
 * that have no open time yet get one, spread over consecutive 30-minute slots from `start_at`
 * (default now), `batch_size` (1..100, default 30) per slot, in the order of the assessment ids
 * given and then of creation; they become `scheduled`. Attempts already scheduled, or that already
 * have a custom_time_open, are skipped. An assessment id that is not the workspace's is a 404 for
 * the whole request. One transaction.
 */
export async function scheduleAttempts(db: Db, actor: Actor, input: ScheduleInput) {
  const ids = [...new Set(input.assessment_ids)];
  if (ids.length === 0) throw badRequest('assessment_ids_required', 'Name at least one assessment', 'body/assessment_ids');
  if (ids.length > maxScheduledAssessments) throw badRequest('too_many_assessments', `At most ${maxScheduledAssessments} assessments`, 'body/assessment_ids');
  const batchSize = input.batch_size ?? defaultBatchSize;
  const start = input.start_at ? new Date(input.start_at) : new Date();
  if (Number.isNaN(start.getTime())) throw badRequest('invalid_date', 'start_at is not a date', 'body/start_at');
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.workspaceId, actor.tenant.workspaceId), inArray(assessments.id, ids)));
    const known = new Set(found.map((row) => row.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) {
      throw new AppError(404, 'assessment_not_found', 'Assessment not found', [{ field: `body/assessment_ids/${input.assessment_ids.indexOf(missing)}`, message: 'not an assessment here' }]);
    }
    const candidates = await tx
      .select({ id: attempts.id, assessmentId: attempts.assessmentId })
      .from(attempts)
      .where(and(attemptScope(actor.tenant), inArray(attempts.assessmentId, ids), inArray(attempts.status, ['draft', 'invited']), isNull(attempts.customTimeOpen)))
      .orderBy(asc(attempts.created), asc(attempts.id))
      .for('update', { of: attempts });
    const order = new Map(ids.map((id, i) => [id, i]));
    candidates.sort((a, b) => order.get(a.assessmentId)! - order.get(b.assessmentId)!);
    const slots = new Map<number, { start: Date; ids: string[] }>();
    for (const [index, candidate] of candidates.entries()) {
      const open = slotOf(start, index, batchSize);
      const slot = slots.get(open.getTime()) ?? { start: open, ids: [] };
      slot.ids.push(candidate.id);
      slots.set(open.getTime(), slot);
    }
    const now = new Date();
    for (const slot of slots.values()) {
      await tx
        .update(attempts)
        .set({ status: 'scheduled', customTimeOpen: slot.start, updated: now })
        .where(and(eq(attempts.workspaceId, actor.tenant.workspaceId), inArray(attempts.id, slot.ids)));
    }
    const skipped = await tx
      .select({ id: attempts.id })
      .from(attempts)
      .where(and(attemptScope(actor.tenant), inArray(attempts.assessmentId, ids), eq(attempts.status, 'scheduled')));
    return { scheduled: candidates.length, already_scheduled: skipped.length - candidates.length, batch_size: batchSize, slots: [...slots.values()].map((slot): Slot => ({ start: slot.start.toISOString(), count: slot.ids.length })) };
  });
}
