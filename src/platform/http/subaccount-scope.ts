import type { Tenant } from './request-context.js';

/** The subaccount scope a background record was made in: the request's x-subaccount-id and the caller's confinement. */
export interface MadeInScope {
  subaccountId: string | null;
  allowedSubaccountIds: string[];
}

/**
 * Whether the caller's subaccount scope holds a record's: a caller who sees the whole workspace
 * sees every record of it; one confined to subaccounts (or scoped by x-subaccount-id) only records
 * made within those, which can hold no one else's data.
 */
export function scopeHolds(tenant: Pick<Tenant, 'subaccountId' | 'allowedSubaccountIds'>, made: MadeInScope): boolean {
  const visible = tenant.subaccountId ? [tenant.subaccountId] : tenant.allowedSubaccountIds;
  if (visible.length === 0) return true;
  const scope = made.subaccountId ? [made.subaccountId] : made.allowedSubaccountIds;
  return scope.length > 0 && scope.every((id) => visible.includes(id));
}
