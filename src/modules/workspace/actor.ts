import type { FastifyRequest } from 'fastify';
import { forbidden } from '../../platform/errors.js';

/** The user behind a request: the signed-in user, or the user who created the API key. */
export function actorId(request: FastifyRequest): string | null {
  const principal = request.principal;
  if (!principal) return null;
  return principal.kind === 'user' ? principal.userId : principal.authorId;
}

/** Instance operators only (e.g. granting credits): a signed-in super admin, never an API key. */
export function requireSuperAdmin(request: FastifyRequest): void {
  const principal = request.principal;
  if (principal?.kind !== 'user' || !principal.isSuperAdmin) throw forbidden('Only an instance super admin may do this', 'super_admin_required');
}
