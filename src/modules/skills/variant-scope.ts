import { and, eq, sql, type SQL } from 'drizzle-orm';
import { visibleSubaccountIds, type ScopedTenant } from '../workspace/scope.js';
import { skillVariants } from './schema.js';

/**
 * The workspace's variants the request may see: those of no subaccount (the whole workspace) and,
 * for a request scoped by x-subaccount-id or a caller confined to subaccounts, those sharing one.
 */
export function variantWhere(tenant: ScopedTenant): SQL {
  const ids = visibleSubaccountIds(tenant);
  const scope = ids
    ? sql`(cardinality(${skillVariants.subaccountIds}) = 0 or ${skillVariants.subaccountIds} && ${sql.param(ids)}::varchar(24)[])`
    : undefined;
  return and(eq(skillVariants.workspaceId, tenant.workspaceId), scope) as SQL;
}

/** The subaccounts a new variant gets when the body names none: the request's subaccount, or the caller's confinement. */
export function defaultSubaccountIds(tenant: ScopedTenant): string[] {
  if (tenant.subaccountId) return [tenant.subaccountId];
  return [...tenant.allowedSubaccountIds];
}
