import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { inChunks } from '../../../platform/db/chunks.js';
import { insertManyReturning } from '../../../platform/db/insert-many.js';
import { badRequest, conflict, notFound } from '../../../platform/errors.js';
import type { Tenant } from '../../../platform/http/request-context.js';
import { newId, newSecret } from '../../../platform/ids.js';
import { queueMails, type MailMessage } from '../../../platform/mail/queue-mail.js';
import { checkWebhookUrl } from '../../../platform/webhooks/enqueue-webhook.js';
import type { Runtime } from '../../../platform/runtime.js';
import { normalizeEmail } from '../../identity/users.js';
import { workspaces } from '../../identity/workspaces/schema.js';
import { assessments, attempts, type AssessmentRow, type AttemptRow, type RevisionRow } from '../schema.js';
import { attemptLink } from './attempt-access.js';
import { newAttemptSeed } from './attempt-order.js';
import { candidateAccounts } from './candidate-accounts.js';
import { revisionFor } from './freeze-revision.js';

export interface Invitee {
  email: string;
  name?: string;
  tags?: string[];
  deadline?: string;
  custom_time_open?: string;
  custom_time_close?: string;
}

export interface InviteOptions {
  /** No invitation e-mail (the caller hands out the links itself). */
  disable_email?: boolean;
  callback_url?: string;
  webhook_url?: string;
}

export interface InvitedAttempt {
  _id: string;
  email: string;
  name: string;
  status: AttemptRow['status'];
  /** false: the person already had an attempt at this assessment; it is answered as it is and no e-mail is sent. */
  invited: boolean;
  link: string;
  invitation_date_expire: string | null;
}

export interface InviteContext {
  db: Db;
  runtime: Runtime;
  tenant: Pick<Tenant, 'workspaceId' | 'subaccountId' | 'allowedSubaccountIds'>;
  actorId: string | null;
}

export const DEFAULT_INVITATION_DAYS = 7;

/** An assessment the request may see (its subaccounts, when the request is scoped), or 404. */
export async function visibleAssessment(db: DbOrTx, tenant: InviteContext['tenant'], assessmentId: string): Promise<AssessmentRow> {
  const [assessment] = await db.select().from(assessments).where(and(eq(assessments.workspaceId, tenant.workspaceId), eq(assessments.id, assessmentId)));
  const visible = tenant.subaccountId ? [tenant.subaccountId] : tenant.allowedSubaccountIds;
  if (!assessment || (visible.length > 0 && !assessment.subaccountIds.some((id) => visible.includes(id)))) throw notFound('Assessment');
  return assessment;
}

function date(value: string | undefined, field: string): Date | null {
  if (value === undefined) return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw badRequest('invalid_date', `${field} is not a date`, field);
  return parsed;
}

export function invitationExpiry(assessment: Pick<AssessmentRow, 'settings'>, from: Date): Date {
  const days = assessment.settings.invitation_expire_days;
  const valid = typeof days === 'number' && days > 0 ? days : DEFAULT_INVITATION_DAYS;
  return new Date(from.getTime() + valid * 86_400_000);
}

function checkInvitees(people: Invitee[]): string[] {
  const emails = people.map((p) => normalizeEmail(p.email));
  const seen = new Map<string, number>();
  emails.forEach((email, i) => {
    if (seen.has(email)) throw badRequest('duplicate_email', `body/participants/${i}/email repeats body/participants/${seen.get(email)}/email`, `body/participants/${i}/email`);
    seen.set(email, i);
  });
  return emails;
}

/** The invitation e-mails of attempts just created or re-sent, in their assessment's language. */
export async function invitationMails(tx: DbOrTx, runtime: Runtime, assessment: Pick<AssessmentRow, 'workspaceId' | 'name' | 'language'>, list: AttemptRow[]): Promise<MailMessage[]> {
  const [workspace] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, assessment.workspaceId));
  return list.map((attempt) => ({
    to: attempt.email,
    template: 'attempt_invitation' as const,
    language: assessment.language,
    workspaceId: attempt.workspaceId,
    data: {
      name: attempt.name,
      link: attemptLink(runtime, attempt),
      workspace: workspace?.name ?? '',
      assessment: assessment.name,
      expires: attempt.invitationDateExpire ? attempt.invitationDateExpire.toISOString().slice(0, 10) : '',
    },
  }));
}

