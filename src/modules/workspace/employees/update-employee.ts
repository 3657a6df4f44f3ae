import { and, eq, ne, sql } from 'drizzle-orm';
import type { Role } from '../../../platform/config.js';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { isUniqueViolation } from '../../../platform/db/unique-violation.js';
import { conflict } from '../../../platform/errors.js';
import { users } from '../../identity/schema.js';
import { nextSessionVersion, normalizeEmail } from '../../identity/users.js';
import { memberships } from '../schema.js';
import { checkSubaccountRefs } from '../subaccounts/check-subaccounts.js';
import { findEmployee, type EmployeeRow } from './employee-view.js';
import { checkGrant, keepAnAdmin, type GrantingTenant } from './grants.js';
import type { EmployeeStatus } from './labels.js';
import type { ScopedTenant } from '../scope.js';

export interface EmployeeChanges {
  displayName?: string;
  email?: string;
  roles?: Role;
  permissions?: string[];
  /** false = may not sign in (status inactive) unless `status` says otherwise. */
  active?: boolean;
  status?: EmployeeStatus;
  subaccount_ids?: string[];
  external_id?: string | null;
  tags?: string[];
}

type UpdatingTenant = ScopedTenant & GrantingTenant;

function nextStatus(current: EmployeeStatus, changes: EmployeeChanges): EmployeeStatus {
  if (changes.status) return changes.status;
  if (changes.active === false) return 'inactive';
  if (changes.active === true && current === 'inactive') return 'active';
  return current;
}

/**
 * A caller confined to some subaccounts only adds or removes those: the employee keeps the
 * subaccounts the caller cannot see.
 */
function nextSubaccounts(tenant: ScopedTenant, current: string[], requested: string[]): string[] {
  if (tenant.allowedSubaccountIds.length === 0) return [...new Set(requested)];
  const hidden = current.filter((id) => !tenant.allowedSubaccountIds.includes(id));
  return [...new Set([...hidden, ...requested])];
}

async function otherWorkspaces(tx: DbOrTx, workspaceId: string, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.workspaceId, workspaceId)));
  return Number(row.n);
}

/**
 * Name and e-mail are the person's own, shared by every workspace they belong to: an admin may
 * correct them only for someone who belongs to this workspace alone, and the e-mail (the sign-in)
 * only before the person has confirmed it.
 */
async function updateAccount(tx: DbOrTx, workspaceId: string, employee: EmployeeRow, changes: EmployeeChanges): Promise<void> {
  const name = changes.displayName?.trim();
  const email = changes.email ? normalizeEmail(changes.email) : undefined;
  const nameChanged = name !== undefined && name !== '' && name !== employee.displayName;
  const emailChanged = email !== undefined && email !== normalizeEmail(employee.email);
  if (!nameChanged && !emailChanged) return;
  if ((await otherWorkspaces(tx, workspaceId, employee.id)) > 0) {
    throw conflict('shared_account', 'This person also belongs to other workspaces: only they can change their name or e-mail');
  }
  if (emailChanged && employee.confirmedAt) throw conflict('email_confirmed', 'The e-mail is confirmed and used to sign in: only its owner can change it');
  try {
    await tx
      .update(users)
      .set({ ...(nameChanged ? { displayName: name } : {}), ...(emailChanged ? { email, sessionVersion: nextSessionVersion() } : {}), updated: sql`now()` })
      .where(eq(users.id, employee.id));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('email_taken', 'Another account uses this e-mail');
    throw error;
  }
}

export async function updateEmployee(db: Db, tenant: UpdatingTenant, userId: string, changes: EmployeeChanges): Promise<void> {
  await db.transaction(async (tx) => {
    const employee = await findEmployee(tx, tenant, userId);
    const roleChanges = changes.roles !== undefined && changes.roles !== employee.roles;
    const addedPermissions = (changes.permissions ?? []).filter((p) => !employee.permissions.includes(p));
    if (roleChanges || addedPermissions.length) {
      checkGrant(tenant, { currentRole: employee.roles, role: changes.roles, permissions: addedPermissions }, 'body');
    }
    if (changes.subaccount_ids) {
      await checkSubaccountRefs(tx, tenant, changes.subaccount_ids.map((id, j) => ({ id, field: `body/subaccount_ids/${j}` })));
    }
    const status = nextStatus(employee.status, changes);
    const role = changes.roles ?? employee.roles;
    if (employee.roles === 'admin' && employee.status === 'active' && (role !== 'admin' || status !== 'active')) {
      await keepAnAdmin(tx, tenant.workspaceId, [employee.id]);
    }
    await updateAccount(tx, tenant.workspaceId, employee, changes);
    await tx
      .update(memberships)
      .set({
        roles: role,
        status,
        ...(changes.permissions ? { permissions: [...new Set(changes.permissions)] } : {}),
        ...(changes.subaccount_ids ? { subaccountIds: nextSubaccounts(tenant, employee.subaccountIds, changes.subaccount_ids) } : {}),
        ...(changes.external_id !== undefined ? { externalId: changes.external_id } : {}),
        ...(changes.tags ? { tags: [...new Set(changes.tags)] } : {}),
        updated: sql`now()`,
      })
      .where(and(eq(memberships.workspaceId, tenant.workspaceId), eq(memberships.userId, employee.id)));
  });
}
