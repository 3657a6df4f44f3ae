import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { pageRequest, type Page, type PageQueryValues } from '../../../platform/paging/paginate.js';
import { pageOf } from '../../../platform/paging/page-query.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessments, type AssessmentStatus } from '../schema.js';
import { assessmentWhere } from './assessment-filter.js';
import { skillNames } from './assessment-view.js';

export interface UsedSkill {
  _id: string;
  name: string;
  assessments: number;
}

/**
 * The distinct skills of the workspace's assessments, with how many assessments name each, sorted
 * by name (orderBy name or assessments). A workspace uses at most a few thousand skills, so the set
 * is read whole and paged here, which lets `search` match the localized name.
 */
export async function listAssessmentSkills(
  db: DbOrTx,
  tenant: ScopedTenant,
  query: PageQueryValues & { search?: string; status?: AssessmentStatus },
  language: Language,
): Promise<Page<UsedSkill>> {
  const skillId = sql<string>`unnest(${assessments.skillIds})`;
  const rows = await db
    .select({ id: skillId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(assessments)
    .where(assessmentWhere(tenant, { status: query.status }))
    .groupBy(sql`1`);
  const names = await skillNames(db, tenant.workspaceId, rows.map((row) => row.id), language);
  const search = query.search?.trim().toLowerCase();
  const used = rows
    .map((row) => ({ _id: row.id, name: names.get(row.id) ?? row.id, assessments: row.n }))
    .filter((skill) => !search || skill.name.toLowerCase().includes(search));
  const request = pageRequest(query);
  const sign = request.order === 'asc' ? 1 : -1;
  const byCount = request.orderBy === 'assessments';
  used.sort((a, b) => (byCount ? sign * (a.assessments - b.assessments) : 0) || a.name.localeCompare(b.name) || a._id.localeCompare(b._id));
  const offset = request.start.kind === 'offset' ? request.start.offset : 0;
  const page = request.start.kind === 'offset' ? request.start.page : undefined;
  return pageOf(used.slice(offset, offset + request.limit), used.length, request.limit, offset, page);
}
