import { and, eq, ne, sql } from 'drizzle-orm';
import type { Role } from '../../../platform/config.js';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { isUniqueViolation } from '../../../platform/db/unique-violation.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { users } from '../../identity/schema.js';
import { nextSessionVersion, normalizeEmail } from '../../identity/users.js';
import { memberships } from '../../identity/workspaces/schema.js';
import { checkSubaccountRefs } from '../subaccounts/check-subaccounts.js';
import { checkConfinedAssignment, confinementError, isConfined } from '../confinement.js';
import { findEmployee, type EmployeeRow } from './employee-view.js';
import { checkGrant, keepAnAdmin, type GrantingTenant } from './grants.js';
import type { EmployeeStatus } from './labels.js';
import type { ScopedTenant } from '../scope.js';
import { unusedAccount } from './unused-account.js';

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

/**
 * A confined caller keeps their own confinement: taking one of their subaccounts off themselves
 * is refused (an empty list is refused before, by checkConfinedAssignment).
 */
function checkOwnSubaccounts(tenant: ScopedTenant, actorId: string | null, employee: EmployeeRow, next: string[]): void {
  if (!isConfined(tenant) || employee.id !== actorId) return;
  if (employee.subaccountIds.some((id) => !next.includes(id))) {
    throw confinementError('You may not take your own subaccounts off yourself', 'body/subaccount_ids');
  }
}

/**
 * The sign-in e-mail decides where password resets go: rewriting it hands the account to whoever
 * reads the new mailbox. So a workspace may correct it only on an account nobody has used yet.
 */
async function checkEmailChangeable(tx: DbOrTx, userId: string): Promise<void> {
  const [stub] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), unusedAccount())).for('update');
  if (!stub) {
    const message = 'This account is in use (password, sign-in or linked identity): only its owner can change its e-mail';
    throw new AppError(403, 'email_change_forbidden', message, [{ field: 'body/email', message }]);
  }
}

async function otherWorkspaces(tx: DbOrTx, workspaceId: string, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.workspaceId, workspaceId)));
  return Number(row.n);
}

/**
 * The e-mail is the person's own sign-in, shared by every workspace they belong to: an admin may
 * correct it only for someone who belongs to this workspace alone, on an unused account, before the
 * person has confirmed it. (The name is this workspace's own: see memberNameChange.)
 */
async function updateEmail(tx: DbOrTx, workspaceId: string, employee: EmployeeRow, changes: EmployeeChanges): Promise<void> {
  const email = changes.email ? normalizeEmail(changes.email) : undefined;
  if (email === undefined || email === normalizeEmail(employee.email)) return;
  await checkEmailChangeable(tx, employee.id);
  if ((await otherWorkspaces(tx, workspaceId, employee.id)) > 0) {
    throw conflict('shared_account', 'This person also belongs to other workspaces: only they can change their e-mail');
  }
  if (employee.confirmedAt) throw conflict('email_confirmed', 'The e-mail is confirmed and used to sign in: only its owner can change it');
  try {
    await tx
      .update(users)
      .set({ email, sessionVersion: nextSessionVersion(), updated: sql`now()` })
      .where(eq(users.id, employee.id));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('email_taken', 'Another account uses this e-mail');
    throw error;
  }
}

/**
 * What this workspace calls the person is its own data, kept on the membership whatever other
 * workspaces the person is in; a new display name drops the first and last name it replaces.
 */
function memberNameChange(employee: EmployeeRow, changes: EmployeeChanges) {
  const name = changes.displayName?.trim();
  if (!name || name === employee.displayName) return {};
  return { displayName: name, firstName: null, lastName: null };
}

/**
 * Applies the changes in one transaction and answers the employee as the caller now sees them.
 * Every refusal comes before the first write; were the employee to leave the caller's view,
 * the final read fails and the whole change is rolled back.
 */
export async function updateEmployee(db: Db, tenant: UpdatingTenant, actorId: string | null, userId: string, changes: EmployeeChanges): Promise<EmployeeRow> {
  return db.transaction(async (tx) => {
    const employee = await findEmployee(tx, tenant, userId);
    const addedPermissions = (changes.permissions ?? []).filter((p) => !employee.permissions.includes(p));
    // On every update, not only role changes: a caller edits only people whose role they could grant.
    checkGrant(tenant, { currentRole: employee.roles, role: changes.roles, permissions: addedPermissions }, 'body');
    let subaccountIds: string[] | undefined;
    if (changes.subaccount_ids) {
      checkConfinedAssignment(tenant, changes.subaccount_ids, 'body/subaccount_ids');
      await checkSubaccountRefs(tx, tenant, changes.subaccount_ids.map((id, j) => ({ id, field: `body/subaccount_ids/${j}` })));
      subaccountIds = nextSubaccounts(tenant, employee.subaccountIds, changes.subaccount_ids);
      checkOwnSubaccounts(tenant, actorId, employee, subaccountIds);
    }
    const status = nextStatus(employee.status, changes);
    const role = changes.roles ?? employee.roles;
    if (employee.roles === 'admin' && employee.status === 'active' && (role !== 'admin' || status !== 'active')) {
      await keepAnAdmin(tx, tenant.workspaceId, [employee.id]);
    }
    await updateEmail(tx, tenant.workspaceId, employee, changes);
    await tx
      .update(memberships)
      .set({
        roles: role,
        status,
        ...memberNameChange(employee, changes),
        ...(changes.permissions ? { permissions: [...new Set(changes.permissions)] } : {}),
        ...(subaccountIds ? { subaccountIds } : {}),
        ...(changes.external_id !== undefined ? { externalId: changes.external_id } : {}),
        ...(changes.tags ? { tags: [...new Set(changes.tags)] } : {}),
        updated: sql`now()`,
      })
      .where(and(eq(memberships.workspaceId, tenant.workspaceId), eq(memberships.userId, employee.id)));
    return findEmployee(tx, { ...tenant, subaccountId: undefined }, employee.id);
  });
}
