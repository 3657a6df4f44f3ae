import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { findSamlProviderForEmail } from './saml/providers.js';
import { normalizeEmail } from './users.js';

export interface ConnectInfo {
  email: string;
  provider: string;
  password: boolean;
}

/**
 * The pre-login step: how to sign in with an address. The answer depends on the address's domain
 * only, never on whether it has an account (that is no public route's to tell): `saml` when a
 * workspace's verified SAML provider serves the domain (POST /auth/saml then starts SSO), else
 * `local` with a password field; social sign-in buttons are the client's to offer.
 */
export async function connectInfo(db: DbOrTx, email: string): Promise<ConnectInfo> {
  const sso = await findSamlProviderForEmail(db, email).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'saml_provider_not_found') return false;
      throw error;
    },
  );
  return { email: normalizeEmail(email), provider: sso ? 'saml' : 'local', password: !sso };
}
