import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Runtime } from '../../../platform/runtime.js';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { badRequest } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/enqueue-job.js';
import { queueMails } from '../../../platform/mail/queue-mail.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { DurationUnit } from '../../questions/schema.js';
import { answers, answerUploadParts, assessments, attempts, type AttemptStatus } from '../schema.js';
import { checkStatuses, lockAttempts, type Actor } from './bulk-targets.js';
import { attemptRecordFields, joinAssessment, type AttemptRecord } from './attempt-view.js';
import { attemptLink } from '../attempts/attempt-access.js';
import { answerFileKeys, dropFiles } from './answer-files.js';

/** Attempts a reopen accepts: those that are over. */
export const closedStatuses: readonly AttemptStatus[] = ['pending', 'pending_review', 'finished', 'expired', 'blocked'];

const unitSeconds: Record<DurationUnit, number> = { minute: 60, hour: 3600, day: 86_400 };
const defaultInvitationDays = 7;

export interface ReopenInput {
  ids: string[];
  duration: number;
  duration_unit?: DurationUnit;
  keep_answers?: boolean;
  reason?: string;
  notify?: boolean;
  send_at?: string;
}

/** What the candidate's link needs: the token keys and the web app's address. */
export type MailSettings = Pick<Runtime, 'tokens' | 'config'>;

/** Reopening also drops the files of cleared answers. */
export type ReopenRuntime = MailSettings & Pick<Runtime, 'storage'>;

export const NOTIFY_REOPENED = 'assessments.notify-reopened';

/**
 * POST /assessments/attempts/bulk/reopen. Every attempt named must be over (pending,
 * pending_review, finished, expired or blocked), else 409 `attempt_not_closed` and nothing changes.
 * Each goes back to `invited` with a new window: started, finished, ends_at, the open/close times
 * and the deadline are cleared, the invitation is valid again for the assessment's
 * `invitation_expire_days` (7 by default) from now, `reopen_date` is now and `duration_seconds` is
 * duration × unit (minute by default; 0 keeps the attempt's current time allowed). The old score and
 * breakdown are cleared (it is scored again when finished). `keep_answers` (default true) keeps the
 * saved responses; false clears every answer's response, score, review, media and uploads in progress (their files are deleted after the commit). `notify` e-mails
 * the candidates (not those with disable_email) now, or at `send_at` through a scheduled job
 * (`send_at` implies notify; a past one sends now). All in one transaction.
 */
export async function reopenAttempts(db: Db, actor: Actor, mail: ReopenRuntime, input: ReopenInput): Promise<{ reopened: number; notify_at: string | null }> {
  if (!Number.isFinite(input.duration) || input.duration < 0) throw badRequest('invalid_duration', 'duration must be 0 or more', 'body/duration');
  const seconds = Math.round(input.duration * unitSeconds[input.duration_unit ?? 'minute']);
  if (seconds > 2_147_483_647) throw badRequest('invalid_duration', 'duration is too long', 'body/duration');
  const sendAt = input.send_at ? new Date(input.send_at) : undefined;
  if (sendAt && Number.isNaN(sendAt.getTime())) throw badRequest('invalid_date', 'send_at is not a date', 'body/send_at');
  const notify = input.notify === true || sendAt !== undefined;
  const later = sendAt && sendAt.getTime() > Date.now() ? sendAt : undefined;
  const { result, files } = await db.transaction(async (tx) => {
    const records = await lockAttempts(tx, actor, input.ids);
    checkStatuses(records, input.ids, closedStatuses, 'attempt_not_closed', 'Only attempts that are over can be reopened');
    const now = new Date();
    for (const { attempt, settings } of records) {
      const days = typeof settings.invitation_expire_days === 'number' && settings.invitation_expire_days > 0 ? settings.invitation_expire_days : defaultInvitationDays;
      await tx
        .update(attempts)
        .set({
          status: 'invited',
          started: null,
          finished: null,
          endsAt: null,
          customTimeOpen: null,
          customTimeClose: null,
          deadline: null,
          invitationDateExpire: new Date(now.getTime() + days * 86_400_000),
          durationSeconds: seconds === 0 ? attempt.durationSeconds : seconds,
          reopenDate: now,
          reopenReason: input.reason ?? null,
          score: null,
          totalScore: null,
          maxScore: null,
          breakdown: null,
          updated: now,
        })
        .where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id)));
    }
    const ids = records.map((r) => r.attempt.id);
    const files = input.keep_answers === false ? await answerFileKeys(tx, actor.tenant.workspaceId, ids) : [];
    if (input.keep_answers === false) {
      await tx
        .update(answers)
        .set({ status: 'unanswered', response: null, savedAt: null, score: null, autoResult: null, review: null, media: sql`'[]'::jsonb`, updated: now })
        .where(and(eq(answers.workspaceId, actor.tenant.workspaceId), inArray(answers.attemptId, ids)));
      const cleared = tx.select({ id: answers.id }).from(answers).where(and(eq(answers.workspaceId, actor.tenant.workspaceId), inArray(answers.attemptId, ids)));
      await tx.delete(answerUploadParts).where(and(eq(answerUploadParts.workspaceId, actor.tenant.workspaceId), inArray(answerUploadParts.answerId, cleared)));
    }
    if (notify && later) {
      await enqueueJob(tx, NOTIFY_REOPENED, { workspaceId: actor.tenant.workspaceId, attemptIds: ids, reopenDate: now.toISOString() }, { startAfter: later });
    } else if (notify) {
      await mailReopened(tx, mail, records.map((r) => ({ ...r, attempt: { ...r.attempt, reopenReason: input.reason ?? null } })));
    }
    return { result: { reopened: ids.length, notify_at: notify ? (later ?? now).toISOString() : null }, files };
  });
  await dropFiles(mail.storage, files);
  return result;
}

async function mailReopened(db: DbOrTx, mail: MailSettings, records: AttemptRecord[]): Promise<void> {
  const messages = records
    .filter((r) => !r.attempt.disableEmail)
    .map(({ attempt, assessmentName, language }) => ({
      to: attempt.email,
      template: 'attempt_reopened' as const,
      language,
      workspaceId: attempt.workspaceId,
      data: { name: attempt.name, assessment: assessmentName, reason: attempt.reopenReason ?? '', link: attemptLink(mail, attempt) },
    }));
  if (messages.length > 0) await queueMails(db, messages);
}

interface NotifyReopened {
  workspaceId: string;
  attemptIds: string[];
  reopenDate: string;
}

/**
 * The scheduled notification of a reopen (send_at). It mails the attempts that are still invited
 * from that same reopen: one reopened again or started meanwhile is not mailed by this job.
 */
export const notifyReopenedJob = defineJob<NotifyReopened>({
  name: NOTIFY_REOPENED,
  async run(runtime, job) {
    const { workspaceId, attemptIds, reopenDate } = job.data;
    const db = runtime.database.db;
    await db.transaction(async (tx) => {
      const records = await tx
        .select(attemptRecordFields)
        .from(attempts)
        .innerJoin(assessments, joinAssessment)
        .where(and(eq(attempts.workspaceId, workspaceId), inArray(attempts.id, attemptIds), eq(attempts.status, 'invited'), eq(attempts.reopenDate, new Date(reopenDate))));
      await mailReopened(tx, runtime, records);
    });
  },
});
