import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { forbidden } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { subaccounts } from '../../identity/workspaces/schema.js';
import type { ScopedTenant } from '../scope.js';
import { confinementError, isConfined } from '../confinement.js';
import { checkMembers, checkNoneLeftWithout, setSubaccountMembers } from './members.js';
import { findSubaccount, type Subaccount } from './subaccount-view.js';

export interface SubaccountInput {
  name: string;
  department?: string | null;
  region?: string | null;
  /** Employees of the subaccount; when given it replaces the current set. */
  user_ids?: string[];
}

export async function createSubaccount(db: Db, tenant: ScopedTenant, input: SubaccountInput): Promise<Subaccount> {
  // A caller confined to some subaccounts could not see a new one: creating them is a workspace-wide act.
  if (tenant.allowedSubaccountIds.length > 0) throw forbidden('Only workspace-wide members may create subaccounts');
  return db.transaction(async (tx) => {
    await checkMembers(tx, tenant, input.user_ids ?? [], 'body/user_ids');
    const [subaccount] = await tx
      .insert(subaccounts)
      .values({ workspaceId: tenant.workspaceId, id: newId(), name: input.name.trim(), department: input.department ?? null, region: input.region ?? null })
      .returning();
    if (input.user_ids?.length) await setSubaccountMembers(tx, tenant.workspaceId, subaccount.id, input.user_ids);
    return subaccount;
  });
}

/** A confined caller stays in the subaccounts they are confined to: leaving one narrows their own reach for good. */
function checkStaysIn(tenant: ScopedTenant, actorId: string | null, id: string, userIds: string[]): void {
  if (!isConfined(tenant) || !actorId || !tenant.allowedSubaccountIds.includes(id)) return;
  if (!userIds.includes(actorId)) throw confinementError('You may not take yourself out of a subaccount you are confined to', 'body/user_ids');
}

export async function updateSubaccount(db: Db, tenant: ScopedTenant, actorId: string | null, id: string, input: SubaccountInput): Promise<{ redirect_to: string }> {
  await db.transaction(async (tx) => {
    await findSubaccount(tx, tenant, id);
    if (input.user_ids) {
      checkStaysIn(tenant, actorId, id, input.user_ids);
      await checkMembers(tx, tenant, input.user_ids, 'body/user_ids');
      await checkNoneLeftWithout(tx, tenant.workspaceId, id, input.user_ids, 'body/user_ids');
    }
    await tx
      .update(subaccounts)
      .set({
        name: input.name.trim(),
        ...(input.department !== undefined ? { department: input.department } : {}),
        ...(input.region !== undefined ? { region: input.region } : {}),
        updated: sql`now()`,
      })
      .where(and(eq(subaccounts.workspaceId, tenant.workspaceId), eq(subaccounts.id, id)));
    if (input.user_ids) await setSubaccountMembers(tx, tenant.workspaceId, id, input.user_ids);
  });
  // The seed answers where the web app should go next: the subaccount's page.
  return { redirect_to: `/assessments/workspace/subaccounts/${id}` };
}

/**
 * Deletes the subaccount and takes it off every employee, unless it is someone's last one (409).
 * A confined caller sees only the subaccounts they are confined to, and deleting one of those
 * would free them from it: like creating, deleting is a workspace-wide act.
 */
export async function removeSubaccount(db: Db, tenant: ScopedTenant, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await findSubaccount(tx, tenant, id);
    if (isConfined(tenant)) throw forbidden('Only workspace-wide members may delete subaccounts', 'subaccount_confinement');
    await checkNoneLeftWithout(tx, tenant.workspaceId, id, [], 'params/subId');
    await setSubaccountMembers(tx, tenant.workspaceId, id, []);
    await tx.delete(subaccounts).where(and(eq(subaccounts.workspaceId, tenant.workspaceId), eq(subaccounts.id, id)));
  });
}
