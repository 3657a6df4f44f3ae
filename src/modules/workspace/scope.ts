import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Tenant } from '../../platform/http/request-context.js';
import { memberships, subaccounts } from '../identity/workspaces/schema.js';

export type ScopedTenant = Pick<Tenant, 'workspaceId' | 'subaccountId' | 'allowedSubaccountIds'>;

/** The subaccounts a request may see: the one it is scoped to, those its caller is confined to, or all. */
export function visibleSubaccountIds(tenant: ScopedTenant): string[] | undefined {
  if (tenant.subaccountId) return [tenant.subaccountId];
  if (tenant.allowedSubaccountIds.length > 0) return tenant.allowedSubaccountIds;
  return undefined;
}

/** Condition on subaccounts for what the request may see (undefined: the whole workspace). */
export function subaccountScope(tenant: ScopedTenant): SQL | undefined {
  const ids = visibleSubaccountIds(tenant);
  return ids ? inArray(subaccounts.id, ids) : undefined;
}

/**
 * Condition on memberships: a request scoped by x-subaccount-id sees only that subaccount's
 * employees; a caller confined to subaccounts sees the employees of any of them.
 */
export function employeeScope(tenant: ScopedTenant): SQL | undefined {
  const ids = visibleSubaccountIds(tenant);
  if (!ids) return undefined;
  return sql`${memberships.subaccountIds} && ${sql.param(ids)}::varchar(24)[]`;
}
