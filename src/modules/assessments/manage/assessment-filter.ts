import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { jsonLogicFilter, type FilterFields } from '../../../platform/filters/json-logic.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { searchAny } from '../../workspace/search.js';
import { assessments, type AssessmentStatus } from '../schema.js';
import { assessmentScope } from './find-assessment.js';

const careerId = sql`(${assessments.career} ->> '_id')`;

/** The JSONLogic fields of GET /assessments (catalog §3 item 2), plus dates, name and tags. */
export const assessmentFilterFields: FilterFields = {
  status: { column: assessments.status, type: 'text' },
  author: { column: assessments.authorId, type: 'text' },
  skills: { column: assessments.skillIds, type: 'text[]' },
  language: { column: assessments.language, type: 'text' },
  career: { column: careerId, type: 'text' },
  company: { column: assessments.workspaceId, type: 'text' },
  name: { column: assessments.name, type: 'text' },
  tags: { column: assessments.tags, type: 'text[]' },
  created: { column: assessments.created, type: 'date' },
  updated: { column: assessments.updated, type: 'date' },
};

export interface AssessmentFilter {
  _id?: string[];
  skills?: string[];
  author?: string[];
  language?: string[];
  career?: string[];
  status?: AssessmentStatus;
  search?: string;
  /** base64 JSONLogic */
  query?: string;
}

const nonEmpty = (values: string[] | undefined) => (values && values.length > 0 ? values : undefined);

/** Tenant, subaccount scope and the request's filters over the assessments table. */
export function assessmentWhere(tenant: ScopedTenant, filter: AssessmentFilter): SQL {
  const ids = nonEmpty(filter._id);
  const skillIds = nonEmpty(filter.skills);
  const authors = nonEmpty(filter.author);
  const languages = nonEmpty(filter.language);
  const careers = nonEmpty(filter.career);
  return and(
    assessmentScope(tenant),
    ids ? inArray(assessments.id, ids) : undefined,
    skillIds ? sql`${assessments.skillIds} && ${sql.param(skillIds)}::varchar(24)[]` : undefined,
    authors ? inArray(assessments.authorId, authors) : undefined,
    languages ? sql`${assessments.language} = any(${sql.param(languages)}::text[])` : undefined,
    careers ? sql`${careerId} = any(${sql.param(careers)}::text[])` : undefined,
    filter.status ? eq(assessments.status, filter.status) : undefined,
    searchAny(filter.search, [assessments.name, assessments.description]),
    jsonLogicFilter(filter.query, assessmentFilterFields),
  ) as SQL;
}
