import type { Db } from '../../platform/db/client.js';
import type { Principal, Tenant } from '../../platform/http/request-context.js';
import { roleLabel } from '../../platform/auth/permissions.js';
import { getApiKeyView } from './api-keys.js';
import { findUserById } from './users.js';
import { getWorkspace } from './get-workspace.js';

/**
 * `GET /me`: who is calling (the user's own account, or the key's metadata, never the key), and,
 * when the request acts in a workspace, which one, with the role and the effective permissions
 * (the role's and those granted one by one).
 */
export async function describePrincipal(db: Db, principal: Principal, tenant: Tenant | undefined, language: string) {
  const workspace = tenant ? await getWorkspace(db, tenant.workspaceId) : undefined;
  const inWorkspace = {
    workspace: workspace ? { _id: workspace._id, name: workspace.name, slug: workspace.slug } : null,
    subaccount_id: tenant?.subaccountId ?? null,
    allowed_subaccount_ids: tenant?.allowedSubaccountIds ?? [],
    roles: tenant?.role ?? null,
    roles_formatted: tenant ? roleLabel(tenant.role, language) : null,
    permissions: tenant ? [...tenant.permissions].sort() : [],
  };
  if (principal.kind === 'apiKey') {
    const key = await getApiKeyView(db, principal.workspaceId, principal.keyId);
    return { kind: 'api_key' as const, user: null, api_key: { _id: key._id, name: key.name, prefix: key.prefix, author: key.author, parent_key_id: key.parent_key_id, created: key.created }, ...inWorkspace };
  }
  const user = await findUserById(db, principal.userId);
  if (!user) throw new Error(`signed-in user ${principal.userId} is missing`);
  return {
    kind: 'user' as const,
    user: {
      _id: user.id,
      email: user.email,
      displayName: user.displayName,
      firstName: user.firstName,
      lastName: user.lastName,
      provider: user.provider,
      confirmed: user.confirmedAt !== null,
      is_super_admin: user.isSuperAdmin,
      created: user.created.toISOString(),
    },
    api_key: null,
    ...inWorkspace,
  };
}
