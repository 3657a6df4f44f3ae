import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { CacheProvider } from '@node-saml/node-saml';
import type { DbOrTx } from '../../../platform/db/client.js';
import { isId } from '../../../platform/ids.js';
import { samlRequests } from '../schema.js';

/** How long the IdP has to answer an AuthnRequest. */
export const SAML_REQUEST_TTL_MS = 10 * 60_000;

export type SamlRequest = typeof samlRequests.$inferSelect;

export interface NewSamlRequest {
  workspaceId: string;
  providerId: string;
  /** The AuthnRequest ID the IdP must echo in InResponseTo (an XML ID: starts with a letter or `_`). */
  id: string;
  /** `<workspace id>.<request id>`: routes the callback to the request without a cross-tenant search. */
  relayState: string;
}

export function newSamlRequest(workspaceId: string, providerId: string): NewSamlRequest {
  const id = `_${randomBytes(20).toString('hex')}`;
  return { workspaceId, providerId, id, relayState: `${workspaceId}.${id}` };
}

export function parseRelayState(relayState: string): { workspaceId: string; requestId: string } | undefined {
  const [workspaceId, requestId, ...rest] = relayState.split('.');
  if (rest.length > 0 || !isId(workspaceId) || !/^_[0-9a-f]{40}$/.test(requestId ?? '')) return undefined;
  return { workspaceId, requestId };
}

/** node-saml records the request through this when it builds the AuthnRequest. */
export function issuingCache(db: DbOrTx, request: NewSamlRequest): CacheProvider {
  return {
    async saveAsync(key, value) {
      if (key !== request.id) throw new Error('unexpected SAML request id');
      await db.insert(samlRequests).values({ ...request, expiresAt: new Date(Date.now() + SAML_REQUEST_TTL_MS) });
      return { value, createdAt: Date.now() };
    },
    async getAsync() {
      return null;
    },
    async removeAsync() {
      return null;
    },
  };
}

/**
 * node-saml's InResponseTo check against the one request the RelayState names: any other id is
 * unknown. Removal is a no-op here because the request is consumed atomically after validation
 * (`consumeSamlRequest`), which is what makes it single-use under concurrent replays.
 */
export function validatingCache(request: SamlRequest): CacheProvider {
  return {
    async saveAsync() {
      return null;
    },
    async getAsync(key) {
      return key === request.id ? request.created.toISOString() : null;
    },
    async removeAsync() {
      return null;
    },
  };
}

export async function findPendingSamlRequest(db: DbOrTx, workspaceId: string, id: string): Promise<SamlRequest | undefined> {
  const [request] = await db
    .select()
    .from(samlRequests)
    .where(and(eq(samlRequests.workspaceId, workspaceId), eq(samlRequests.id, id), gt(samlRequests.expiresAt, sql`now()`)));
  return request;
}

/** Deletes the request; false when another callback already used it. */
export async function consumeSamlRequest(db: DbOrTx, workspaceId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(samlRequests)
    .where(and(eq(samlRequests.workspaceId, workspaceId), eq(samlRequests.id, id), gt(samlRequests.expiresAt, sql`now()`)))
    .returning({ id: samlRequests.id });
  return deleted.length === 1;
}

export async function deleteExpiredSamlRequests(db: DbOrTx, workspaceId: string): Promise<void> {
  await db.delete(samlRequests).where(and(eq(samlRequests.workspaceId, workspaceId), lt(samlRequests.expiresAt, sql`now()`)));
}
