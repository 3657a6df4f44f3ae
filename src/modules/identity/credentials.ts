import { verifyPassword } from '../../platform/auth/password.js';
import { unauthorized } from '../../platform/errors.js';
import type { User } from './users.js';

/**
 * An argon2id hash of a random throw-away password, with the same parameters as real hashes: when
 * the e-mail is unknown (or has no password) we still spend one verification, so the answer time
 * does not tell whether an account exists.
 */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$k9jFSWVSs1mvYt4GbDPZIA$r50r1Y06NTWjDxQZaKmIrmuWlK6K+N072Gd2egc6ki0';

export const invalidCredentials = () =>
  unauthorized('E-mail or password is incorrect, or the address is not confirmed yet (follow the link we e-mailed, or ask for a new one)', 'invalid_credentials');

/**
 * Checks a password against the user's hash; throws the one 401 used for every failure. An
 * unconfirmed account's password opens nothing: sign-up answers the same for new and existing
 * addresses, and a session for the password just chosen would tell them apart.
 */
export async function checkPassword(user: User | undefined, password: string): Promise<User> {
  const matches = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !user.passwordHash || !matches || !user.confirmedAt) throw invalidCredentials();
  return user;
}