/** New attempt rows for these people at the revision, all `invited` now. */
export function newAttempts(context: InviteContext, assessment: AssessmentRow, revision: RevisionRow, people: Array<Invitee & { userId: string; email: string }>, options: InviteOptions & { source?: AttemptRow['source']; linkId?: string }, now: Date) {
  const expires = invitationExpiry(assessment, now);
  const subaccountIds = context.tenant.subaccountId ? [context.tenant.subaccountId] : assessment.subaccountIds;
  return people.map((p, i) => ({
    workspaceId: assessment.workspaceId,
    id: newId(),
    assessmentId: assessment.id,
    revisionId: revision.id,
    userId: p.userId,
    email: p.email,
    name: p.name?.trim() ?? '',
    status: 'invited' as const,
    source: options.source ?? ('invite' as const),
    linkId: options.linkId ?? null,
    inviterId: context.actorId,
    tags: p.tags ?? [],
    tokenNonce: newSecret(16),
    seed: newAttemptSeed(),
    invitationDate: now,
    invitationDateExpire: expires,
    deadline: date(p.deadline, `body/participants/${i}/deadline`),
    customTimeOpen: date(p.custom_time_open, `body/participants/${i}/custom_time_open`),
    customTimeClose: date(p.custom_time_close, `body/participants/${i}/custom_time_close`),
    durationSeconds: revision.content.duration_seconds,
    disableEmail: options.disable_email ?? false,
    callbackUrl: options.callback_url ?? null,
    webhookUrl: options.webhook_url ?? null,
    subaccountIds,
  }));
}

/**
 * Invites people to a published assessment in one transaction: unknown e-mails get an account, each
 * new person an `invited` attempt on the assessment's current revision (valid
 * settings.invitation_expire_days, default 7) and, unless disable_email, the `attempt_invitation`
 * e-mail with their link. Idempotent on (assessment, e-mail): someone who already has an attempt
 * gets it back unchanged (`invited: false`, no e-mail).
 */
export async function inviteAttempts(context: InviteContext, assessmentId: string, people: Invitee[], options: InviteOptions = {}, now = new Date()): Promise<InvitedAttempt[]> {
  const emails = checkInvitees(people);
  if (options.webhook_url) checkWebhookUrl(options.webhook_url);
  return context.db.transaction(async (tx) => {
    const assessment = await visibleAssessment(tx, context.tenant, assessmentId);
    if (assessment.status !== 'published') throw conflict('assessment_not_published', `The assessment is ${assessment.status}: only a published assessment takes invitations`);
    const revision = await revisionFor(tx, assessment.workspaceId, assessment.id);
    const accounts = await candidateAccounts(tx, emails);
    const rows = newAttempts(context, assessment, revision, people.map((p, i) => ({ ...p, email: emails[i], userId: accounts.get(emails[i])! })), options, now);
    const created = new Set(await insertManyReturning(tx, attempts, rows, attempts.email, { onConflictDoNothing: true }));
    const stored = new Map<string, AttemptRow>();
    for (const part of inChunks(emails)) {
      const found = await tx.select().from(attempts).where(and(eq(attempts.workspaceId, assessment.workspaceId), eq(attempts.assessmentId, assessment.id), inArray(attempts.email, part)));
      for (const row of found) stored.set(row.email, row);
    }
    const fresh = emails.filter((email) => created.has(email)).map((email) => stored.get(email)!);
    const mailed = fresh.filter((a) => !a.disableEmail);
    if (mailed.length > 0) await queueMails(tx, await invitationMails(tx, context.runtime, assessment, mailed));
    if (fresh.length > 0) await tx.update(assessments).set({ lastInteraction: now }).where(and(eq(assessments.workspaceId, assessment.workspaceId), eq(assessments.id, assessment.id)));
    return emails.map((email): InvitedAttempt => {
      const attempt = stored.get(email)!;
      return {
        _id: attempt.id,
        email,
        name: attempt.name,
        status: attempt.status,
        invited: created.has(email),
        link: attemptLink(context.runtime, attempt),
        invitation_date_expire: attempt.invitationDateExpire?.toISOString() ?? null,
      };
    });
  });
}
