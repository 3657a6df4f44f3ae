import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import { isId } from '../../../platform/ids.js';
import { users } from '../../identity/schema.js';
import { memberships, subaccounts } from '../schema.js';
import { subaccountScope, type ScopedTenant } from '../scope.js';

export type Subaccount = typeof subaccounts.$inferSelect;

/** The subaccount when the request may see it; 404 otherwise (also for another workspace's id). */
export async function findSubaccount(db: DbOrTx, tenant: ScopedTenant, id: string): Promise<Subaccount> {
  if (!isId(id)) throw notFound('Subaccount');
  const [row] = await db
    .select()
    .from(subaccounts)
    .where(and(eq(subaccounts.workspaceId, tenant.workspaceId), eq(subaccounts.id, id), subaccountScope(tenant)));
  if (!row) throw notFound('Subaccount');
  return row;
}

/** `{_id, name, department, region, created, user_ids, users}` as in the seed's "Get subaccount". */
export async function getSubaccount(db: DbOrTx, tenant: ScopedTenant, id: string) {
  const subaccount = await findSubaccount(db, tenant, id);
  const people = await db
    .select({ _id: users.id, displayName: users.displayName, email: users.email, roles: memberships.roles, status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, tenant.workspaceId), sql`${subaccount.id} = any(${memberships.subaccountIds})`))
    .orderBy(asc(memberships.userId));
  return {
    _id: subaccount.id,
    name: subaccount.name,
    department: subaccount.department,
    region: subaccount.region,
    created: subaccount.created.toISOString(),
    updated: subaccount.updated.toISOString(),
    user_ids: people.map((p) => p._id),
    users: people,
  };
}
