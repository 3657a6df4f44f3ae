import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../platform/runtime.js';
import { creditRoutes } from './credits/routes.js';
import { subaccountRoutes } from './subaccounts/routes.js';
import { employeeRoutes } from './employees/routes.js';

/** Workspace administration: employees, subaccounts, credits and their exports. */
export async function workspaceRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  await app.register(creditRoutes, { runtime });
  await app.register(subaccountRoutes, { runtime });
  await app.register(employeeRoutes, { runtime });
}
