import type { FastifyRequest } from 'fastify';
import type { SessionTokens } from '../../../platform/auth/jwt.js';
import type { DbOrTx } from '../../../platform/db/client.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import type { Permission } from '../../../platform/auth/permissions.js';
import { tokenIds, tokenMatches } from '../attempt-tokens.js';
import { findAttemptRecord, type AttemptRecord } from './attempt-view.js';

/**
 * An attempt read by a manager (workspace credentials with `permission`) or by its candidate
 * (no credentials, `access_token` = the attempt's access token). A token of another attempt, a
 * revoked one (rotated nonce) or none at all is a 404, as an attempt that does not exist.
 */
export async function attemptForReader(
  db: DbOrTx,
  tokens: SessionTokens,
  request: FastifyRequest,
  attemptId: string,
  accessToken: string | undefined,
  permission: Permission,
): Promise<{ record: AttemptRecord; reader: 'manager' | 'candidate' }> {
  const tenant = request.tenant;
  if (tenant) {
    if (!tenant.permissions.has(permission)) throw forbidden(`Missing permission ${permission}`, 'missing_permission');
    return { record: await findAttemptRecord(db, tenant, attemptId), reader: 'manager' };
  }
  const ids = accessToken ? tokenIds(accessToken) : undefined;
  if (!accessToken || !ids || ids.id !== attemptId) throw notFound('Attempt');
  const record = await findAttemptRecord(db, { workspaceId: ids.workspaceId, allowedSubaccountIds: [] }, attemptId).catch(() => undefined);
  const subject = record && { workspaceId: record.attempt.workspaceId, id: record.attempt.id, nonce: record.attempt.tokenNonce };
  if (!record || !subject || !tokenMatches(tokens, 'attempt', accessToken, subject)) throw notFound('Attempt');
  return { record, reader: 'candidate' };
}
