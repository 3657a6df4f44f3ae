import type { Runtime } from '../../platform/runtime.js';
import type { Role } from '../../platform/config.js';
import { hashPassword } from '../../platform/auth/password.js';
import { badRequest, conflict } from '../../platform/errors.js';
import { newSecret } from '../../platform/ids.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { addMember, createWorkspace } from '../workspace/create-workspace.js';
import { issueSession, type Session } from './session.js';
import { createUser, findUserByEmail, type NewUser } from './users.js';
import { checkInviteEmail, claimInvite, findOpenInvite } from './invites.js';
import { queueConfirmationMail } from './confirmation.js';
import { signInLink } from './links.js';
import { claimInstanceAdmin } from './claim-instance-admin.js';

export interface Utm {
  origin?: string;
  content?: string;
  medium?: string;
  campaign?: string;
  term?: string;
}

export interface Profile {
  email: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  address?: unknown;
  privacy?: unknown;
  utm?: Utm;
}

export interface SignUpInput extends Profile {
  password?: string;
  generatePassword?: boolean;
  roles?: Role;
  invite?: string;
  companyName?: string;
  techSize?: string;
  plan?: string;
  modules?: string;
  /** The first account of an empty instance becomes its super admin (refused otherwise). */
  instanceAdmin?: boolean;
}

export const emailTaken = () => conflict('email_taken', 'An account with this e-mail already exists');

/** The seed's rule: a display name, or both first and last name. */
export function requireName(input: Profile): void {
  if (input.displayName?.trim()) return;
  if (input.firstName?.trim() && input.lastName?.trim()) return;
  throw badRequest('name_required', 'Send displayName, or firstName and lastName', 'body/displayName');
}

/** UTM fields as stored in users.utm: only the ones sent, none when empty. */
export function utmOf(utm: Utm | undefined): Record<string, string> | undefined {
  const entries = Object.entries(utm ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The new, unconfirmed account a sign-up form describes. Never confirmed here: an invite's link is
 * also handed to the workspace's admins, so only the e-mailed confirmation proves the address.
 */
export function accountFromProfile(input: Profile, passwordHash: string | undefined): NewUser {
  return {
    email: input.email,
    displayName: input.displayName?.trim() || undefined,
    firstName: input.firstName?.trim() || undefined,
    lastName: input.lastName?.trim() || undefined,
    passwordHash,
    confirmed: false,
    address: input.address,
    privacy: input.privacy,
    utm: utmOf(input.utm),
  };
}

/**
 * Registers an account. With `companyName` it also creates a workspace the user administers; with
 * an invite token the user joins that workspace with the invite's role (the body's `roles` never
 * grants anything). Everything is written in one transaction; the password is hashed before it.
 */
export async function signUp(runtime: Runtime, input: SignUpInput, context: { language: string }): Promise<Session> {
  const { db } = runtime.database;
  requireName(input);
  const generated = input.generatePassword ? newSecret(12) : undefined;
  const password = generated ?? input.password;
  if (!password) throw badRequest('password_required', 'Send password, or generatePassword: true', 'body/password');
  const managing = input.roles !== undefined && input.roles !== 'user';
  if (managing && !input.invite && !input.companyName?.trim()) {
    throw badRequest('company_name_required', `A ${input.roles} account needs companyName (or an invite)`, 'body/companyName');
  }
  const invite = input.invite ? await findOpenInvite(db, input.invite) : undefined;
  if (invite) checkInviteEmail(invite, input.email);
  if (await findUserByEmail(db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(password);

  try {
    return await db.transaction(async (tx) => {
      const user = await createUser(tx, accountFromProfile(input, passwordHash));
      if (input.instanceAdmin) await claimInstanceAdmin(tx, user.id);
      let workspaceId = invite?.workspaceId;
      if (input.companyName?.trim()) {
        const workspace = await createWorkspace(tx, {
          name: input.companyName.trim(),
          plan: input.plan,
          modules: input.modules,
          techSize: input.techSize,
        });
        await addMember(tx, workspace.id, user.id, { roles: 'admin' });
        workspaceId ??= workspace.id;
      }
      if (invite) await claimInvite(tx, invite, user.id);
      if (generated) {
        await queueMail(tx, {
          to: user.email,
          template: 'generated_password',
          language: context.language,
          data: { name: user.displayName, password: generated, link: signInLink(runtime.config.appUrl) },
        });
      }
      if (!user.confirmedAt) await queueConfirmationMail(tx, runtime.config.appUrl, user, context.language);
      return issueSession(tx, runtime.tokens, user, { isNew: true, provider: 'local', workspaceId, language: context.language });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
    throw error;
  }
}
