import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { isId } from '../../platform/ids.js';
import { workspaces } from './workspaces/schema.js';
import { createWorkspace } from './workspaces/create-workspace.js';
import { createApiKey } from './api-keys.js';

export interface CliApiKeyInput {
  /** The workspace of the key; may be left out only while the database has no workspace. */
  workspaceId?: string;
  name: string;
  /** The name of the first workspace, when this creates it. */
  workspaceName: string;
}

export type CliApiKeyResult =
  | { kind: 'created'; workspaceId: string; key: string; createdWorkspace?: { id: string; name: string } }
  /** No workspace named and the database has some: the caller must choose (first `listed` of `total`). */
  | { kind: 'workspace_required'; listed: Array<{ id: string; name: string }>; total: number };

/** Workspaces shown to someone who must pick one. */
const listedWorkspaces = 20;

/**
 * A key for the named workspace. Without one on an empty database it creates the first workspace,
 * so a fresh install can be driven through the API from the start; on a database with workspaces
 * it answers which there are instead of guessing.
 */
export async function createApiKeyFromCli(db: Db, input: CliApiKeyInput): Promise<CliApiKeyResult> {
  if (input.workspaceId) {
    const id = input.workspaceId;
    const [found] = isId(id) ? await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, id)) : [];
    if (!found) throw new AppError(404, 'workspace_not_found', `workspace ${id} not found`);
    const { key } = await createApiKey(db, id, { name: input.name });
    return { kind: 'created', workspaceId: id, key };
  }
  return db.transaction(async (tx): Promise<CliApiKeyResult> => {
    const [{ total }] = await tx.select({ total: count() }).from(workspaces);
    if (total > 0) {
      const listed = await tx.select({ id: workspaces.id, name: workspaces.name }).from(workspaces).orderBy(asc(workspaces.created), asc(workspaces.id)).limit(listedWorkspaces);
      return { kind: 'workspace_required', listed, total };
    }
    const workspace = await createWorkspace(tx, { name: input.workspaceName });
    const { key } = await createApiKey(tx, workspace.id, { name: input.name });
    return { kind: 'created', workspaceId: workspace.id, key, createdWorkspace: { id: workspace.id, name: workspace.name } };
  });
}
