import type { DbOrTx } from '../../../platform/db/client.js';
import { newId } from '../../../platform/ids.js';
import type { Role } from '../../../platform/config.js';
import { memberships, workspaces } from './schema.js';

export type Workspace = typeof workspaces.$inferSelect;

export interface NewWorkspace {
  name: string;
  plan?: string;
  modules?: string;
  techSize?: string;
}

function slugify(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || 'workspace';
}

/** Creates a workspace; the slug gets the id's tail appended so it is unique without a retry loop. */
export async function createWorkspace(db: DbOrTx, input: NewWorkspace): Promise<Workspace> {
  const id = newId();
  const [workspace] = await db
    .insert(workspaces)
    .values({
      id,
      name: input.name,
      slug: `${slugify(input.name)}-${id.slice(-6)}`,
      plan: input.plan ?? 'free',
      modules: input.modules ?? 'all',
      techSize: input.techSize ?? null,
    })
    .returning();
  return workspace;
}

export async function addMember(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  member: { roles?: Role; permissions?: string[]; status?: 'draft' | 'invited' | 'active' | 'paused' | 'inactive'; subaccountIds?: string[] } = {},
): Promise<void> {
  await db
    .insert(memberships)
    .values({
      workspaceId,
      userId,
      roles: member.roles ?? 'user',
      permissions: member.permissions ?? [],
      status: member.status ?? 'active',
      subaccountIds: member.subaccountIds ?? [],
    })
    .onConflictDoNothing();
}
