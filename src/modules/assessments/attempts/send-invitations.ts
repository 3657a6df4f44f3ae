import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { inChunks } from '../../../platform/db/chunks.js';
import { AppError, badRequest } from '../../../platform/errors.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { enqueueJob } from '../../../platform/jobs/enqueue-job.js';
import { queueMails } from '../../../platform/mail/queue-mail.js';
import type { Runtime } from '../../../platform/runtime.js';
import { assessments, attempts, type AttemptRow } from '../schema.js';
import { attemptLink } from './attempt-access.js';
import { invitationExpiry, invitationMails, type InviteContext } from './invite-attempts.js';

export const SEND_INVITATIONS = 'assessments.send-invitations';

export interface SendInvitationsData {
  workspaceId: string;
  ids: string[];
}

/** Attempts an invitation may be (re)sent to: not started nor finished. */
const resendable: ReadonlySet<AttemptRow['status']> = new Set(['draft', 'invited', 'scheduled', 'expired']);

export interface SentInvitation {
  _id: string;
  status: AttemptRow['status'];
  /** true: the e-mail is queued (or scheduled); false: the attempt is past inviting or has disable_email. */
  sent: boolean;
}

export interface SendResult {
  attempts: SentInvitation[];
  /** When the e-mails go out: null for now. */
  send_at: string | null;
}

/** The attempts of `ids` the request may see, all of them or 404 naming the first missing one. */
async function attemptsOf(db: Db, tenant: InviteContext['tenant'], ids: string[], field: string, assessmentId?: string): Promise<AttemptRow[]> {
  const unique = [...new Set(ids)];
  const found = new Map<string, AttemptRow>();
  const visible = tenant.subaccountId ? [tenant.subaccountId] : tenant.allowedSubaccountIds;
  for (const part of inChunks(unique)) {
    const rows = await db.select().from(attempts).where(and(eq(attempts.workspaceId, tenant.workspaceId), inArray(attempts.id, part)));
    for (const row of rows) {
      if (assessmentId && row.assessmentId !== assessmentId) continue;
      if (visible.length > 0 && !row.subaccountIds.some((id) => visible.includes(id))) continue;
      found.set(row.id, row);
    }
  }
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new AppError(404, 'attempt_not_found', `${field}/${missing} names no attempt${assessmentId ? ' of this assessment' : ''}`, [{ field: `${field}/${missing}`, message: 'not found' }]);
  return unique.map((id) => found.get(id)!);
}

/**
 * (Re)sends the invitation e-mails now, in one transaction: draft and expired attempts become
 * `invited` again with a fresh invitation date and expiry; scheduled and invited ones keep theirs.
 * Started and finished attempts, and those with disable_email, are answered `sent: false`.
 */
export async function sendInvitationsNow(db: Db, runtime: Runtime, workspaceId: string, ids: string[], now = new Date()): Promise<SentInvitation[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(attempts).where(and(eq(attempts.workspaceId, workspaceId), inArray(attempts.id, ids))).for('update');
    const due = rows.filter((a) => resendable.has(a.status));
    const byAssessment = new Map<string, AttemptRow[]>();
    const refreshed: AttemptRow[] = [];
    for (const attempt of due) {
      let current = attempt;
      if (attempt.status === 'draft' || attempt.status === 'expired') {
        const [assessment] = await tx.select({ settings: assessments.settings }).from(assessments).where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, attempt.assessmentId)));
        [current] = await tx
          .update(attempts)
          .set({ status: 'invited', invitationDate: now, invitationDateExpire: invitationExpiry({ settings: assessment?.settings ?? {} }, now), updated: now })
          .where(and(eq(attempts.workspaceId, workspaceId), eq(attempts.id, attempt.id)))
          .returning();
      }
      refreshed.push(current);
      if (!current.disableEmail) byAssessment.set(current.assessmentId, [...(byAssessment.get(current.assessmentId) ?? []), current]);
    }
    for (const [assessmentId, list] of byAssessment) {
      const [assessment] = await tx.select().from(assessments).where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, assessmentId)));
      if (!assessment) continue;
      await queueMails(tx, await invitationMails(tx, runtime, assessment, list));
      await tx.update(assessments).set({ lastInteraction: now }).where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, assessmentId)));
    }
    const state = new Map(refreshed.map((a) => [a.id, a]));
    return ids.map((id) => {
      const row = state.get(id) ?? rows.find((r) => r.id === id);
      return { _id: id, status: row?.status ?? 'draft', sent: Boolean(state.get(id) && !state.get(id)!.disableEmail) };
    });
  });
}

/**
 * Sends the invitations of existing attempts, now or at `send_at` (a job queued for then; the
 * attempts are checked now and again when it runs). Every id must name an attempt the request may
 * see (404 naming the field otherwise).
 */
export async function sendInvitations(context: InviteContext, ids: string[], options: { sendAt?: string; field: string; assessmentId?: string }): Promise<SendResult> {
  const found = await attemptsOf(context.db, context.tenant, ids, options.field, options.assessmentId);
  const unique = found.map((a) => a.id);
  const sendAt = options.sendAt ? new Date(options.sendAt) : undefined;
  if (sendAt && Number.isNaN(sendAt.getTime())) throw badRequest('invalid_date', 'body/send_at is not a date', 'body/send_at');
  if (sendAt && sendAt.getTime() > Date.now()) {
    await enqueueJob(context.db, SEND_INVITATIONS, { workspaceId: context.tenant.workspaceId, ids: unique } satisfies SendInvitationsData, { startAfter: sendAt });
    return { attempts: found.map((a) => ({ _id: a.id, status: a.status, sent: resendable.has(a.status) && !a.disableEmail })), send_at: sendAt.toISOString() };
  }
  return { attempts: await sendInvitationsNow(context.db, context.runtime, context.tenant.workspaceId, unique), send_at: null };
}

export const sendInvitationsJob = defineJob<SendInvitationsData>({
  name: SEND_INVITATIONS,
  run: async (runtime, job) => {
    await sendInvitationsNow(runtime.database.db, runtime, job.data.workspaceId, job.data.ids);
  },
});

/** Links with the attempt token (no sign-in needed) for attempts of one assessment. */
export async function autoLoginLinks(context: InviteContext, assessmentId: string, ids: string[]): Promise<Array<{ _id: string; email: string; link: string }>> {
  const found = await attemptsOf(context.db, context.tenant, ids, 'body/participations', assessmentId);
  return found.map((a) => ({ _id: a.id, email: a.email, link: attemptLink(context.runtime, a) }));
}
