import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { conflict, notFound } from '../../../platform/errors.js';
import type { Tenant } from '../../../platform/http/request-context.js';
import { attempts, type AttemptRow, type AttemptStatus } from '../schema.js';

export type AttemptTenant = Pick<Tenant, 'workspaceId' | 'subaccountId' | 'allowedSubaccountIds'>;

/** Attempts a request may reach: its workspace's, and with x-subaccount-id or a confined caller only those of the subaccounts. */
export function attemptScope(tenant: AttemptTenant): SQL {
  const visible = tenant.subaccountId ? [tenant.subaccountId] : tenant.allowedSubaccountIds;
  const workspace = eq(attempts.workspaceId, tenant.workspaceId);
  if (visible.length === 0) return workspace;
  return and(workspace, sql`${attempts.subaccountIds} && ${sql.param(visible)}::varchar(24)[]`)!;
}

/** Statuses of an attempt the candidate has handed in (or that was closed): the ones that carry a score. */
export const scoredStatuses: readonly AttemptStatus[] = ['pending', 'pending_review', 'finished', 'blocked', 'expired'];

/** The attempt, locked for the rest of the transaction; 404 when the request may not reach it. */
export async function lockAttempt(tx: DbOrTx, tenant: AttemptTenant, attemptId: string): Promise<AttemptRow> {
  const [attempt] = await tx.select().from(attempts).where(and(attemptScope(tenant), eq(attempts.id, attemptId))).for('update');
  if (!attempt) throw notFound('Attempt');
  return attempt;
}

/** 409 unless the attempt has been handed in and opened on a revision. */
export function checkScorable(attempt: AttemptRow): void {
  if (!scoredStatuses.includes(attempt.status) || !attempt.revisionId) {
    throw conflict('attempt_not_submitted', `The attempt is ${attempt.status}: only a handed-in attempt (${scoredStatuses.join(', ')}) has a score to recalculate`);
  }
}
