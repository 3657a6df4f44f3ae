import { AppError } from '../../platform/errors.js';
import type { ScopedTenant } from './scope.js';

/**
 * A member confined to subaccounts sees and manages only those; an empty list of subaccounts
 * means the whole workspace. So a confined caller must never produce an empty list (it would
 * widen the person beyond the caller's own reach) nor narrow their own confinement.
 */
export function isConfined(tenant: Pick<ScopedTenant, 'allowedSubaccountIds'>): boolean {
  return tenant.allowedSubaccountIds.length > 0;
}

export function confinementError(message: string, field: string): AppError {
  return new AppError(403, 'subaccount_confinement', message, [{ field, message }]);
}

/** The subaccounts a confined caller gives someone: at least one (of theirs; checkSubaccountRefs checks which). */
export function checkConfinedAssignment(tenant: Pick<ScopedTenant, 'allowedSubaccountIds'>, ids: string[], field: string): void {
  if (isConfined(tenant) && ids.length === 0) {
    throw confinementError('You are confined to subaccounts: an empty list would give the whole workspace; name at least one of yours', field);
  }
}
