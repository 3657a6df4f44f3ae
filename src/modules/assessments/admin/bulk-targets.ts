import { and, inArray } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { Tenant } from '../../../platform/http/request-context.js';
import { assessments, attempts, type AttemptStatus } from '../schema.js';
import { attemptScope } from './attempt-scope.js';
import { attemptRecordFields, joinAssessment, type AttemptRecord } from './attempt-view.js';

/** Who acts on attempts: the request's tenant (its role decides ownership) and the acting user. */
export interface Actor {
  tenant: Pick<Tenant, 'workspaceId' | 'subaccountId' | 'allowedSubaccountIds' | 'role'>;
  actorId: string | null;
}

/** The most ids one bulk request may name. */
export const maxBulkIds = 1000;

const field = (ids: string[], id: string) => `body/ids/${ids.indexOf(id)}`;

/**
 * Locks the attempts a bulk action names (FOR UPDATE, in id order so two bulk requests cannot
 * deadlock) and answers them in the order of `ids`, duplicates dropped.
 *
 * One rule for every bulk action: the request names only attempts it may see, or nothing is done.
 * An id that is not an attempt of the workspace (or of the request's subaccounts) is a 404 for the
 * whole request, naming the first such id in `details` (`body/ids/<index>`).
 */
export async function lockAttempts(tx: Tx, actor: Actor, ids: string[]): Promise<AttemptRecord[]> {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select(attemptRecordFields)
    .from(attempts)
    .innerJoin(assessments, joinAssessment)
    .where(and(attemptScope(actor.tenant), inArray(attempts.id, unique)))
    .orderBy(attempts.id)
    .for('update', { of: attempts });
  const byId = new Map(rows.map((row) => [row.attempt.id, row]));
  const missing = unique.find((id) => !byId.has(id));
  if (missing !== undefined) throw new AppError(404, 'attempt_not_found', 'Attempt not found', [{ field: field(ids, missing), message: `no attempt ${missing.slice(0, 24)} here` }]);
  return unique.map((id) => byId.get(id)!);
}

/**
 * Updating and deleting attempts: the workspace's admins (and its API keys, which act as admin)
 * touch any attempt; other roles holding the permission only the attempts they invited. Another's
 * attempt is a 403 `attempt_not_owned` for the whole request.
 */
export function checkOwnership(actor: Actor, records: AttemptRecord[], ids: string[]): void {
  if (actor.tenant.role === 'admin') return;
  const foreign = records.find((r) => r.attempt.inviterId === null || r.attempt.inviterId !== actor.actorId);
  if (foreign) {
    const id = foreign.attempt.id;
    throw new AppError(403, 'attempt_not_owned', 'Only admins may change attempts invited by someone else', [{ field: field(ids, id), message: 'invited by someone else' }]);
  }
}

/** Every attempt must pass `test`; otherwise a 409 `code` for the whole request, naming the first that does not. */
export function checkEvery(records: AttemptRecord[], ids: string[], test: (r: AttemptRecord) => boolean, code: string, message: string): void {
  const wrong = records.find((r) => !test(r));
  if (wrong) {
    const { id, status } = wrong.attempt;
    throw new AppError(409, code, message, [{ field: field(ids, id), message: `attempt ${id} is ${status}` }]);
  }
}

/** Every attempt must be in one of `allowed`; otherwise a 409 `code` for the whole request. */
export function checkStatuses(records: AttemptRecord[], ids: string[], allowed: readonly AttemptStatus[], code: string, message: string): void {
  checkEvery(records, ids, (r) => allowed.includes(r.attempt.status), code, message);
}
