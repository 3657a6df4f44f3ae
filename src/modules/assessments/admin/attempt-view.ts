import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { notFound } from '../../../platform/errors.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { answers, assessmentRevisions, assessments, attempts, type AnswerRow, type AttemptRow } from '../schema.js';
import type { AssessmentSettings, RevisionContent, ScoreBreakdown } from '../types.js';
import { attemptScope } from './attempt-scope.js';
import { gradeLabel, proficiencyLabel, stageLabel, statusLabel, type Grade, type Proficiency } from './labels.js';

/** An attempt with what its views need of its assessment. */
export interface AttemptRecord {
  attempt: AttemptRow;
  assessmentName: string;
  /** The assessment's content language: the candidate's e-mails are in it. */
  language: string;
  settings: AssessmentSettings;
}

/** The selection every attempt read uses: the row and its assessment's name and settings. */
export const attemptRecordFields = { attempt: attempts, assessmentName: assessments.name, language: assessments.language, settings: assessments.settings };

export const joinAssessment = and(eq(assessments.workspaceId, attempts.workspaceId), eq(assessments.id, attempts.assessmentId));

/**
 * Results are locked when the assessment asks for an unlock (`settings.unlock_required`) and the
 * attempt has not been unlocked yet (bulk unlock, which consumes credits).
 */
export function isLocked(record: Pick<AttemptRecord, 'attempt' | 'settings'>): boolean {
  return record.settings.unlock_required === true && record.attempt.unlockedAt === null;
}

const finishedStatuses = new Set(['finished', 'pending_review', 'pending', 'blocked']);

/** beginner below 50 %, intermediate below 80 %, advanced from 80 %. */
export function proficiencyOf(score: number | null): Proficiency | null {
  if (score === null) return null;
  if (score < 50) return 'beginner';
  return score < 80 ? 'intermediate' : 'advanced';
}

function gradeOf(record: AttemptRecord): Grade | null {
  const { attempt, settings } = record;
  if (attempt.status !== 'finished' || attempt.score === null || typeof settings.passing_score !== 'number') return null;
  return attempt.score >= settings.passing_score ? 'approved' : 'reproved';
}

/** issued: finished with a score at or above the passing score (any score when none is set); not_issued otherwise once finished; pending before. */
function certificateStatus(record: AttemptRecord): 'issued' | 'not_issued' | 'pending' {
  const { attempt, settings } = record;
  if (attempt.status !== 'finished' || attempt.score === null) return 'pending';
  const passing = typeof settings.passing_score === 'number' ? settings.passing_score : 0;
  return attempt.score >= passing ? 'issued' : 'not_issued';
}

