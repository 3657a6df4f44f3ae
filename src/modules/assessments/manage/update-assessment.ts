import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessments, type AssessmentRow } from '../schema.js';
import { assessmentChanges, type AssessmentInput } from './assessment-input.js';
import { findAssessment } from './find-assessment.js';

/** Changes the fields sent (PUT with partial bodies: fields left out stay), under a row lock. */
export async function updateAssessment(db: DbOrTx, tenant: ScopedTenant, id: string, input: AssessmentInput): Promise<AssessmentRow> {
  return db.transaction(async (tx) => {
    const current = await findAssessment(tx, tenant, id, { forUpdate: true });
    const changes = await assessmentChanges(tx, tenant, input, current);
    const [row] = await tx
      .update(assessments)
      .set({ ...changes, updated: new Date() })
      .where(and(eq(assessments.workspaceId, tenant.workspaceId), eq(assessments.id, id)))
      .returning();
    return row;
  });
}
