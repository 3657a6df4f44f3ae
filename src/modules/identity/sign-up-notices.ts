import type { DbOrTx } from '../../platform/db/client.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { issueUserToken } from './user-tokens.js';
import { resetLink, signInLink } from './links.js';
import type { User } from './users.js';

/**
 * Sign-up answers the same whether or not it opened an account; these mails tell the owner of the
 * address what happened instead.
 */

/** The address already has an account: how to sign in, and a reset link (which also confirms it). */
export async function queueExistingAccountNotice(db: DbOrTx, appUrl: string, user: User, language: string): Promise<void> {
  const token = await issueUserToken(db, user.id, 'reset');
  await queueMail(db, {
    to: user.email,
    template: 'sign_up_existing_account',
    language,
    data: { name: user.displayName, signin: signInLink(appUrl), link: resetLink(appUrl, token) },
  });
}

/** SIGNUP=invite-only and the address holds no invitation: nothing was opened, and why. */
export async function queueInviteOnlyNotice(db: DbOrTx, email: string, language: string): Promise<void> {
  await queueMail(db, { to: email, template: 'sign_up_invite_only', language, data: {} });
}
