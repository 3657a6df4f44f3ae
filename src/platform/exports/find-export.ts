import { and, eq, gt, sql } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import type { Tenant } from '../http/request-context.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { scopeHolds } from '../http/subaccount-scope.js';
import { exportFiles } from './schema.js';

type ExportRow = typeof exportFiles.$inferSelect;

/**
 * An unexpired export of the tenant's workspace within the caller's scope (404 otherwise, as if
 * it did not exist), readable by callers who hold the permission its route requires (403).
 */
export async function findExport(runtime: Runtime, tenant: Tenant, id: string): Promise<ExportRow> {
  const [row] = await runtime.database.db
    .select()
    .from(exportFiles)
    .where(and(eq(exportFiles.workspaceId, tenant.workspaceId), eq(exportFiles.id, id), gt(exportFiles.expires, sql`now()`)));
  if (!row || !scopeHolds(tenant, row)) throw notFound('Export');
  const permission = runtime.exports.get(row.type)?.permission;
  if (!permission || !tenant.permissions.has(permission)) throw forbidden(`Missing permission ${permission ?? 'to read this export'}`, 'missing_permission');
  return row;
}

/** A finished export's file; 409 while it is still queued or running, or when it failed. */
export function requireDone(row: ExportRow): ExportRow {
  if (row.status !== 'done') throw new AppError(409, 'export_not_ready', `The export is ${row.status}; download it once its status is done`);
  return row;
}
