import type { SignupMode } from '../../platform/config.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { hasPendingInvite } from './invites.js';
import { isEmptyInstance } from './first-account.js';

export const signupClosed = () =>
  new AppError(403, 'signup_closed', 'This instance opens no new accounts: ask an administrator of your workspace to add you');
export const signupInviteOnly = () =>
  new AppError(403, 'signup_invite_only', 'New accounts need an invitation on this instance: ask an administrator of your workspace to invite you');

/**
 * Whether SIGNUP lets a new account be opened for this address without an invite token in hand:
 * `open` always, `closed` never, `invite-only` when the address holds a pending invitation of some
 * workspace, or the instance has no account yet (its operator's first).
 */
export async function mayOpenAccount(db: DbOrTx, mode: SignupMode, email: string): Promise<boolean> {
  if (mode === 'open') return true;
  if (mode === 'closed') return false;
  return (await hasPendingInvite(db, email)) || (await isEmptyInstance(db));
}

/**
 * For flows that prove the address themselves (social and SAML sign-in): a refusal names the rule,
 * since it tells the caller only about their own address.
 */
export async function checkMayOpenAccount(db: DbOrTx, mode: SignupMode, email: string): Promise<void> {
  if (mode === 'closed') throw signupClosed();
  if (!(await mayOpenAccount(db, mode, email))) throw signupInviteOnly();
}
