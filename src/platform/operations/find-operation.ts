import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import type { Tenant } from '../http/request-context.js';
import type { Permission } from '../auth/permissions.js';
import { forbidden, notFound } from '../errors.js';
import { scopeHolds } from '../http/subaccount-scope.js';
import { operations, type OperationRow } from './schema.js';

/**
 * An unexpired operation of the tenant's workspace within the caller's subaccount scope (404
 * otherwise, as if it did not exist), readable by callers holding the permission that started it (403).
 */
export async function findOperation(db: DbOrTx, tenant: Tenant, id: string): Promise<OperationRow> {
  const [row] = await db
    .select()
    .from(operations)
    .where(and(eq(operations.workspaceId, tenant.workspaceId), eq(operations.id, id), gt(operations.expires, sql`now()`)));
  if (!row || !scopeHolds(tenant, row)) throw notFound('Operation');
  if (!tenant.permissions.has(row.permission as Permission)) throw forbidden(`Missing permission ${row.permission}`, 'missing_permission');
  return row;
}
