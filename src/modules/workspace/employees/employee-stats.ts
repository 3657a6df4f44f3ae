import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { memberships } from '../../identity/workspaces/schema.js';
import { employeeScope, type ScopedTenant } from '../scope.js';

/** `users_count` are the employees who are not admins; the two add up to `total`. */
export async function employeeStats(db: DbOrTx, tenant: ScopedTenant) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      admins: sql<number>`(count(*) filter (where ${memberships.roles} = 'admin'))::int`,
    })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, tenant.workspaceId), employeeScope(tenant)));
  const total = Number(row.total);
  const admins = Number(row.admins);
  return { total, users_count: total - admins, admins_count: admins };
}
