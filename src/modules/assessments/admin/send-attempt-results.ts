import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { queueMails } from '../../../platform/mail/queue-mail.js';
import { attempts } from '../schema.js';
import { checkEvery, checkStatuses, lockAttempts, type Actor } from './bulk-targets.js';
import { isLocked } from './attempt-view.js';
import { attemptLink } from '../attempts/attempt-access.js';
import type { MailSettings } from './reopen-attempts.js';

/**
 * POST /assessments/attempts/bulk/send-results: the results of finished attempts reach their
 * candidates. Every attempt named must be finished (409 `attempt_not_finished`) and not locked
 * (409 `attempt_locked`: unlock it first). Each gets `hidden_results` false; those whose candidate
 * e-mails are not disabled (`disable_email`) are mailed their score and a link, and get
 * `results_sent_at`. Sending again mails again. One transaction.
 */
export async function sendAttemptResults(db: Db, actor: Actor, mail: MailSettings, ids: string[]): Promise<{ sent: string[]; email_disabled: string[] }> {
  return db.transaction(async (tx) => {
    const records = await lockAttempts(tx, actor, ids);
    checkStatuses(records, ids, ['finished'], 'attempt_not_finished', 'Only finished attempts have results to send');
    checkEvery(records, ids, (r) => !isLocked(r), 'attempt_locked', 'These results are locked: unlock the attempts first');
    const mailed = records.filter((r) => !r.attempt.disableEmail);
    const now = new Date();
    if (mailed.length > 0) {
      await queueMails(tx, mailed.map(({ attempt, assessmentName, language }) => ({
        to: attempt.email,
        template: 'attempt_results' as const,
        language,
        workspaceId: attempt.workspaceId,
        data: { name: attempt.name, assessment: assessmentName, score: attempt.score === null ? '' : String(Math.round(attempt.score * 10) / 10), link: attemptLink(mail, attempt) },
      })));
      await tx.update(attempts).set({ resultsSentAt: now }).where(and(eq(attempts.workspaceId, actor.tenant.workspaceId), inArray(attempts.id, mailed.map((r) => r.attempt.id))));
    }
    const all = records.map((r) => r.attempt.id);
    await tx.update(attempts).set({ hiddenResults: false, updated: now }).where(and(eq(attempts.workspaceId, actor.tenant.workspaceId), inArray(attempts.id, all)));
    return { sent: mailed.map((r) => r.attempt.id), email_disabled: records.filter((r) => r.attempt.disableEmail).map((r) => r.attempt.id) };
  });
}
