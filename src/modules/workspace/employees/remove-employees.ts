import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { users } from '../../identity/schema.js';
import { memberships } from '../../identity/workspaces/schema.js';
import type { ScopedTenant } from '../scope.js';
import { findEmployee } from './employee-view.js';
import { checkGrant, keepAnAdmin, type GrantingTenant } from './grants.js';
import { unusedAccount } from './unused-account.js';

export interface Removal {
  _id: string;
  /** Also delete the account, when it is an unused stub (see unused-account.ts) in no other workspace. */
  deleteAccount?: boolean;
}

export interface Removed {
  _id: string;
  removed: true;
  /** true when the account itself was deleted; false when kept (not asked, used by its owner, or in another workspace). */
  account_deleted: boolean;
}

/**
 * Removes people from the workspace in one transaction (all or none). Deleting an account needs
 * manage_user and happens only for an account this workspace added and nobody ever used, in no
 * other workspace: anyone's account can be added as an employee, so membership alone proves no
 * right over it. Otherwise the account stays and `account_deleted` says so.
 */
export async function removeEmployees(db: Db, tenant: ScopedTenant & GrantingTenant, removals: Removal[], fieldOf = (i: number) => `body/users/${i}/_id`): Promise<Removed[]> {
  if (removals.some((r) => r.deleteAccount) && !tenant.permissions.has('manage_user')) {
    throw forbidden('Deleting accounts needs the manage_user permission', 'missing_permission');
  }
  return db.transaction(async (tx) => {
    const employees = [];
    for (const [i, removal] of removals.entries()) {
      const where = fieldOf(i);
      const employee = await findEmployee(tx, tenant, removal._id).catch((error: unknown) => {
        if (error instanceof AppError && error.statusCode === 404) {
          throw new AppError(404, error.code, error.message, [{ field: where, message: `${where} is not an employee of this workspace` }]);
        }
        throw error;
      });
      checkGrant(tenant, { currentRole: employee.roles }, where);
      employees.push(employee);
    }
    const ids = [...new Set(employees.map((e) => e.id))];
    if (employees.some((e) => e.roles === 'admin' && e.status === 'active')) await keepAnAdmin(tx, tenant.workspaceId, ids);
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, tenant.workspaceId), inArray(memberships.userId, ids)));
    const deleteIds = [...new Set(removals.filter((r) => r.deleteAccount).map((r) => r._id))];
    const deleted = new Set<string>();
    if (deleteIds.length) {
      const rows = await tx
        .delete(users)
        .where(and(inArray(users.id, deleteIds), unusedAccount(), sql`not exists (select 1 from ${memberships} where ${memberships.userId} = ${users.id})`))
        .returning({ id: users.id });
      rows.forEach((r) => deleted.add(r.id));
    }
    return ids.map((id) => ({ _id: id, removed: true as const, account_deleted: deleted.has(id) }));
  });
}
