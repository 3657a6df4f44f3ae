import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { paginate, type Page, type PageQueryValues } from '../../../platform/paging/paginate.js';
import { memberships, subaccounts } from '../../identity/workspaces/schema.js';
import { subaccountScope, type ScopedTenant } from '../scope.js';
import { searchAny } from '../search.js';

export interface SubaccountListQuery extends PageQueryValues {
  search?: string;
  _id?: string[];
}

const usersCount = sql<number>`(select count(*) from ${memberships} where ${memberships.workspaceId} = ${subaccounts.workspaceId} and ${subaccounts.id} = any(${memberships.subaccountIds}))::int`;

function where(tenant: ScopedTenant, query: SubaccountListQuery): SQL {
  return and(
    eq(subaccounts.workspaceId, tenant.workspaceId),
    subaccountScope(tenant),
    query._id?.length ? inArray(subaccounts.id, query._id) : undefined,
    searchAny(query.search, [subaccounts.name, subaccounts.department, subaccounts.region]),
  ) as SQL;
}

const sortable = { name: subaccounts.name, created: subaccounts.created, updated: subaccounts.updated };

export async function listSubaccounts(db: DbOrTx, tenant: ScopedTenant, query: SubaccountListQuery) {
  const page = await paginate(db, query, {
    fields: {
      _id: subaccounts.id,
      name: subaccounts.name,
      department: subaccounts.department,
      region: subaccounts.region,
      created: subaccounts.created,
      updated: subaccounts.updated,
      users_count: usersCount,
    },
    from: (select) => select.from(subaccounts),
    where: where(tenant, query),
    sortable,
    id: subaccounts.id,
  });
  return {
    ...page,
    docs: page.docs.map((d) => ({ ...d, users_count: Number(d.users_count), created: d.created.toISOString(), updated: d.updated.toISOString() })),
  };
}

export interface SubaccountOptionsPage {
  docs: Array<{ _id: string; name: string }>;
  totalDocs: number;
  totalPages: number;
  page: number;
  pageSize: number;
}

/** The selector variant: only `_id` and `name`, with the seed's smaller paging envelope. */
export async function listSubaccountOptions(db: DbOrTx, tenant: ScopedTenant, query: SubaccountListQuery): Promise<SubaccountOptionsPage> {
  const page: Page<{ _id: string; name: string }> = await paginate(db, { orderBy: 'name', order: 'asc', ...query }, {
    fields: { _id: subaccounts.id, name: subaccounts.name },
    from: (select) => select.from(subaccounts),
    where: where(tenant, query),
    sortable,
    id: subaccounts.id,
  });
  return { docs: page.docs, totalDocs: page.totalDocs, totalPages: page.totalPages, page: page.page, pageSize: page.limit };
}
