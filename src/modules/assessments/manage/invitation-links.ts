import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { SessionTokens } from '../../../platform/auth/jwt.js';
import type { Language } from '../../../platform/http/request-context.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { mintToken } from '../attempt-tokens.js';
import { attempts } from '../schema.js';
import { findAssessment } from './find-assessment.js';
import { attemptStatusLabel } from './labels.js';
import { takeUrl } from './share-links.js';

/**
 * Each participant's own link to their attempt (minted from the attempt's nonce, nothing stored):
 * rotating an attempt's nonce changes its link here too.
 */
export async function invitationLinks(
  deps: { db: DbOrTx; tokens: SessionTokens; appUrl: string },
  tenant: ScopedTenant,
  id: string,
  page: { limit: number; offset: number },
  language: Language,
) {
  await findAssessment(deps.db, tenant, id);
  const rows = await deps.db
    .select({ id: attempts.id, name: attempts.name, email: attempts.email, status: attempts.status, nonce: attempts.tokenNonce, invited: attempts.invitationDate, expires: attempts.invitationDateExpire })
    .from(attempts)
    .where(and(eq(attempts.workspaceId, tenant.workspaceId), eq(attempts.assessmentId, id)))
    .orderBy(asc(attempts.created), asc(attempts.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({
    attempt_id: row.id,
    name: row.name,
    email: row.email,
    status: row.status,
    status_formatted: attemptStatusLabel(row.status, language),
    invitation_date: row.invited ? row.invited.toISOString() : null,
    invitation_date_expire: row.expires ? row.expires.toISOString() : null,
    url: takeUrl(deps.appUrl, mintToken(deps.tokens, 'attempt', { workspaceId: tenant.workspaceId, id: row.id, nonce: row.nonce })),
  }));
}
