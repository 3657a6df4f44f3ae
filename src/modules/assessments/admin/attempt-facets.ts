import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { paginate, pageRequest, type PageQueryValues } from '../../../platform/paging/paginate.js';
import { pageOf } from '../../../platform/paging/page-query.js';
import { users } from '../../identity/schema.js';
import { memberships } from '../../identity/workspaces/schema.js';
import { memberDisplayName } from '../../workspace/employees/member-name.js';
import { containsPattern } from '../../workspace/search.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { attempts, attemptStages, attemptStatuses, type AttemptStatus } from '../schema.js';
import { attemptScope } from './attempt-scope.js';
import { attemptFilter, checkStatusOrGrouping, type AttemptFilter } from './attempt-filter.js';
import { checkAssessment } from './list-attempts.js';
import { severities, severityLabel, stageLabel, statusLabel } from './labels.js';

/** GET /assessments/:assessmentId/attempts/ids: the ids in list order (created, newest first by default) for prev/next. */
export async function listAttemptIds(db: DbOrTx, tenant: ScopedTenant, assessmentId: string, query: PageQueryValues & AttemptFilter) {
  await checkAssessment(db, tenant, assessmentId);
  const page = await paginate(db, query, {
    fields: { _id: attempts.id },
    from: (select) => select.from(attempts),
    where: and(attemptScope(tenant), eq(attempts.assessmentId, assessmentId), attemptFilter(query)) as SQL,
    sortable: { created: attempts.created, updated: attempts.updated },
    id: attempts.id,
  });
  return { ...page, docs: page.docs.map((row) => row._id) };
}

export interface FacetFilter {
  assessment?: string[];
  status?: AttemptStatus | AttemptStatus[];
  grouping?: AttemptFilter['grouping'];
  search?: string;
}

function facetWhere(tenant: ScopedTenant, filter: FacetFilter): SQL {
  const statuses = filter.status === undefined ? [] : Array.isArray(filter.status) ? filter.status : [filter.status];
  checkStatusOrGrouping({ status: statuses[0], grouping: filter.grouping });
  return and(
    attemptScope(tenant),
    filter.assessment?.length ? inArray(attempts.assessmentId, filter.assessment) : undefined,
    statuses.length ? inArray(attempts.status, statuses) : undefined,
    attemptFilter({ grouping: filter.grouping }),
  ) as SQL;
}

/** GET /assessments/attempts/tags: the tags of the matching attempts with how many carry each, by tag. */
export async function listAttemptTags(db: DbOrTx, tenant: ScopedTenant, filter: FacetFilter & Pick<PageQueryValues, 'page' | 'pageSize' | 'limit' | 'offset'>) {
  const { limit, start } = pageRequest(filter);
  const offset = start.kind === 'offset' ? start.offset : 0;
  const tag = sql<string>`t.tag`;
  const search = filter.search?.trim();
  const tagged = db
    .select({ tag: sql<string>`unnest(${attempts.tags})`.as('tag') })
    .from(attempts)
    .where(facetWhere(tenant, filter))
    .as('t');
  const matching = search ? sql`${tag} ilike ${containsPattern(search)}` : undefined;
  const rows = limit === 0 ? [] : await db
    .select({ tag, count: count() })
    .from(tagged)
    .where(matching)
    .groupBy(tag)
    .orderBy(asc(tag))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: sql<number>`count(distinct ${tag})`.mapWith(Number) }).from(tagged).where(matching);
  const docs = rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
  return pageOf(docs, total.n, limit, offset, start.kind === 'offset' ? start.page : undefined);
}

/** GET /assessments/attempts/inviters: who invited the matching attempts, most invitations first (at most 200). */
export async function listAttemptInviters(db: DbOrTx, tenant: ScopedTenant, filter: FacetFilter) {
  const name = memberDisplayName;
  const search = filter.search?.trim();
  const rows = await db
    .select({ _id: users.id, name, email: users.email, count: count() })
    .from(attempts)
    .innerJoin(users, eq(users.id, attempts.inviterId))
    .leftJoin(memberships, and(eq(memberships.workspaceId, attempts.workspaceId), eq(memberships.userId, users.id)))
    .where(and(facetWhere(tenant, filter), search ? sql`(${name} ilike ${containsPattern(search)} or ${users.email} ilike ${containsPattern(search)})` : undefined))
    .groupBy(users.id, users.email, name)
    .orderBy(desc(count()), asc(users.id))
    .limit(200);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** GET /assessments/participants/fields: the values participant filters take, with their labels. */
export function participantFields(language: Language) {
  return {
    statuses: attemptStatuses.map((value) => ({ value, label: statusLabel(value, language) })),
    stages: attemptStages.map((value) => ({ value, label: stageLabel(value, language) })),
    severities: severities.map((value) => ({ value, label: severityLabel(value, language) })),
  };
}
