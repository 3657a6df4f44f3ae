import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { paginate, type Page, type PageQueryValues } from '../../../platform/paging/paginate.js';
import { users } from '../../identity/schema.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessments } from '../schema.js';
import { assessmentWhere, type AssessmentFilter } from './assessment-filter.js';
import { assessmentViews, type AssessmentView } from './assessment-view.js';

export const assessmentSortable = {
  created: assessments.created,
  updated: assessments.updated,
  name: assessments.name,
  status: assessments.status,
  duration: assessments.duration,
};

/** GET /assessments: a page of the workspace's assessments, filtered. */
export async function findAssessments(db: DbOrTx, tenant: ScopedTenant, query: PageQueryValues & AssessmentFilter, language: Language): Promise<Page<AssessmentView>> {
  const page = await paginate(db, query, {
    fields: getTableColumns(assessments),
    from: (select) => select.from(assessments),
    where: assessmentWhere(tenant, query),
    sortable: assessmentSortable,
    id: assessments.id,
  });
  return { ...page, docs: await assessmentViews(db, page.docs, language) };
}

export interface OptionsFilter {
  id?: string;
  search?: string;
  status?: AssessmentFilter['status'];
}

/** GET /assessments/options: id and name only, for pickers. */
export async function assessmentOptions(db: DbOrTx, tenant: ScopedTenant, query: PageQueryValues & OptionsFilter) {
  return paginate(db, query, {
    fields: { _id: assessments.id, name: assessments.name, status: assessments.status },
    from: (select) => select.from(assessments),
    where: and(assessmentWhere(tenant, { search: query.search, status: query.status }), query.id ? eq(assessments.id, query.id) : undefined)!,
    sortable: { name: assessments.name, created: assessments.created, updated: assessments.updated },
    id: assessments.id,
  });
}

/** The distinct authors of the workspace's assessments, with how many each wrote. */
export async function assessmentAuthors(db: DbOrTx, tenant: ScopedTenant) {
  const rows = await db
    .select({ _id: users.id, name: users.displayName, email: users.email, assessments: sql<number>`count(*)`.mapWith(Number) })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.authorId))
    .where(assessmentWhere(tenant, {}))
    .groupBy(users.id, users.displayName, users.email)
    .orderBy(users.displayName, users.id);
  return rows;
}
