import { and, asc, eq, sql } from 'drizzle-orm';
import { preparedPerDb, type Db, type DbOrTx } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import { isId } from '../../../platform/ids.js';
import { users } from '../../identity/schema.js';
import { memberships, subaccounts } from '../../identity/workspaces/schema.js';
import { subaccountScope, visibleSubaccountIds, type ScopedTenant } from '../scope.js';
import { memberDisplayName } from '../employees/member-name.js';

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

// A GET by id is the hottest read: both statements are prepared (see preparedPerDb).
const visibleSubaccount = preparedPerDb((db) =>
  db
    .select()
    .from(subaccounts)
    .where(
      and(
        eq(subaccounts.workspaceId, sql.placeholder('workspaceId')),
        eq(subaccounts.id, sql.placeholder('id')),
        sql`(${sql.placeholder('visible')}::varchar(24)[] is null or ${subaccounts.id} = any(${sql.placeholder('visible')}::varchar(24)[]))`,
      ),
    )
    .prepare('subaccount_visible'),
);

const peopleOfSubaccount = preparedPerDb((db) =>
  db
    .select({ _id: users.id, displayName: memberDisplayName, email: users.email, roles: memberships.roles, status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, sql.placeholder('workspaceId')), sql`${sql.placeholder('id')} = any(${memberships.subaccountIds})`))
    .orderBy(asc(memberships.userId))
    .prepare('subaccount_people'),
);

/** `{_id, name, department, region, created, user_ids, users}` as in the seed's "Get subaccount". */
export async function getSubaccount(db: Db, tenant: ScopedTenant, id: string) {
  if (!isId(id)) throw notFound('Subaccount');
  const { workspaceId } = tenant;
  const [subaccount] = await visibleSubaccount(db).execute({ workspaceId, id, visible: visibleSubaccountIds(tenant) ?? null });
  if (!subaccount) throw notFound('Subaccount');
  const people = await peopleOfSubaccount(db).execute({ workspaceId, id });
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
