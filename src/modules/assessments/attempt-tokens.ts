import { timingSafeEqual } from 'node:crypto';
import type { SessionTokens } from '../../platform/auth/jwt.js';

/**
 * Links a candidate holds: `<workspace id>.<attempt or answer id>.<mac>`. The MAC covers the ids and
 * the attempt's token nonce, so nothing secret is stored and rotating the nonce revokes every link
 * minted before. The ids in front let a request find its row without a workspace header.
 */
export type TokenPurpose = 'attempt' | 'certificate' | 'answer';

export interface TokenSubject {
  workspaceId: string;
  id: string;
  nonce: string;
}

const shape = /^([0-9a-f]{24})\.([0-9a-f]{24})\.([A-Za-z0-9_-]{32})$/;

export function mintToken(tokens: SessionTokens, purpose: TokenPurpose, subject: TokenSubject): string {
  return `${subject.workspaceId}.${subject.id}.${tokens.mac(purpose, `${subject.workspaceId}.${subject.id}.${subject.nonce}`)}`;
}

/** The ids a token names, before it is checked (undefined when it has not the shape of one). */
export function tokenIds(token: string): { workspaceId: string; id: string } | undefined {
  const match = shape.exec(token);
  return match ? { workspaceId: match[1], id: match[2] } : undefined;
}

/** Whether `token` was minted for this purpose and subject with its current nonce. */
export function tokenMatches(tokens: SessionTokens, purpose: TokenPurpose, token: string, subject: TokenSubject): boolean {
  const expected = Buffer.from(mintToken(tokens, purpose, subject));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
