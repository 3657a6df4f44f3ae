import type { DbOrTx } from '../../platform/db/client.js';
import { findUserByEmail, normalizeEmail } from './users.js';

export interface ConnectInfo {
  email: string;
  provider: string;
  password: boolean;
}

/**
 * The pre-login step: which provider an address signs in with and whether it has a password.
 * Unknown addresses answer like a local account without a password (the client then offers
 * sign-up or "set a password"), so the answer only separates accounts that have a password.
 */
export async function connectInfo(db: DbOrTx, email: string): Promise<ConnectInfo> {
  const user = await findUserByEmail(db, email);
  return {
    email: normalizeEmail(email),
    provider: user?.provider ?? 'local',
    password: Boolean(user?.passwordHash),
  };
}
