import { eq } from 'drizzle-orm';
import type { Runtime } from '../../platform/runtime.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { hashPassword } from '../../platform/auth/password.js';
import { AppError, badRequest, conflict } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { workspaces } from './workspaces/schema.js';
import { issueSession, type Session } from './session.js';
import { createUser, findUserByEmail, type User } from './users.js';
import { checkPassword } from './credentials.js';
import { checkInviteEmail, claimInvite, findOpenInvite } from './invites.js';
import { queueConfirmationMail } from './confirmation.js';
import { accountFromProfile, requireName, type Profile } from './sign-up.js';
import { signupClosed } from './sign-up-policy.js';

export interface AcceptInviteInput extends Profile {
  password?: string;
}

export interface InviteRequest {
  language: string;
  /** The user of the Bearer token sent with the request, if any (the gate resolves it on public routes too). */
  signedInUserId?: string;
}

/** 401 telling the client how the account signs in, so it can authenticate and call again. */
export class AuthenticationRequired extends AppError {
  constructor(readonly provider: string) {
    super(401, 'authentication_required', `Sign in to this account (${provider}) and send its Bearer token, or send its password, to accept the invite`);
  }
}

async function allowsPasswordLogin(db: DbOrTx, workspaceId: string): Promise<boolean> {
  const [row] = await db.select({ allow: workspaces.allowPasswordLogin }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.allow ?? true;
}

/**
 * Holding the invite link proves nothing about the person: the employees API hands the links to
 * the workspace's admins. So an existing account accepts only by authenticating, with a session of
 * that very account or its password.
 */
async function authenticateExisting(user: User, input: AcceptInviteInput, request: InviteRequest): Promise<void> {
  if (request.signedInUserId === user.id) return;
  if (input.password !== undefined) {
    await checkPassword(user, input.password);
    return;
  }
  throw new AuthenticationRequired(user.provider);
}

/**
 * POST /auth/invite/:token: registers the invited person, or signs an existing (authenticated)
 * account in, and adds the invite's membership. A new account stays unconfirmed until its e-mail
 * confirmation: the link may have reached an admin rather than the mailbox. The session answers
 * isNew only when the account was created here.
 */
export async function acceptInvite(runtime: Runtime, token: string, input: AcceptInviteInput, request: InviteRequest): Promise<Session> {
  const { db } = runtime.database;
  const invite = await findOpenInvite(db, token);
  checkInviteEmail(invite, input.email);
  const existing = await findUserByEmail(db, input.email);
  const session = { provider: 'local', workspaceId: invite.workspaceId, language: request.language };

  if (existing) {
    await authenticateExisting(existing, input, request);
    return db.transaction(async (tx) => {
      await claimInvite(tx, invite, existing.id);
      return issueSession(tx, runtime.tokens, existing, { ...session, isNew: false });
    });
  }

  // The invite is the invitation SIGNUP=invite-only asks for; `closed` opens no account at all.
  if (runtime.config.signup === 'closed') throw signupClosed();
  requireName(input);
  const passwordLogin = await allowsPasswordLogin(db, invite.workspaceId);
  if (passwordLogin && !input.password) throw badRequest('password_required', 'Send a password for the new account', 'body/password');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  try {
    return await db.transaction(async (tx) => {
      const user = await createUser(tx, accountFromProfile(input, passwordHash));
      await claimInvite(tx, invite, user.id);
      await queueConfirmationMail(tx, runtime.config.appUrl, user, request.language);
      return issueSession(tx, runtime.tokens, user, { ...session, isNew: true });
    });
  } catch (error) {
    // Another request opened the account meanwhile: the invite holder may try again, as that account.
    if (isUniqueViolation(error, 'users_email_key')) throw conflict('email_taken', 'An account with this e-mail was just opened: accept the invite as that account');
    throw error;
  }
}
