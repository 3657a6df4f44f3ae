import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { subaccounts } from '../../identity/workspaces/schema.js';
import { subaccountScope, type ScopedTenant } from '../scope.js';

/**
 * Checks that every referenced subaccount exists and is visible to the request. `refs` pairs each id
 * with the body field that named it, so the 404 says which one is wrong.
 */
export async function checkSubaccountRefs(db: DbOrTx, tenant: ScopedTenant, refs: Array<{ id: string; field: string }>): Promise<void> {
  if (refs.length === 0) return;
  const ids = [...new Set(refs.map((r) => r.id))];
  const rows = await db
    .select({ id: subaccounts.id })
    .from(subaccounts)
    .where(and(eq(subaccounts.workspaceId, tenant.workspaceId), inArray(subaccounts.id, ids), subaccountScope(tenant)));
  const known = new Set(rows.map((r) => r.id));
  const bad = refs.find((r) => !known.has(r.id));
  if (bad) throw new AppError(404, 'subaccount_not_found', `Subaccount ${bad.id} not found`, [{ field: bad.field, message: `${bad.field} is not a subaccount of this workspace` }]);
}
