import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { memberships } from '../schema.js';

/** Every id must be an employee of the workspace; the first one that is not is reported by position. */
export async function checkMembers(db: DbOrTx, workspaceId: string, userIds: string[], field: string): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
  const known = new Set(rows.map((r) => r.userId));
  const index = userIds.findIndex((id) => !known.has(id));
  if (index >= 0) {
    const where = `${field}/${index}`;
    throw new AppError(404, 'user_not_found', `User ${userIds[index]} is not an employee of this workspace`, [{ field: where, message: `${where} is not an employee of this workspace` }]);
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
