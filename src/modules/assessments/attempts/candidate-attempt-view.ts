import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { workspaces } from '../../identity/workspaces/schema.js';
import { attempts, type AttemptRow, type RevisionRow } from '../schema.js';
import { attemptPassed } from '../scoring/announce-attempt-finished.js';
import { cachedRevision, findRevision, revisionFor } from './freeze-revision.js';
import { attemptStatusLabel } from './labels.js';

/** What the candidate sees of their attempt: its state, its window and the server's clock. */
export interface CandidateAttempt {
  _id: string;
  status: AttemptRow['status'];
  status_formatted: string;
  name: string;
  email: string;
  assessment: { _id: string; name: string; description: string; language: string; duration_seconds: number; question_count: number; terms: string | null };
  terms: string | null;
  started: string | null;
  ends_at: string | null;
  finished: string | null;
  invitation_date_expire: string | null;
  custom_time_open: string | null;
  custom_time_close: string | null;
  deadline: string | null;
  /** The server's time when it answered: the client counts down from here, never from its own clock. */
  now: string;
  /** Seconds left of a started attempt (0 once its time is over), else null. */
  remaining_seconds: number | null;
  /** The workspace that invites: the welcome page names it. */
  company: string;
  /** Where the web app sends the candidate once finished (set by the inviter), else null. */
  callback_url: string | null;
  /** Whether the attempt is proctored (any integrity setting on): the welcome page asks for consent. */
  proctored: boolean;
  /** The score, once finished and the results are the candidate's to see (not hidden, not locked); else null. */
  result: { score: number | null; passed: boolean } | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The attempt's revision; an attempt created without one (e.g. by an integration) gets it now, once. */
export async function revisionOf(db: DbOrTx, attempt: AttemptRow): Promise<RevisionRow> {
  if (attempt.revisionId) {
    const revision = await cachedRevision(db, attempt.workspaceId, attempt.revisionId);
    if (revision) return revision;
  }
  const revision = await revisionFor(db, attempt.workspaceId, attempt.assessmentId);
  const [set] = await db
    .update(attempts)
    .set({ revisionId: revision.id })
    .where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id), isNull(attempts.revisionId)))
    .returning({ revisionId: attempts.revisionId });
  if (set) {
    attempt.revisionId = revision.id;
    return revision;
  }
  // Another request set it first: that one stands.
  const [current] = await db.select({ revisionId: attempts.revisionId }).from(attempts).where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id)));
  attempt.revisionId = current.revisionId;
  return (await findRevision(db, attempt.workspaceId, current.revisionId!))!;
}

/** The result a candidate may see: finished, results not hidden nor waiting for an unlock. */
function visibleResult(attempt: AttemptRow, revision: RevisionRow): CandidateAttempt['result'] {
  const settings = revision.content.settings;
  if (attempt.status !== 'finished' || attempt.hiddenResults || settings.hidden_results === true) return null;
  if (settings.unlock_required === true && attempt.unlockedAt === null) return null;
  return { score: attempt.score, passed: attemptPassed(attempt.score, revision.content) };
}

/** The candidate's view of an attempt, with its revision and the inviting workspace's name read here. */
export async function candidateView(db: DbOrTx, attempt: AttemptRow, language: Language): Promise<CandidateAttempt> {
  const revision = await revisionOf(db, attempt);
  const [workspace] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, attempt.workspaceId));
  return candidateAttemptView(attempt, revision, language, workspace?.name ?? '');
}

export function candidateAttemptView(attempt: AttemptRow, revision: RevisionRow, language: Language, company: string, now = new Date()): CandidateAttempt {
  const content = revision.content;
  const remaining = attempt.status === 'started' && attempt.endsAt ? Math.max(0, Math.floor((attempt.endsAt.getTime() - now.getTime()) / 1000)) : null;
  return {
    _id: attempt.id,
    status: attempt.status,
    status_formatted: attemptStatusLabel(attempt.status, language),
    name: attempt.name,
    email: attempt.email,
    assessment: {
      _id: attempt.assessmentId,
      name: content.name,
      description: content.description,
      language: content.language,
      duration_seconds: attempt.durationSeconds,
      question_count: content.questions.length,
      terms: typeof content.settings.terms === 'string' ? content.settings.terms : null,
    },
    terms: iso(attempt.terms),
    started: iso(attempt.started),
    ends_at: iso(attempt.endsAt),
    finished: iso(attempt.finished),
    invitation_date_expire: iso(attempt.invitationDateExpire),
    custom_time_open: iso(attempt.customTimeOpen),
    custom_time_close: iso(attempt.customTimeClose),
    deadline: iso(attempt.deadline),
    now: now.toISOString(),
    remaining_seconds: remaining,
    company,
    callback_url: attempt.callbackUrl,
    proctored: Object.values(attempt.integritySettings ?? {}).some(Boolean),
    result: visibleResult(attempt, revision),
  };
}
