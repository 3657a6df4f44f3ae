import type { Runtime } from '../../src/platform/runtime.js';
import { createUser, type User } from '../../src/modules/identity/users.js';
import { createWorkspace, addMember, type Workspace } from '../../src/modules/identity/workspaces/create-workspace.js';
import { createApiKey } from '../../src/modules/identity/api-keys.js';
import type { Role } from '../../src/platform/config.js';

let counter = 0;
/** An e-mail no other test (or earlier run on the shared server) uses. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${process.pid}.${counter}@example.test`;
}

export interface TenantFixture {
  workspace: Workspace;
  admin: User;
  adminPassword: string;
  apiKey: string;
  /** Headers of the workspace's API key. */
  keyHeaders: Record<string, string>;
  /** Headers of the admin user (Bearer token + x-workspace-id). */
  adminHeaders: Record<string, string>;
}

/** A workspace with an admin user and an API key, built through the services. */
export async function createTenant(runtime: Runtime, name = 'Acme'): Promise<TenantFixture> {
  const db = runtime.database.db;
  const workspace = await createWorkspace(db, { name });
  const adminPassword = 'Correct-Horse-9';
  const admin = await createUser(db, { email: uniqueEmail('admin'), displayName: `${name} Admin`, password: adminPassword, confirmed: true });
  await addMember(db, workspace.id, admin.id, { roles: 'admin' });
  const { key } = await createApiKey(db, workspace.id, { name: 'test key', authorId: admin.id });
  const token = await runtime.tokens.sign({ sub: admin.id, wid: workspace.id, provider: 'local' });
  return {
    workspace,
    admin,
    adminPassword,
    apiKey: key,
    keyHeaders: { 'x-api-key': key },
    adminHeaders: { authorization: `Bearer ${token}`, 'x-workspace-id': workspace.id },
  };
}

/** A user belonging to the workspace with the given role, with Bearer headers for it. */
export async function createMember(runtime: Runtime, workspaceId: string, role: Role, extra: { permissions?: string[]; subaccountIds?: string[] } = {}) {
  const user = await createUser(runtime.database.db, { email: uniqueEmail(role), password: 'Correct-Horse-9', confirmed: true });
  await addMember(runtime.database.db, workspaceId, user.id, { roles: role, ...extra });
  const token = await runtime.tokens.sign({ sub: user.id, wid: workspaceId, provider: 'local' });
  return { user, headers: { authorization: `Bearer ${token}`, 'x-workspace-id': workspaceId } };
}
