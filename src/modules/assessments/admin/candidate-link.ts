import type { SessionTokens } from '../../../platform/auth/jwt.js';
import { mintToken } from '../attempt-tokens.js';
import type { AttemptRow } from '../schema.js';

/** The web app's page of an attempt, opened with its access token (the candidate's link). */
export function candidateLink(appUrl: string, tokens: SessionTokens, attempt: Pick<AttemptRow, 'workspaceId' | 'id' | 'tokenNonce'>): string {
  const token = mintToken(tokens, 'attempt', { workspaceId: attempt.workspaceId, id: attempt.id, nonce: attempt.tokenNonce });
  return `${appUrl.replace(/\/+$/, '')}/take/${encodeURIComponent(token)}`;
}
