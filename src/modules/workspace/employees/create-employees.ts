import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Config, Role } from '../../../platform/config.js';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import type { Language, Tenant } from '../../../platform/http/request-context.js';
import { badRequest } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { inChunks } from '../../../platform/db/chunks.js';
import { insertMany, insertManyReturning } from '../../../platform/db/insert-many.js';
import { queueMails } from '../../../platform/mail/queue-mail.js';
import { users } from '../../identity/schema.js';
import { displayNameOf, normalizeEmail } from '../../identity/users.js';
import { createInvites } from '../../identity/invites.js';
import { memberships, workspaces } from '../../identity/workspaces/schema.js';
import { checkSubaccountRefs } from '../subaccounts/check-subaccounts.js';
import { checkConfinedAssignment } from '../confinement.js';
import { checkGrant } from './grants.js';
import { memberNameOf } from './member-name.js';

export interface NewEmployee {
  email: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  roles?: Role;
  permissions?: string[];
  subaccount_ids?: string[];
  external_id?: string | null;
  tags?: string[];
}

export interface CreatedEmployee {
  _id: string;
  email: string;
  displayName: string;
  roles: Role;
  status: string;
  /** false when the person already was an employee: nothing changed and no invitation was sent. */
  invited: boolean;
  /** The invitation link (also e-mailed); null when not invited. */
  link: string | null;
  expires: string | null;
}

export interface CreateContext {
  db: Db;
  config: Pick<Config, 'appUrl'>;
  tenant: Pick<Tenant, 'workspaceId' | 'subaccountId' | 'allowedSubaccountIds' | 'role' | 'permissions'>;
  actorId: string | null;
  language: Language;
}

function validate(context: CreateContext, people: NewEmployee[]): string[] {
  const emails = people.map((p) => normalizeEmail(p.email));
  const seen = new Map<string, number>();
  emails.forEach((email, i) => {
    if (seen.has(email)) throw badRequest('duplicate_email', `body/users/${i}/email repeats body/users/${seen.get(email)}/email`, `body/users/${i}/email`);
    seen.set(email, i);
  });
  people.forEach((p, i) => {
    checkGrant(context.tenant, { role: p.roles, permissions: p.permissions }, `body/users/${i}`);
    if (p.subaccount_ids) checkConfinedAssignment(context.tenant, p.subaccount_ids, `body/users/${i}/subaccount_ids`);
  });
  return emails;
}

/** Without explicit subaccounts, a scoped request puts people where it can see them. */
function subaccountsFor(context: CreateContext, person: NewEmployee): string[] {
  if (person.subaccount_ids) return person.subaccount_ids;
  if (context.tenant.subaccountId) return [context.tenant.subaccountId];
  return context.tenant.allowedSubaccountIds;
}

/**
 * Existing accounts by e-mail; new ones are created without a password (they set it when accepting)
 * and with a neutral name, the address's local part: the name this workspace gives goes on its
 * membership, so another workspace adding the same person never reads it.
 */
async function accountsFor(tx: DbOrTx, emails: string[]): Promise<Map<string, { id: string; displayName: string }>> {
  const byEmail = new Map<string, { id: string; displayName: string }>();
  const load = async (list: string[]) => {
    for (const part of inChunks(list)) {
      const rows = await tx
        .select({ id: users.id, email: users.email, displayName: users.displayName })
        .from(users)
        .where(inArray(sql`lower(${users.email})`, part));
      for (const row of rows) byEmail.set(normalizeEmail(row.email), { id: row.id, displayName: row.displayName });
    }
  };
  await load(emails);
  const missing = [...new Set(emails)].filter((email) => !byEmail.has(email)).map((email) => ({ email }));
  // A concurrent sign-up of the same address wins; its account is read back below.
  await insertMany(
    tx,
    users,
    missing.map(({ email }) => ({ id: newId(), email, displayName: displayNameOf({ email }), provider: 'local' })),
    { onConflictDoNothing: true },
  );
  if (missing.length) await load(missing.map((m) => m.email));
  return byEmail;
}

