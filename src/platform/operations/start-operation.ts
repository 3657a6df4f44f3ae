import type { DbOrTx } from '../db/client.js';
import type { Tenant } from '../http/request-context.js';
import type { Permission } from '../auth/permissions.js';
import { newId } from '../ids.js';
import { operations, type OperationRow } from './schema.js';

/** How long an unfinished operation is kept (a job that never ends is swept then). */
export const unfinishedRetentionDays = 30;

export interface OperationStart {
  tenant: Pick<Tenant, 'workspaceId' | 'subaccountId' | 'allowedSubaccountIds'>;
  type: string;
  /** What a reader must hold: the permission of the route that started it. */
  permission: Permission;
  authorId: string | null;
  /** Items to handle, when known up front. */
  total: number | null;
}

/**
 * Records a queued operation. Call it in the transaction that enqueues its first job step, so
 * the record exists if and only if the job will run; hand the job the operation's id.
 */
export async function startOperation(tx: DbOrTx, start: OperationStart): Promise<OperationRow> {
  const { tenant } = start;
  const [row] = await tx
    .insert(operations)
    .values({
      workspaceId: tenant.workspaceId,
      id: newId(),
      type: start.type,
      permission: start.permission,
      subaccountId: tenant.subaccountId ?? null,
      allowedSubaccountIds: tenant.allowedSubaccountIds,
      authorId: start.authorId,
      total: start.total,
      expires: new Date(Date.now() + unfinishedRetentionDays * 86_400_000),
    })
    .returning();
  return row;
}
