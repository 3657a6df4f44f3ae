import type { Runtime } from '../../platform/runtime.js';
import { issueSession, type Session } from './session.js';
import { findUserByEmail } from './users.js';
import { checkPassword } from './credentials.js';
import { checkInviteEmail, claimInvite, findOpenInvite } from './invites.js';

export interface SignInInput {
  email: string;
  password: string;
  /** A workspace invite token to accept while signing in. */
  invite?: string;
}

/**
 * E-mail/password sign-in. Wrong e-mail and wrong password are the same 401 and cost the same
 * argon2 verification. With an invite the user joins its workspace, which becomes the current one;
 * otherwise `preferredWorkspaceId` (x-workspace-id) is used when the user belongs to it.
 */
export async function signIn(
  runtime: Runtime,
  input: SignInInput,
  context: { language: string; preferredWorkspaceId?: string },
): Promise<Session> {
  const { db } = runtime.database;
  const user = await checkPassword(await findUserByEmail(db, input.email), input.password);
  const session = { isNew: false, provider: 'local', language: context.language };
  if (!input.invite) return issueSession(db, runtime.tokens, user, { ...session, workspaceId: context.preferredWorkspaceId });
  const invite = await findOpenInvite(db, input.invite);
  checkInviteEmail(invite, user.email);
  return db.transaction(async (tx) => {
    await claimInvite(tx, invite, user.id);
    return issueSession(tx, runtime.tokens, user, { ...session, workspaceId: invite.workspaceId });
  });
}
