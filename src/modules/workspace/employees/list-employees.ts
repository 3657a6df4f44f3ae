import { eq } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { paginate, type Page, type PageQueryValues } from '../../../platform/paging/paginate.js';
import { users } from '../../identity/schema.js';
import { memberships } from '../../identity/workspaces/schema.js';
import type { ScopedTenant } from '../scope.js';
import { employeeWhere, type EmployeeFilter } from './employee-filter.js';
import { memberDisplayName } from './member-name.js';
import { employeeFields, employeeView, type EmployeeView } from './employee-view.js';

export const employeeSortable = {
  created: memberships.created,
  updated: memberships.updated,
  displayName: memberDisplayName,
  email: users.email,
  status: memberships.status,
  roles: memberships.roles,
};

export async function listEmployees(db: DbOrTx, tenant: ScopedTenant, query: PageQueryValues & EmployeeFilter, language: Language): Promise<Page<EmployeeView>> {
  const page = await paginate(db, query, {
    fields: employeeFields,
    from: (select) => select.from(memberships).innerJoin(users, eq(users.id, memberships.userId)) as unknown as AnyPgSelect,
    where: employeeWhere(tenant, query),
    sortable: employeeSortable,
    id: memberships.userId,
  });
  return { ...page, docs: page.docs.map((row) => employeeView(row, language)) };
}
