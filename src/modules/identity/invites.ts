import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { insertMany } from '../../platform/db/insert-many.js';
import type { Role } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { hashSecret, newId, newSecret } from '../../platform/ids.js';
import { memberships, workspaces } from './workspaces/schema.js';
import { workspaceInvites } from './schema.js';
import { inviteLink } from './links.js';
import { findUserByEmail, normalizeEmail } from './users.js';

export type Invite = typeof workspaceInvites.$inferSelect;

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewInvite {
  /** Binds the invite to one address; without it anyone holding the link may accept it. */
  email?: string | null;
  roles?: Role;
  permissions?: string[];
  subaccountIds?: string[];
  invitedBy?: string | null;
}

/**
 * `iv_<workspace id>_<secret>`, like API keys: the invite is found by (workspace_id, hash), so a
 * token only ever opens the workspace that issued it.
 */
function newInviteToken(workspaceId: string): string {
  return `iv_${workspaceId}_${newSecret(32)}`;
}

function parseInviteToken(token: string): { workspaceId: string } | undefined {
  const match = /^iv_([0-9a-f]{24})_[A-Za-z0-9_-]{20,}$/.exec(token);
  return match ? { workspaceId: match[1] } : undefined;
}

const inviteNotFound = () => new AppError(404, 'invite_not_found', 'This invite is invalid');
const inviteGone = () => new AppError(410, 'invite_expired', 'This invite has expired or was already used');

export interface CreatedInvite {
  id: string;
  expiresAt: Date;
  /** The plain token, returned once (for the e-mailed link); only its hash is stored. */
  token: string;
  link: string;
}

/** Creates an invite into the workspace; the plain token is returned once (for the e-mailed link). */
export async function createInvite(db: DbOrTx, workspaceId: string, input: NewInvite, appUrl: string): Promise<CreatedInvite> {
  const [created] = await createInvites(db, workspaceId, [input], appUrl);
  return created;
}

/**
 * Creates one invite per input (see insertMany), answered in the order of `inputs`. Pass a
 * transaction so they all exist or none.
 */
export async function createInvites(db: DbOrTx, workspaceId: string, inputs: NewInvite[], appUrl: string): Promise<CreatedInvite[]> {
  const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS);
  const tokens = inputs.map(() => newInviteToken(workspaceId));
  const rows = inputs.map((input, i) => ({
    workspaceId,
    id: newId(),
    tokenHash: hashSecret(tokens[i]),
    email: input.email ? normalizeEmail(input.email) : null,
    roles: input.roles ?? 'user',
    permissions: input.permissions ?? [],
    subaccountIds: input.subaccountIds ?? [],
    invitedBy: input.invitedBy ?? null,
    expiresAt,
  }));
  await insertMany(db, workspaceInvites, rows);
  return rows.map((row, i) => ({ id: row.id, expiresAt, token: tokens[i], link: inviteLink(appUrl, tokens[i]) }));
}

/** The invite behind a token when it can still be accepted; 404 when unknown, 410 when expired or used. */
export async function findOpenInvite(db: DbOrTx, token: string): Promise<Invite> {
  const parsed = parseInviteToken(token);
  if (!parsed) throw inviteNotFound();
  const [invite] = await db
    .select()
    .from(workspaceInvites)
    .where(and(eq(workspaceInvites.workspaceId, parsed.workspaceId), eq(workspaceInvites.tokenHash, hashSecret(token))));
  if (!invite) throw inviteNotFound();
  if (invite.acceptedAt || invite.expiresAt.getTime() <= Date.now()) throw inviteGone();
  return invite;
}

/** Whether some workspace invited this address and the invitation can still be accepted. */
export async function hasPendingInvite(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: workspaceInvites.id })
    .from(workspaceInvites)
    .where(and(eq(workspaceInvites.email, normalizeEmail(email)), isNull(workspaceInvites.acceptedAt), sql`${workspaceInvites.expiresAt} > now()`))
    .limit(1);
  return row !== undefined;
}

/** An invite sent to an address may only be used by that address. */
export function checkInviteEmail(invite: Invite, email: string): void {
  if (invite.email && invite.email !== normalizeEmail(email)) {
    throw new AppError(403, 'invite_email_mismatch', 'This invite was sent to another e-mail address');
  }
}

/**
 * Marks the invite accepted by the user and gives them the invite's membership. The conditional
 * update makes the invite single-use under concurrency. An existing draft/invited membership is
 * activated with the invite's grants; an active (or paused/removed) one is left as the admins set it.
 */
export async function claimInvite(db: DbOrTx, invite: Invite, userId: string): Promise<void> {
  const [claimed] = await db
    .update(workspaceInvites)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(
      and(
        eq(workspaceInvites.workspaceId, invite.workspaceId),
        eq(workspaceInvites.id, invite.id),
        isNull(workspaceInvites.acceptedAt),
        sql`${workspaceInvites.expiresAt} > now()`,
      ),
    )
    .returning({ id: workspaceInvites.id });
  if (!claimed) throw inviteGone();
  const grants = {
    roles: invite.roles as Role,
    permissions: invite.permissions,
    subaccountIds: invite.subaccountIds,
    status: 'active' as const,
  };
  await db
    .insert(memberships)
    .values({ workspaceId: invite.workspaceId, userId, ...grants })
    .onConflictDoUpdate({
      target: [memberships.workspaceId, memberships.userId],
      set: { ...grants, updated: sql`now()` },
      setWhere: sql`${memberships.status} in ('draft', 'invited')`,
    });
}

export interface InviteDescription {
  invite: Invite;
  workspace: { id: string; name: string; whitelabel: unknown; allowPasswordLogin: boolean };
  /** Whether the invited address already has an account (the client shows sign-in instead of sign-up). */
  registered: boolean;
}

/** What the invite page shows before the person accepts: the workspace's branding and the invitation. */
export async function describeInvite(db: DbOrTx, token: string): Promise<InviteDescription> {
  const invite = await findOpenInvite(db, token);
  const [workspace] = await db
    .select({ id: workspaces.id, name: workspaces.name, whitelabel: workspaces.whitelabel, allowPasswordLogin: workspaces.allowPasswordLogin })
    .from(workspaces)
    .where(eq(workspaces.id, invite.workspaceId));
  if (!workspace) throw inviteNotFound();
  const registered = invite.email ? (await findUserByEmail(db, invite.email)) !== undefined : false;
  return { invite, workspace, registered };
}
