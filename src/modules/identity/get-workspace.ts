import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { workspaces } from './workspaces/schema.js';

/** The workspace a request acts in, as `GET /workspace` shows it to its members and keys. */
export async function getWorkspace(db: DbOrTx, workspaceId: string) {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) throw notFound('Workspace');
  return {
    _id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    plan: workspace.plan,
    modules: workspace.modules,
    tech_size: workspace.techSize,
    whitelabel: (workspace.whitelabel ?? {}) as Record<string, unknown>,
    allow_password_login: workspace.allowPasswordLogin,
    created: workspace.created.toISOString(),
    updated: workspace.updated.toISOString(),
  };
}
