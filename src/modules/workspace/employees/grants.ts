import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../../platform/config.js';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Tenant } from '../../../platform/http/request-context.js';
import { roles } from '../../../platform/auth/permissions.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { memberships, workspaces } from '../../identity/workspaces/schema.js';

const rank = (role: Role) => roles.indexOf(role);

export type GrantingTenant = Pick<Tenant, 'role' | 'permissions'>;

/**
 * Nobody hands out more than they hold: a caller may give roles up to their own and permissions
 * they have, and may not change someone ranked above them. Holders of manage_permission may do all.
 */
export function checkGrant(tenant: GrantingTenant, change: { currentRole?: Role; role?: Role; permissions?: string[] }, field: string): void {
  if (tenant.permissions.has('manage_permission')) return;
  if (change.currentRole && rank(change.currentRole) > rank(tenant.role)) throw forbidden(`You may not change a ${change.currentRole} (${field})`, 'grant_not_allowed');
  if (change.role && rank(change.role) > rank(tenant.role)) throw forbidden(`You may not give the role ${change.role} (${field}/roles)`, 'grant_not_allowed');
  const missing = change.permissions?.find((p) => !tenant.permissions.has(p as never));
  if (missing) throw forbidden(`You may not give the permission ${missing} (${field}/permissions)`, 'grant_not_allowed');
}

/**
 * Serializes role changes and removals within a workspace, then refuses the change when it would
 * leave no active admin (the workspace would be unmanageable from the app).
 */
export async function keepAnAdmin(tx: DbOrTx, workspaceId: string, leaving: string[]): Promise<void> {
  await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        eq(memberships.roles, 'admin'),
        eq(memberships.status, 'active'),
        leaving.length ? sql`not (${memberships.userId} = any(${sql.param(leaving)}::varchar(24)[]))` : undefined,
      ),
    );
  if (Number(row.n) === 0) throw new AppError(409, 'last_admin', 'The workspace must keep at least one active admin');
}