interface CurrentMembership {
  roles: Role;
  status: string;
  displayName: string | null;
}

/** Role, status and this workspace's name of the people who already were employees, by user id. */
async function currentMemberships(tx: DbOrTx, workspaceId: string, userIds: string[]): Promise<Map<string, CurrentMembership>> {
  const byUser = new Map<string, CurrentMembership>();
  for (const part of inChunks(userIds)) {
    const rows = await tx
      .select({ userId: memberships.userId, roles: memberships.roles, status: memberships.status, displayName: memberships.displayName })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, part)));
    for (const row of rows) byUser.set(row.userId, { roles: row.roles, status: row.status, displayName: row.displayName });
  }
  return byUser;
}

/**
 * Adds people to the workspace in one transaction: unknown addresses get an account, each new
 * employee an `invited` membership, an invitation (link in the answer) and the `workspace_invite`
 * e-mail. People who already are employees are left as they are.
 */
export async function createEmployees(context: CreateContext, people: NewEmployee[]): Promise<CreatedEmployee[]> {
  const { db, tenant } = context;
  const emails = validate(context, people);
  return db.transaction(async (tx) => {
    await checkSubaccountRefs(tx, tenant, people.flatMap((p, i) => (p.subaccount_ids ?? []).map((id, j) => ({ id, field: `body/users/${i}/subaccount_ids/${j}` }))));
    const accounts = await accountsFor(tx, emails);
    const names = people.map((p) => memberNameOf(p));
    const nameOf = (i: number) => names[i].displayName ?? accounts.get(emails[i])!.displayName;
    const added = new Set(
      await insertManyReturning(
        tx,
        memberships,
        people.map((p, i) => ({
          workspaceId: tenant.workspaceId,
          userId: accounts.get(emails[i])!.id,
          roles: p.roles ?? 'user',
          permissions: p.permissions ?? [],
          status: 'invited' as const,
          subaccountIds: subaccountsFor(context, p),
          externalId: p.external_id ?? null,
          tags: p.tags ?? [],
          ...names[i],
        })),
        memberships.userId,
        { onConflictDoNothing: true },
      ),
    );
    const [workspace] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, tenant.workspaceId));
    const existing = await currentMemberships(tx, tenant.workspaceId, [...accounts.values()].map((a) => a.id).filter((id) => !added.has(id)));
    const invited = people.flatMap((p, i) => (added.has(accounts.get(emails[i])!.id) ? [{ p, i }] : []));
    const invites = await createInvites(
      tx,
      tenant.workspaceId,
      invited.map(({ p, i }) => ({ email: emails[i], roles: p.roles ?? 'user', permissions: p.permissions ?? [], subaccountIds: subaccountsFor(context, p), invitedBy: context.actorId })),
      context.config.appUrl,
    );
    await queueMails(
      tx,
      invited.map(({ i }, k) => ({
        to: emails[i],
        template: 'workspace_invite' as const,
        language: context.language,
        workspaceId: tenant.workspaceId,
        data: { name: nameOf(i), link: invites[k].link, workspace: workspace?.name ?? '' },
      })),
    );
    const inviteOf = new Map(invited.map(({ i }, k) => [i, invites[k]]));
    return people.map((p, i): CreatedEmployee => {
      const account = accounts.get(emails[i])!;
      const created = inviteOf.get(i);
      if (!created) {
        const current = existing.get(account.id)!;
        return { _id: account.id, email: emails[i], displayName: current.displayName ?? account.displayName, roles: current.roles, status: current.status, invited: false, link: null, expires: null };
      }
      return { _id: account.id, email: emails[i], displayName: nameOf(i), roles: p.roles ?? 'user', status: 'invited', invited: true, link: created.link, expires: created.expiresAt.toISOString() };
    });
  });
}
