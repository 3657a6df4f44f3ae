import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../config.js';
import type { Permission } from '../auth/permissions.js';
import { AppError, forbidden, unauthorized } from '../errors.js';

export type Language = 'en' | 'pt' | 'es';
export const languages: readonly Language[] = ['en', 'pt', 'es'];

/** Who is calling. */
export type Principal =
  | { kind: 'user'; userId: string; provider: string; isSuperAdmin: boolean; defaultWorkspaceId?: string }
  | { kind: 'apiKey'; keyId: string; workspaceId: string; authorId: string | null };

/** The workspace (and optional subaccount) a request acts in, with the caller's role there. */
export interface Tenant {
  workspaceId: string;
  subaccountId?: string;
  /** Subaccounts the caller is confined to (empty = whole workspace). */
  allowedSubaccountIds: string[];
  role: Role;
  permissions: ReadonlySet<Permission>;
}

/**
 * How a route is protected:
 * - `public`: anyone; a principal and tenant are still resolved when credentials are sent.
 * - `user`: a signed-in user (JWT); no workspace needed.
 * - `principal`: an API key or a signed-in user; the workspace is resolved when there is one.
 * - `workspace` (default): an API key, or a user acting in a workspace they belong to.
 */
export type RouteAuth = 'public' | 'user' | 'principal' | 'workspace';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    permission?: Permission;
    roles?: Role[];
  }
  interface FastifyRequest {
    principal?: Principal;
    tenant?: Tenant;
    language: Language;
  }
}

export interface Authenticator {
  /** Resolve credentials from headers; undefined when none were sent. Throws 401 on bad ones. */
  principal(request: FastifyRequest): Promise<Principal | undefined>;
  /** Resolve the workspace and subaccount the principal asks for; throws 404 when not theirs. */
  tenant(principal: Principal, workspaceId: string | undefined, subaccountId: string | undefined): Promise<Tenant | undefined>;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() !== '' ? text.trim() : undefined;
}

export function languageOf(request: FastifyRequest): Language {
  const asked = header(request, 'x-language')?.toLowerCase().slice(0, 2);
  return (languages as readonly string[]).includes(asked ?? '') ? (asked as Language) : 'en';
}

/**
 * A request carries one credential. With both an `x-api-key` and a Bearer token, which of them
 * acts (and in which workspace) would be a guess: refuse it, whether they agree or not.
 */
function checkOneCredential(request: FastifyRequest): void {
  const bearer = /^bearer\s+\S/i.test(header(request, 'authorization') ?? '');
  if (!bearer || !header(request, 'x-api-key')) return;
  throw new AppError(400, 'ambiguous_credentials', 'Send either x-api-key or Authorization: Bearer, not both', [
    { field: 'headers/x-api-key', message: 'must not be sent with Authorization: Bearer' },
  ]);
}

/** The single gate: every route passes here before its handler; tenancy is decided once. */
export function registerRequestContext(app: FastifyInstance, auth: Authenticator): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('tenant', undefined);
  app.decorateRequest('language', 'en');
  app.addHook('preHandler', async (request) => {
    request.language = languageOf(request);
    if (request.is404) return;
    const config = request.routeOptions.config ?? {};
    const mode: RouteAuth = config.auth ?? 'workspace';
    checkOneCredential(request);
    // On public routes stale credentials are ignored: a client holding an expired token can still sign in.
    const principal = mode === 'public' ? await auth.principal(request).catch(() => undefined) : await auth.principal(request);
    request.principal = principal;
    if (!principal) {
      if (mode === 'public') return;
      throw unauthorized('Send an x-api-key header or a Bearer token');
    }
    if (mode === 'user' && principal.kind !== 'user') throw unauthorized('This route needs a signed-in user', 'user_required');
    const tenant = await auth.tenant(principal, header(request, 'x-workspace-id'), header(request, 'x-subaccount-id'));
    request.tenant = tenant;
    if (mode !== 'workspace') return;
    if (!tenant) throw new AppError(400, 'workspace_required', 'Send x-workspace-id to choose a workspace', [{ field: 'headers/x-workspace-id', message: 'required' }]);
    if (config.roles && !config.roles.includes(tenant.role)) throw forbidden(`Your role (${tenant.role}) may not do this`);
    if (config.permission && !tenant.permissions.has(config.permission)) {
      throw forbidden(`Missing permission ${config.permission}`, 'missing_permission');
    }
  });
}

/** The tenant of a workspace route; the gate guarantees it is there. */
export function tenantOf(request: FastifyRequest): Tenant {
  if (!request.tenant) throw unauthorized();
  return request.tenant;
}
