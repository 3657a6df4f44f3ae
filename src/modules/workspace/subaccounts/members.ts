import { and, eq, inArray, not, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { memberships } from '../../identity/workspaces/schema.js';
import { employeeScope, type ScopedTenant } from '../scope.js';

/**
 * Every id must be an employee the request may see (the same view as GET /workspace/users/:id:
 * a confined caller cannot pull in someone from outside their subaccounts); the first one that
 * is not is reported by position.
 */
export async function checkMembers(db: DbOrTx, tenant: ScopedTenant, userIds: string[], field: string): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, tenant.workspaceId), inArray(memberships.userId, userIds), employeeScope(tenant)));
  const known = new Set(rows.map((r) => r.userId));
  const index = userIds.findIndex((id) => !known.has(id));
  if (index >= 0) {
    const where = `${field}/${index}`;
    throw new AppError(404, 'user_not_found', `User ${userIds[index]} is not an employee of this workspace`, [{ field: where, message: `${where} is not an employee of this workspace` }]);
  }
}

/**
 * Refuses (409) to take the subaccount off anyone for whom it is the last one: an employee with no
 * subaccount is workspace-wide, so losing the last one would widen what they see rather than
 * narrow it. The rows are locked first, so two removals of someone's last two subaccounts cannot
 * both pass. `keep` are the employees that stay in the subaccount.
 */
export async function checkNoneLeftWithout(db: DbOrTx, workspaceId: string, subaccountId: string, keep: string[], field: string): Promise<void> {
  const leaving = await db
    .select({ userId: memberships.userId, subaccountIds: memberships.subaccountIds })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        sql`${subaccountId} = any(${memberships.subaccountIds})`,
        keep.length > 0 ? not(inArray(memberships.userId, keep)) : undefined,
      ),
    )
    .orderBy(memberships.userId)
    .for('update');
  const stranded = leaving.find((row) => row.subaccountIds.every((id) => id === subaccountId));
  if (stranded) {
    const message = `Subaccount ${subaccountId} is the only one of employee ${stranded.userId}: give them another subaccount first`;
    throw new AppError(409, 'last_subaccount', message, [{ field, message }]);
  }
}

/**
 * Makes exactly `userIds` the employees of the subaccount: adds it to those listed, removes it
 * from the others. Each row is changed by one atomic statement, so concurrent edits of other
 * subaccounts on the same employee are not lost.
 */
export async function setSubaccountMembers(db: DbOrTx, workspaceId: string, subaccountId: string, userIds: string[]): Promise<void> {
  const tagged = sql`${subaccountId} = any(${memberships.subaccountIds})`;
  if (userIds.length > 0) {
    await db
      .update(memberships)
      .set({ subaccountIds: sql`array_append(${memberships.subaccountIds}, ${subaccountId}::varchar(24))`, updated: sql`now()` })
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds), sql`not (${tagged})`));
  }
  await db
    .update(memberships)
    .set({ subaccountIds: sql`array_remove(${memberships.subaccountIds}, ${subaccountId}::varchar(24))`, updated: sql`now()` })
    .where(and(eq(memberships.workspaceId, workspaceId), tagged, userIds.length > 0 ? sql`not (${inArray(memberships.userId, userIds)})` : undefined));
}
