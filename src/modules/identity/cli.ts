import { count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { isId } from '../../platform/ids.js';
import { workspaces } from './workspaces/schema.js';
import { createWorkspace } from './workspaces/create-workspace.js';
import { createApiKey } from './api-keys.js';

export interface CreateApiKeyResult {
  workspaceId: string;
  key: string;
  /** True when the database was empty and this command created the first workspace. */
  bootstrapped: boolean;
  /** What the command prints; the key is always the last line, so scripts can `tail -n1`. */
  lines: string[];
}

/** `--name value` and `--name=value` pairs. */
export function parseOptions(args: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(args[i]);
    if (!match) throw new Error(`unexpected argument ${args[i]}`);
    const value = match[2] ?? args[i + 1];
    if (value === undefined || (match[2] === undefined && value.startsWith('--'))) throw new Error(`--${match[1]} needs a value`);
    if (match[2] === undefined) i += 1;
    options[match[1]] = value;
  }
  return options;
}

/**
 * `assay create-api-key --workspace <id> --name <name>`. Without --workspace on an empty database it
 * creates the first workspace (`--workspace-name`, default "Default workspace"), so a fresh install
 * can be driven through the API from the start.
 */
export async function createApiKeyCommand(db: Db, args: string[]): Promise<CreateApiKeyResult> {
  const options = parseOptions(args);
  const name = options.name?.trim() || 'CLI key';
  if (options.workspace) {
    const id = options.workspace;
    const [found] = isId(id) ? await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, id)) : [];
    if (!found) throw new Error(`workspace ${id} not found`);
    const { key } = await createApiKey(db, id, { name });
    return { workspaceId: id, key, bootstrapped: false, lines: [key] };
  }
  return db.transaction(async (tx) => {
    const [{ total }] = await tx.select({ total: count() }).from(workspaces);
    if (total > 0) throw new Error('this database already has workspaces: pass --workspace <id>');
    const workspace = await createWorkspace(tx, { name: options['workspace-name']?.trim() || 'Default workspace' });
    const { key } = await createApiKey(tx, workspace.id, { name });
    return { workspaceId: workspace.id, key, bootstrapped: true, lines: [`workspace ${workspace.id} (${workspace.name})`, key] };
  });
}
