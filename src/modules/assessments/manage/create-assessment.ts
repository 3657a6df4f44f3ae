import type { DbOrTx } from '../../../platform/db/client.js';
import { newId } from '../../../platform/ids.js';
import { visibleSubaccountIds, type ScopedTenant } from '../../workspace/scope.js';
import { assessments, type AssessmentRow } from '../schema.js';
import { assessmentChanges, type AssessmentInput } from './assessment-input.js';

export interface AssessmentActor {
  tenant: ScopedTenant;
  actorId: string | null;
}

/**
 * A new assessment (draft unless the body asks otherwise). Without subaccount_ids it belongs to the
 * subaccounts the request is scoped to (none: the whole workspace). Without a duration it lasts as
 * long as its questions together.
 */
export async function createAssessment(db: DbOrTx, { tenant, actorId }: AssessmentActor, input: AssessmentInput & { name: string }): Promise<AssessmentRow> {
  return db.transaction(async (tx) => {
    const changes = await assessmentChanges(tx, tenant, input, undefined);
    const [row] = await tx
      .insert(assessments)
      .values({
        subaccountIds: visibleSubaccountIds(tenant) ?? [],
        ...changes,
        name: input.name,
        workspaceId: tenant.workspaceId,
        id: newId(),
        authorId: actorId,
      })
      .returning();
    return row;
  });
}
