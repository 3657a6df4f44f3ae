import type { Runtime } from '../../platform/runtime.js';
import type { Role } from '../../platform/config.js';
import { hashPassword } from '../../platform/auth/password.js';
import { badRequest } from '../../platform/errors.js';
import { newSecret } from '../../platform/ids.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { addMember, createWorkspace } from './workspaces/create-workspace.js';
import { createUser, findUserByEmail, normalizeEmail, type NewUser } from './users.js';
import { checkInviteEmail, claimInvite, findOpenInvite, type Invite } from './invites.js';
import type { DbOrTx, Tx } from '../../platform/db/client.js';
import { queueConfirmationMail } from './confirmation.js';
import { signInLink } from './links.js';
import { mayOpenAccount, signupClosed } from './sign-up-policy.js';
import { queueExistingAccountNotice, queueInviteOnlyNotice } from './sign-up-notices.js';
import { claimFirstAccount, isEmptyInstance } from './first-account.js';
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
  /** An invite token. */
  invite?: string;
  companyName?: string;
  techSize?: string;
  plan?: string;
  modules?: string;
  /** The first account of an empty instance becomes its super admin (refused otherwise). */
  instanceAdmin?: boolean;
}

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

interface NewAccount extends Omit<SignUpInput, 'invite'> {
  passwordHash: string;
  /** The generated password, mailed in plain (generatePassword: true). */
  generated?: string;
  invite?: Invite;
  confirmed: boolean;
}

/** Writes the new account, its workspace or invite membership, and its mails, in the caller's transaction. */
async function openAccount(tx: DbOrTx, appUrl: string, account: NewAccount, language: string): Promise<void> {
  const user = await createUser(tx, { ...accountFromProfile(account, account.passwordHash), confirmed: account.confirmed });
  if (account.instanceAdmin) await claimInstanceAdmin(tx as Tx, user.id);
  if (account.companyName?.trim()) {
    const workspace = await createWorkspace(tx, { name: account.companyName.trim(), plan: account.plan, modules: account.modules, techSize: account.techSize });
    await addMember(tx, workspace.id, user.id, { roles: 'admin' });
  }
  if (account.invite) await claimInvite(tx, account.invite, user.id);
  if (account.generated) {
    await queueMail(tx, {
      to: user.email,
      template: 'generated_password',
      language,
      data: { name: user.displayName, password: account.generated, link: signInLink(appUrl) },
    });
  }
  if (!user.confirmedAt) await queueConfirmationMail(tx, appUrl, user, language);
}

/**
 * Registers an account, answering nothing about the address: the caller learns the same whether an
 * account was opened, already existed, or SIGNUP=invite-only kept it closed; the mailbox's owner is
 * told which (confirmation, sign_up_existing_account, sign_up_invite_only). With `companyName` the
 * new account also gets a workspace it administers; with an invite token it joins that workspace
 * with the invite's role (the body's `roles` never grants anything). The new account is
 * unconfirmed, and a password opens no session before the address is confirmed (credentials.ts):
 * else signing in right after signing up would tell whether the account was new. Everything is
 * written in one transaction; the password is hashed before it, whatever the outcome.
 */
export async function signUp(runtime: Runtime, input: SignUpInput, context: { language: string }): Promise<void> {
  const { db } = runtime.database;
  const { appUrl, signup } = runtime.config;
  requireName(input);
  const generated = input.generatePassword ? newSecret(12) : undefined;
  const password = generated ?? input.password;
  if (!password) throw badRequest('password_required', 'Send password, or generatePassword: true', 'body/password');
  const managing = input.roles !== undefined && input.roles !== 'user';
  if (managing && !input.invite && !input.companyName?.trim()) {
    throw badRequest('company_name_required', `A ${input.roles} account needs companyName (or an invite)`, 'body/companyName');
  }
  if (signup === 'closed') throw signupClosed();
  const invite = input.invite ? await findOpenInvite(db, input.invite) : undefined;
  if (invite) checkInviteEmail(invite, input.email);
  const passwordHash = await hashPassword(password);

  const existing = await findUserByEmail(db, input.email);
  if (existing) return db.transaction((tx) => queueExistingAccountNotice(tx, appUrl, existing, context.language));
  if (!invite && !(await mayOpenAccount(db, signup, input.email))) return queueInviteOnlyNotice(db, normalizeEmail(input.email), context.language);
  const maybeFirst = await isEmptyInstance(db);

  try {
    const opened = await db.transaction(async (tx) => {
      const first = maybeFirst && (await claimFirstAccount(tx));
      // Another sign-up was the first account meanwhile: this one needs what any other would.
      if (maybeFirst && !first && !invite && !(await mayOpenAccount(tx, signup, input.email))) return false;
      await openAccount(tx, appUrl, { ...input, passwordHash, generated, invite, confirmed: first }, context.language);
      return true;
    });
    if (!opened) await queueInviteOnlyNotice(db, normalizeEmail(input.email), context.language);
  } catch (error) {
    if (!isUniqueViolation(error, 'users_email_key')) throw error;
    // A concurrent sign-up of the same address won: answer as for an existing account.
    const winner = await findUserByEmail(db, input.email);
    if (winner) await db.transaction((tx) => queueExistingAccountNotice(tx, appUrl, winner, context.language));
  }
}
