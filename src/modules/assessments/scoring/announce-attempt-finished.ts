import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Runtime } from '../../../platform/runtime.js';
import { queueMails, type MailMessage } from '../../../platform/mail/queue-mail.js';
import { mailLanguage } from '../../../platform/mail/render-mail.js';
import { checkWebhookUrl, enqueueWebhook } from '../../../platform/webhooks/enqueue-webhook.js';
import { webhookKey } from '../../../platform/webhooks/signature.js';
import { users } from '../../identity/schema.js';
import { mintToken } from '../attempt-tokens.js';
import { assessments, type AttemptRow } from '../schema.js';
import type { RevisionContent } from '../types.js';
import type { AttemptScore } from './score-types.js';

/** The event an attempt's webhook_url receives when it finishes. */
export const ATTEMPT_FINISHED = 'attempt.finished';

/** The seed's Assessment Webhook body, carried as the event's `data`. */
export interface AttemptFinishedPayload {
  attempt_id: string;
  application_id: string | null;
  assessment_id: string;
  status: 'finished';
  score: number | null;
  title: string;
}

/** Whether a finished attempt passed: score ≥ settings.passing_score (default 0: every finished attempt passes). */
export function attemptPassed(score: number | null, revision: Pick<RevisionContent, 'settings'>): boolean {
  const passing = typeof revision.settings.passing_score === 'number' ? revision.settings.passing_score : 0;
  return passing <= 0 || (score !== null && score >= passing);
}

export const certificateToken = (runtime: Pick<Runtime, 'tokens'>, attempt: Pick<AttemptRow, 'workspaceId' | 'id' | 'tokenNonce'>) =>
  mintToken(runtime.tokens, 'certificate', { workspaceId: attempt.workspaceId, id: attempt.id, nonce: attempt.tokenNonce });

const appLink = (runtime: Runtime, path: string) => `${runtime.config.appUrl.replace(/\/+$/, '')}${path}`;
export const certificateLink = (runtime: Runtime, token: string) => appLink(runtime, `/certificates/${encodeURIComponent(token)}`);

/**
 * The secret that signs an attempt's webhook: the one an integration stored with the attempt
 * (`external.webhook_secret`), else one derived from the instance key and the workspace, so none is stored.
 */
export function attemptWebhookSecret(runtime: Pick<Runtime, 'tokens'>, attempt: Pick<AttemptRow, 'workspaceId' | 'external'>): string {
  const stored = attempt.external.webhook_secret;
  if (typeof stored === 'string') {
    try {
      webhookKey(stored);
      return stored;
    } catch {
      // Not a usable whsec_ secret: sign with the derived one.
    }
  }
  return `whsec_${Buffer.from(runtime.tokens.mac('attempt-webhook', attempt.workspaceId), 'base64url').toString('base64')}`;
}

/** A stored URL that is no longer acceptable must not undo the finish: the event is skipped and logged. */
function usableUrl(runtime: Runtime, attempt: AttemptRow): boolean {
  try {
    checkWebhookUrl(attempt.webhookUrl ?? '');
    return true;
  } catch {
    runtime.log.warn({ workspaceId: attempt.workspaceId, attemptId: attempt.id }, 'attempt webhook_url is not a valid URL: attempt.finished not sent');
    return false;
  }
}

const formatScore = (score: number | null) => (score === null ? '' : String(score));

/**
 * What a finished attempt sets off, in the caller's transaction: the result e-mails (the candidate's
 * unless disable_email or hidden results or notify_candidate false, with the certificate link when passed;
 * the author's unless notify_author false; every settings.notify_emails address) and the
 * `attempt.finished` webhook to the attempt's webhook_url.
 */
export async function announceAttemptFinished(tx: DbOrTx, runtime: Runtime, attempt: AttemptRow, revision: RevisionContent, result: AttemptScore): Promise<void> {
  const settings = revision.settings;
  const language = mailLanguage(revision.language);
  const assessment = revision.name;
  const score = formatScore(result.score);
  const person = attempt.name || attempt.email;
  const messages: MailMessage[] = [];

  const hidden = attempt.hiddenResults || settings.hidden_results === true;
  if (!attempt.disableEmail && !hidden && settings.notify_candidate !== false) {
    const link = attemptPassed(result.score, revision) ? certificateLink(runtime, certificateToken(runtime, attempt)) : '';
    messages.push({ to: attempt.email, template: 'attempt_result_candidate', language, workspaceId: attempt.workspaceId, data: { name: attempt.name, assessment, score, link } });
  }

  const resultLink = appLink(runtime, `/assessments/${attempt.assessmentId}/attempts/${attempt.id}`);
  const staff = new Set<string>();
  if (settings.notify_author !== false) {
    const [author] = await tx
      .select({ email: users.email })
      .from(assessments)
      .innerJoin(users, eq(users.id, assessments.authorId))
      .where(and(eq(assessments.workspaceId, attempt.workspaceId), eq(assessments.id, attempt.assessmentId)))
      .limit(1);
    if (author) staff.add(author.email.toLowerCase());
  }
  for (const email of Array.isArray(settings.notify_emails) ? settings.notify_emails : []) {
    if (typeof email === 'string' && email.includes('@')) staff.add(email.trim().toLowerCase());
  }
  for (const to of [...staff].sort()) {
    messages.push({ to, template: 'attempt_result_author', language, workspaceId: attempt.workspaceId, data: { person, assessment, score, link: resultLink } });
  }
  if (messages.length > 0) await queueMails(tx, messages);

  await queueFinishedWebhook(tx, runtime, attempt, result.score, assessment);
}

/**
 * The `attempt.finished` event to the attempt's webhook_url (the seed's Assessment Webhook body), in
 * the caller's transaction; answers false when the attempt has no usable URL.
 */
export async function queueFinishedWebhook(tx: DbOrTx, runtime: Runtime, attempt: AttemptRow, score: number | null, title: string): Promise<boolean> {
  if (!attempt.webhookUrl || !usableUrl(runtime, attempt)) return false;
  const applicationId = attempt.external.application_id;
  const payload: AttemptFinishedPayload = {
    attempt_id: attempt.id,
    application_id: typeof applicationId === 'string' ? applicationId : null,
    assessment_id: attempt.assessmentId,
    status: 'finished',
    score,
    title,
  };
  await enqueueWebhook(tx, { workspaceId: attempt.workspaceId, url: attempt.webhookUrl, secret: attemptWebhookSecret(runtime, attempt), eventType: ATTEMPT_FINISHED, payload });
  return true;
}
