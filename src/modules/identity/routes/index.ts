import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../../platform/runtime.js';
import { signUpRoutes } from './sign-up.js';
import { signInRoutes } from './sign-in.js';
import { passwordRoutes } from './password.js';
import { confirmationRoutes } from './confirmation.js';
import { inviteRoutes } from './invites.js';
import { apiKeyRoutes } from './api-keys.js';
import { currentRoutes } from './current.js';

/** Password sign-in, sign-up, invites, reset, confirmation (under /auth), API keys, and the current workspace and caller. */
export async function identityRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }): Promise<void> {
  signUpRoutes(app, runtime);
  signInRoutes(app, runtime);
  passwordRoutes(app, runtime);
  confirmationRoutes(app, runtime);
  inviteRoutes(app, runtime);
  apiKeyRoutes(app, runtime);
  currentRoutes(app, runtime);
}
