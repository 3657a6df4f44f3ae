import { eq, sql } from 'drizzle-orm';
import type { Runtime } from '../../platform/runtime.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { hashPassword } from '../../platform/auth/password.js';
import { badRequest, unauthorized } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { workspaces } from '../workspace/schema.js';
import { users } from './schema.js';
import { issueSession, type Session } from './session.js';
import { createUser, findUserByEmail, type User } from './users.js';
import { checkPassword } from './credentials.js';
import { checkInviteEmail, claimInvite, findOpenInvite, inviteProvesEmail, type Invite } from './invites.js';
import { queueConfirmationMail } from './confirmation.js';
import { emailTaken, requireName, utmOf, type Profile } from './sign-up.js';

export interface AcceptInviteInput extends Profile {
  password?: string;
}

async function allowsPasswordLogin(db: DbOrTx, workspaceId: string): Promise<boolean> {
  const [row] = await db.select({ allow: workspaces.allowPasswordLogin }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.allow ?? true;
}

/**
 * How an existing account proves it is theirs: the password when one is sent; without one, only an
 * invite mailed to that very address counts, and only when a password could not be asked for
 * (the account has none, or the workspace signs in through SSO).
 */
async function authenticateExisting(user: User, invite: Invite, input: AcceptInviteInput, passwordLogin: boolean): Promise<void> {
  if (input.password !== undefined) {
    await checkPassword(user, input.password);
    return;
  }
  const passwordless = !user.passwordHash || !passwordLogin;
  if (passwordless && inviteProvesEmail(invite, user.email)) return;
  throw unauthorized('Send the password of this account to accept the invite', 'password_required');
}

/**
 * POST /auth/invite/:token: registers the invited person, or signs an existing account in, and adds
 * the invite's membership. The session answers isNew only when the account was created here.
 */
export async function acceptInvite(runtime: Runtime, token: string, input: AcceptInviteInput, context: { language: string }): Promise<Session> {
  const { db } = runtime.database;
  const invite = await findOpenInvite(db, token);
  checkInviteEmail(invite, input.email);
  const passwordLogin = await allowsPasswordLogin(db, invite.workspaceId);
  const proven = inviteProvesEmail(invite, input.email);
  const existing = await findUserByEmail(db, input.email);
  const session = { provider: 'local', workspaceId: invite.workspaceId, language: context.language };

  if (existing) {
    await authenticateExisting(existing, invite, input, passwordLogin);
    return db.transaction(async (tx) => {
      await claimInvite(tx, invite, existing.id);
      let user = existing;
      if (proven && !user.confirmedAt) {
        [user] = await tx.update(users).set({ confirmedAt: sql`now()` }).where(eq(users.id, user.id)).returning();
      }
      return issueSession(tx, runtime.tokens, user, { ...session, isNew: false });
    });
  }

  requireName(input);
  if (passwordLogin && !input.password) throw badRequest('password_required', 'Send a password for the new account', 'body/password');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  try {
    return await db.transaction(async (tx) => {
      const user = await createUser(tx, {
        email: input.email,
        displayName: input.displayName?.trim() || undefined,
        firstName: input.firstName?.trim() || undefined,
        lastName: input.lastName?.trim() || undefined,
        passwordHash,
        confirmed: proven,
        address: input.address,
        privacy: input.privacy,
        utm: utmOf(input.utm),
      });
      await claimInvite(tx, invite, user.id);
      if (!user.confirmedAt) await queueConfirmationMail(tx, runtime.config.appUrl, user, context.language);
      return issueSession(tx, runtime.tokens, user, { ...session, isNew: true });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
    throw error;
  }
}
