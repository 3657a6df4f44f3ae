import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { notFound } from '../../../platform/errors.js';
import { paginate, type Page, type PageQueryValues } from '../../../platform/paging/paginate.js';
import { memberships } from '../../identity/workspaces/schema.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessments, attempts } from '../schema.js';
import { attemptScope } from './attempt-scope.js';
import { attemptFilter, attemptSortable, type AttemptFilter } from './attempt-filter.js';
import { attemptRecordFields, attemptSummary, joinAssessment, type AttemptSummaryView } from './attempt-view.js';

async function pageOfAttempts(db: DbOrTx, query: PageQueryValues & AttemptFilter, where: SQL, language: Language): Promise<Page<AttemptSummaryView>> {
  const page = await paginate(db, query, {
    fields: attemptRecordFields,
    from: (select) => select.from(attempts).innerJoin(assessments, joinAssessment) as unknown as AnyPgSelect,
    where: and(where, attemptFilter(query)) as SQL,
    sortable: attemptSortable,
    id: attempts.id,
  });
  return { ...page, docs: page.docs.map((record) => attemptSummary(record, language)) };
}

/** The assessment must be the workspace's: a foreign one is a 404, not an empty page. */
export async function checkAssessment(db: DbOrTx, tenant: ScopedTenant, assessmentId: string): Promise<void> {
  const [row] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.workspaceId, tenant.workspaceId), eq(assessments.id, assessmentId)));
  if (!row) throw notFound('Assessment');
}

/** GET /assessments/:id/attempts */
export async function listAssessmentAttempts(db: DbOrTx, tenant: ScopedTenant, assessmentId: string, query: PageQueryValues & AttemptFilter, language: Language) {
  await checkAssessment(db, tenant, assessmentId);
  return pageOfAttempts(db, query, and(attemptScope(tenant), eq(attempts.assessmentId, assessmentId)) as SQL, language);
}

/** GET /assessments/participants: attempts of every assessment of the workspace. */
export async function listParticipants(db: DbOrTx, tenant: ScopedTenant, query: PageQueryValues & AttemptFilter, language: Language) {
  return pageOfAttempts(db, query, attemptScope(tenant), language);
}

/**
 * GET /workspace/users/:id/attempts. The person must be known to the workspace — an employee, or
 * the candidate of one of its attempts the request may see — otherwise 404.
 */
export async function listUserAttempts(db: DbOrTx, tenant: ScopedTenant, userId: string, query: PageQueryValues & AttemptFilter, language: Language) {
  const [member] = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, tenant.workspaceId), eq(memberships.userId, userId)));
  const [candidate] = member ? [member] : await db.select({ id: attempts.id }).from(attempts).where(and(attemptScope(tenant), eq(attempts.userId, userId))).limit(1);
  if (!candidate) throw notFound('User');
  return pageOfAttempts(db, query, and(attemptScope(tenant), eq(attempts.userId, userId)) as SQL, language);
}