/** Minutes from start to finish, to one decimal. */
function finishedIn(attempt: AttemptRow): number | null {
  if (!attempt.started || !attempt.finished) return null;
  return Math.round((attempt.finished.getTime() - attempt.started.getTime()) / 6000) / 10;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export interface AnswerSummary {
  _id: string;
  question: string;
  type: string | null;
  title: string | null;
  status: string;
  score: number | null;
  max_score: number | null;
  saved_at: string | null;
  reviewed: boolean;
}

/** The fields an attempt shows in lists and in its own read (answers and breakdown only there). */
export function attemptSummary(record: AttemptRecord, language: Language) {
  const { attempt } = record;
  const locked = isLocked(record);
  const score = locked ? null : attempt.score;
  const proficiency = locked ? null : proficiencyOf(score);
  const grade = locked ? null : gradeOf(record);
  return {
    _id: attempt.id,
    score,
    totalScore: locked ? null : attempt.totalScore,
    maxScore: locked ? null : attempt.maxScore,
    locked,
    grade_tag: grade ? { tag: grade, label: gradeLabel(grade, language) } : null,
    proficiency: proficiency ? { level: proficiency, level_formatted: proficiencyLabel(proficiency, language) } : null,
    certificate_status: locked ? 'pending' : certificateStatus(record),
    tags: attempt.tags,
    user: { _id: attempt.userId, name: attempt.name, email: attempt.email },
    assessment: { _id: attempt.assessmentId, name: record.assessmentName },
    status: attempt.status,
    status_formatted: statusLabel(attempt.status, language),
    stage: attempt.stage,
    stage_formatted: stageLabel(attempt.stage, language),
    source: attempt.source,
    started: iso(attempt.started),
    terms: iso(attempt.terms),
    ends_at: iso(attempt.endsAt),
    finished: iso(attempt.finished),
    finishedIn: finishedIn(attempt),
    invitation_date: iso(attempt.invitationDate),
    invitation_date_expire: iso(attempt.invitationDateExpire),
    deadline: iso(attempt.deadline),
    custom_time_open: iso(attempt.customTimeOpen),
    custom_time_close: iso(attempt.customTimeClose),
    duration_seconds: attempt.durationSeconds,
    // Candidate links are keyed MACs, never stored: a manager read does not hand out the candidate's access.
    invitation_token: null,
    access_token: null,
    inviter: attempt.inviterId,
    reopen_date: iso(attempt.reopenDate),
    reopen_reason: attempt.reopenReason,
    hidden_results: attempt.hiddenResults,
    results_sent_at: iso(attempt.resultsSentAt),
    unlocked_at: iso(attempt.unlockedAt),
    integrity_settings: attempt.integritySettings,
    proctoring: { integrity_settings: attempt.integritySettings },
    whitelabel: (record.settings.whitelabel as Record<string, unknown> | undefined) ?? {},
    can_export: !locked && finishedStatuses.has(attempt.status),
    subaccount_ids: attempt.subaccountIds,
    created: attempt.created.toISOString(),
    updated: attempt.updated.toISOString(),
  };
}

export type AttemptSummaryView = ReturnType<typeof attemptSummary>;

export function attemptView(record: AttemptRecord, answerSummaries: AnswerSummary[], language: Language) {
  const summary = attemptSummary(record, language);
  const breakdown: ScoreBreakdown | null = summary.locked ? null : record.attempt.breakdown;
  return { ...summary, answers: summary.locked ? [] : answerSummaries, breakdown };
}

export type AttemptView = ReturnType<typeof attemptView>;

/** An attempt of the request's scope, or a 404. `assessmentId` narrows it to that assessment. */
export async function findAttemptRecord(db: DbOrTx, tenant: ScopedTenant, attemptId: string, assessmentId?: string): Promise<AttemptRecord> {
  const [record] = await db
    .select(attemptRecordFields)
    .from(attempts)
    .innerJoin(assessments, joinAssessment)
    .where(and(attemptScope(tenant), eq(attempts.id, attemptId), assessmentId ? eq(attempts.assessmentId, assessmentId) : undefined));
  if (!record) throw notFound('Attempt');
  return record;
}

/** The attempt's answers, in the order of its revision's questions (then by id for questions not in it). */
export async function answerSummaries(db: DbOrTx, attempt: AttemptRow): Promise<AnswerSummary[]> {
  const rows = await db
    .select()
    .from(answers)
    .where(and(eq(answers.workspaceId, attempt.workspaceId), eq(answers.attemptId, attempt.id)))
    .orderBy(asc(answers.id));
  const questions = await revisionQuestions(db, attempt);
  const position = new Map(questions.map((q, i) => [q._id, i]));
  const byId = new Map(questions.map((q) => [q._id, q]));
  const rank = (row: AnswerRow) => position.get(row.questionId) ?? Number.MAX_SAFE_INTEGER;
  return rows
    .sort((a, b) => rank(a) - rank(b))
    .map((row) => ({
      _id: row.id,
      question: row.questionId,
      type: byId.get(row.questionId)?.type ?? null,
      title: byId.get(row.questionId)?.title ?? null,
      status: row.status,
      score: row.score,
      max_score: row.maxScore,
      saved_at: iso(row.savedAt),
      reviewed: row.review !== null,
    }));
}

export async function revisionQuestions(db: DbOrTx, attempt: Pick<AttemptRow, 'workspaceId' | 'revisionId'>): Promise<RevisionContent['questions']> {
  if (!attempt.revisionId) return [];
  const [revision] = await db
    .select({ content: assessmentRevisions.content })
    .from(assessmentRevisions)
    .where(and(eq(assessmentRevisions.workspaceId, attempt.workspaceId), eq(assessmentRevisions.id, attempt.revisionId)));
  return revision?.content.questions ?? [];
}

/** GET /assessments/:id/attempts/:attemptId */
export async function findAttemptResult(db: DbOrTx, tenant: ScopedTenant, assessmentId: string, attemptId: string, language: Language): Promise<AttemptView> {
  const record = await findAttemptRecord(db, tenant, attemptId, assessmentId);
  const summaries = isLocked(record) ? [] : await answerSummaries(db, record.attempt);
  return attemptView(record, summaries, language);
}
