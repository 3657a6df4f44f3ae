import { defineModule } from '../../platform/contract/define-module.js';
import { authenticator } from './authenticate.js';
import { identityRoutes } from './routes/index.js';
import { ssoRoutes } from './routes/sso.js';

/**
 * Who is who, and where: accounts, workspaces, memberships and subaccounts, sign-in (password,
 * invite, reset, confirmation, social, SAML), API keys, and the authenticator of every request.
 */
export const identityModule = defineModule({
  name: 'identity',
  routes: [identityRoutes, ssoRoutes],
  authenticator: (runtime) => authenticator(runtime.database.db, runtime.tokens),
});
