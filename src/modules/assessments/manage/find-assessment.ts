import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { visibleSubaccountIds, type ScopedTenant } from '../../workspace/scope.js';
import { assessments, type AssessmentRow } from '../schema.js';

/**
 * The assessments a request may see: the workspace's, and under x-subaccount-id (or for a caller
 * confined to subaccounts) only those that belong to one of its subaccounts.
 */
export function assessmentScope(tenant: ScopedTenant): SQL {
  const ids = visibleSubaccountIds(tenant);
  return and(
    eq(assessments.workspaceId, tenant.workspaceId),
    ids ? sql`${assessments.subaccountIds} && ${sql.param(ids)}::varchar(24)[]` : undefined,
  ) as SQL;
}

/** The id is not echoed: a 404 must not tell another workspace what it asked about. */
export const assessmentNotFound = (field = 'params/id') =>
  new AppError(404, 'assessment_not_found', 'Assessment not found', [{ field, message: 'not an assessment of this workspace' }]);

/** One assessment the request may see, else a 404; `forUpdate` locks the row in a transaction. */
export async function findAssessment(db: DbOrTx, tenant: ScopedTenant, id: string, options: { forUpdate?: boolean } = {}): Promise<AssessmentRow> {
  const query = db.select().from(assessments).where(and(assessmentScope(tenant), eq(assessments.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw assessmentNotFound();
  return row;
}
