import { and, eq, inArray, isNotNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { visibleSubaccountIds, type ScopedTenant } from '../../workspace/scope.js';
import { attempts, type AttemptStatus } from '../schema.js';

/**
 * What a request may see of attempts: its workspace, and when it is scoped by x-subaccount-id or
 * its caller is confined to subaccounts, only attempts tagged with one of those subaccounts (as
 * employees are scoped).
 */
export function attemptScope(tenant: ScopedTenant): SQL {
  const ids = visibleSubaccountIds(tenant);
  return and(eq(attempts.workspaceId, tenant.workspaceId), ids ? sql`${attempts.subaccountIds} && ${sql.param(ids)}::varchar(24)[]` : undefined) as SQL;
}

/** Statuses of attempts that have a result to read. */
export const resultStatuses: AttemptStatus[] = ['pending', 'pending_review', 'finished', 'blocked'];

/**
 * `grouping`: `results` are attempts with something to read — pending, pending_review, finished,
 * blocked, and expired ones the candidate had started; `invited` is every other attempt (draft,
 * invited, scheduled, started, expired before starting). The two split every attempt in two.
 */
export type Grouping = 'results' | 'invited';

/** The same rule in code, for one attempt. */
export function hasResult(attempt: { status: AttemptStatus; started: Date | null }): boolean {
  return resultStatuses.includes(attempt.status) || (attempt.status === 'expired' && attempt.started !== null);
}

const withResult = () => or(inArray(attempts.status, resultStatuses), and(eq(attempts.status, 'expired'), isNotNull(attempts.started))) as SQL;

export function groupingCondition(grouping: Grouping): SQL {
  if (grouping === 'results') return withResult();
  return and(notInArray(attempts.status, resultStatuses), or(sql`${attempts.status} <> 'expired'`, sql`${attempts.started} is null`)) as SQL;
}
