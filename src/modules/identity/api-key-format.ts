import { newSecret } from '../../platform/ids.js';

/**
 * `ak_<workspace id>_<secret>`: the workspace id lets the key be found by (workspace_id, hash),
 * which keeps api_keys a plain tenant table (no cross-workspace unique index).
 */
export function newApiKey(workspaceId: string): string {
  return `ak_${workspaceId}_${newSecret(32)}`;
}

export function parseApiKey(key: string): { workspaceId: string } | undefined {
  const match = /^ak_([0-9a-f]{24})_[A-Za-z0-9_-]{20,}$/.exec(key);
  return match ? { workspaceId: match[1] } : undefined;
}
