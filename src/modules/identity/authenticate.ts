import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { preparedPerDb, type Db } from '../../platform/db/client.js';
import type { SessionTokens } from '../../platform/auth/jwt.js';
import { effectivePermissions, permissions as allPermissions, type Permission } from '../../platform/auth/permissions.js';
import type { Authenticator, Principal, Tenant } from '../../platform/http/request-context.js';
import { AppError, unauthorized } from '../../platform/errors.js';
import { hashSecret, isId } from '../../platform/ids.js';
import { apiKeys, users } from './schema.js';
import { memberships, subaccounts, workspaces } from './workspaces/schema.js';
import { parseApiKey } from './api-key-format.js';

/** `last_used` is written at most this often per key, so reads do not turn into writes. */
const LAST_USED_GRANULARITY_MS = 60_000;

const workspaceNotFound = () => new AppError(404, 'workspace_not_found', 'Workspace not found');
const subaccountNotFound = () => new AppError(404, 'subaccount_not_found', 'Subaccount not found');

// Every request passes the gate: its lookups are prepared once per database (see preparedPerDb).
const liveApiKey = preparedPerDb((db) =>
  db
    .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, authorId: apiKeys.authorId, lastUsed: apiKeys.lastUsed })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, sql.placeholder('workspaceId')), eq(apiKeys.keyHash, sql.placeholder('keyHash')), isNull(apiKeys.revokedAt)))
    .prepare('auth_live_api_key'),
);

const userById = preparedPerDb((db) =>
  db
    .select({ id: users.id, isSuperAdmin: users.isSuperAdmin, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare('auth_user_by_id'),
);

const membershipOf = preparedPerDb((db) =>
  db
    .select({ roles: memberships.roles, permissions: memberships.permissions, status: memberships.status, subaccountIds: memberships.subaccountIds })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, sql.placeholder('workspaceId')), eq(memberships.userId, sql.placeholder('userId'))))
    .prepare('auth_membership'),
);

const subaccountInWorkspace = preparedPerDb((db) =>
  db
    .select({ id: subaccounts.id })
    .from(subaccounts)
    .where(and(eq(subaccounts.workspaceId, sql.placeholder('workspaceId')), eq(subaccounts.id, sql.placeholder('subaccountId'))))
    .prepare('auth_subaccount'),
);

/** An API key acts as the workspace's admin, with every permission. */
const apiKeyPermissions: ReadonlySet<Permission> = new Set(allPermissions);

export function authenticator(db: Db, tokens: SessionTokens): Authenticator {
  return {
    async principal(request: FastifyRequest): Promise<Principal | undefined> {
      const key = request.headers['x-api-key'];
      if (typeof key === 'string' && key !== '') return apiKeyPrincipal(db, key);
      const authorization = request.headers.authorization;
      if (typeof authorization === 'string' && /^bearer\s+/i.test(authorization)) {
        const token = authorization.replace(/^bearer\s+/i, '');
        if (token.startsWith('ak_')) return apiKeyPrincipal(db, token);
        return userPrincipal(db, tokens, token);
      }
      return undefined;
    },
    async tenant(principal, workspaceId, subaccountId) {
      return principal.kind === 'apiKey'
        ? apiKeyTenant(db, principal, workspaceId, subaccountId)
        : userTenant(db, principal, workspaceId ?? principal.defaultWorkspaceId, subaccountId);
    },
  };
}

export async function apiKeyPrincipal(db: Db, key: string): Promise<Principal> {
  const parsed = parseApiKey(key);
  if (!parsed) throw unauthorized('Invalid API key', 'invalid_api_key');
  const [row] = await liveApiKey(db).execute({ workspaceId: parsed.workspaceId, keyHash: hashSecret(key) });
  if (!row) throw unauthorized('Invalid API key', 'invalid_api_key');
  if (!row.lastUsed || Date.now() - row.lastUsed.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.update(apiKeys).set({ lastUsed: sql`now()` }).where(and(eq(apiKeys.workspaceId, row.workspaceId), eq(apiKeys.id, row.id)));
  }
  return { kind: 'apiKey', keyId: row.id, workspaceId: row.workspaceId, authorId: row.authorId };
}

async function userPrincipal(db: Db, tokens: SessionTokens, token: string): Promise<Principal> {
  const claims = await tokens.verify(token);
  if (!claims) throw unauthorized('Invalid or expired token', 'invalid_token');
  const [user] = await userById(db).execute({ userId: claims.sub });
  if (!user) throw unauthorized('Invalid or expired token', 'invalid_token');
  // A password reset, an e-mail change... bump the account's version: older sessions are revoked.
  if (user.sessionVersion !== (claims.sv ?? 0)) throw unauthorized('This session has been signed out; sign in again', 'session_revoked');
  return { kind: 'user', userId: user.id, provider: claims.provider, isSuperAdmin: user.isSuperAdmin, defaultWorkspaceId: claims.wid };
}

async function apiKeyTenant(db: Db, principal: Extract<Principal, { kind: 'apiKey' }>, workspaceId?: string, subaccountId?: string): Promise<Tenant> {
  // An API key acts only in the workspace that created it.
  if (workspaceId && workspaceId !== principal.workspaceId) throw workspaceNotFound();
  const tenant: Tenant = {
    workspaceId: principal.workspaceId,
    allowedSubaccountIds: [],
    role: 'admin',
    permissions: apiKeyPermissions,
  };
  if (subaccountId) tenant.subaccountId = await checkSubaccount(db, principal.workspaceId, subaccountId, []);
  return tenant;
}

async function userTenant(db: Db, principal: Extract<Principal, { kind: 'user' }>, workspaceId?: string, subaccountId?: string): Promise<Tenant | undefined> {
  if (!workspaceId) {
    if (subaccountId) throw new AppError(400, 'workspace_required', 'x-subaccount-id needs x-workspace-id', [{ field: 'headers/x-workspace-id', message: 'required' }]);
    return undefined;
  }
  if (!isId(workspaceId)) throw workspaceNotFound();
  const [member] = await membershipOf(db).execute({ workspaceId, userId: principal.userId });
  // Only an active membership acts: an invited or draft one counts once the invitation is accepted.
  if (member?.status !== 'active') throw workspaceNotFound();
  const tenant: Tenant = {
    workspaceId,
    allowedSubaccountIds: member.subaccountIds,
    role: member.roles,
    permissions: effectivePermissions(member.roles, member.permissions),
  };
  if (subaccountId) tenant.subaccountId = await checkSubaccount(db, workspaceId, subaccountId, member.subaccountIds);
  return tenant;
}

async function checkSubaccount(db: Db, workspaceId: string, subaccountId: string, allowed: string[]): Promise<string> {
  if (!isId(subaccountId)) throw subaccountNotFound();
  if (allowed.length > 0 && !allowed.includes(subaccountId)) throw subaccountNotFound();
  const [row] = await subaccountInWorkspace(db).execute({ workspaceId, subaccountId });
  if (!row) throw subaccountNotFound();
  return row.id;
}
