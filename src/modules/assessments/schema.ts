import { pgTable, varchar, text, integer, real, boolean, timestamp, jsonb, index, primaryKey, uniqueIndex, foreignKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { durationUnits } from '../questions/schema.js';
import type { AssessmentQuestionEntry, AssessmentSection, AssessmentSettings, RevisionContent, ScoreBreakdown, AnswerResponse, AnswerReview, AnswerMedia } from './types.js';

export const assessmentStatuses = ['draft', 'published', 'archived'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** Attempt statuses: the seed's webhook `status` enum. */
export const attemptStatuses = ['draft', 'invited', 'scheduled', 'started', 'pending', 'pending_review', 'finished', 'expired', 'blocked'] as const;
export type AttemptStatus = (typeof attemptStatuses)[number];

/** Recruiter stages (ATS pipeline): the seed's bulk-update `stage` enum. */
export const attemptStages = ['none', 'evaluating', 'completed', 'reviewed', 'invited', 'interviewed', 'offer_sent', 'offer_declined', 'dropout', 'disqualified', 'hired'] as const;
export type AttemptStage = (typeof attemptStages)[number];

export const answerStatuses = ['unanswered', 'answered', 'pending', 'pending_review', 'finished'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

export const assessments = pgTable(
  'assessments',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    id: varchar('id', { length: 24 }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: assessmentStatuses }).notNull().default('draft'),
    /** Content language (pt, en, es). */
    language: text('language', { enum: ['pt', 'en', 'es'] }).notNull().default('en'),
    duration: integer('duration').notNull().default(60),
    durationUnit: text('duration_unit', { enum: durationUnits }).notNull().default('minute'),
    /** Ordered questions with their weight, section and per-question settings (types.ts). */
    questions: jsonb('questions').$type<AssessmentQuestionEntry[]>().notNull().default(sql`'[]'::jsonb`),
    sections: jsonb('sections').$type<AssessmentSection[]>().notNull().default(sql`'[]'::jsonb`),
    skillIds: varchar('skill_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar[]`),
    career: jsonb('career').$type<Record<string, unknown> | null>(),
    settings: jsonb('settings').$type<AssessmentSettings>().notNull().default(sql`'{}'::jsonb`),
    media: jsonb('media').$type<AnswerMedia[]>().notNull().default(sql`'[]'::jsonb`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    subaccountIds: varchar('subaccount_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar[]`),
    authorId: varchar('author_id', { length: 24 }),
    /** Date invitations were last sent. */
    lastInteraction: timestamp('last_interaction', { withTimezone: true }),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
    updated: timestamp('updated', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('assessments_created_idx').on(t.workspaceId, t.created), index('assessments_status_idx').on(t.workspaceId, t.status)],
);

/**
 * A frozen copy of an assessment and its questions (solutions and hidden tests included) as attempts
 * take it. An attempt points at the revision it was opened on, so editing the assessment or a
 * question never changes a running or finished attempt, and recalculating gives the same result.
 * One row per distinct content (sha256), shared by every attempt on it.
 */
export const assessmentRevisions = pgTable(
  'assessment_revisions',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    id: varchar('id', { length: 24 }).notNull(),
    assessmentId: varchar('assessment_id', { length: 24 }).notNull(),
    number: integer('number').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    content: jsonb('content').$type<RevisionContent>().notNull(),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('assessment_revisions_sha_idx').on(t.workspaceId, t.assessmentId, t.sha256),
    foreignKey({ columns: [t.workspaceId, t.assessmentId], foreignColumns: [assessments.workspaceId, assessments.id] }).onDelete('cascade'),
  ],
);

/** Share links: anyone holding the token may open (and so create) an attempt inside the window. */
export const assessmentLinks = pgTable(
  'assessment_links',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    id: varchar('id', { length: 24 }).notNull(),
    assessmentId: varchar('assessment_id', { length: 24 }).notNull(),
    /** Public by design (it is the link); starts with the workspace id so an open finds its workspace. */
    token: text('token').notNull(),
    name: text('name'),
    active: boolean('active').notNull().default(true),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    openAt: timestamp('open_at', { withTimezone: true }),
    closeAt: timestamp('close_at', { withTimezone: true }),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('assessment_links_token_idx').on(t.workspaceId, t.token),
    index('assessment_links_assessment_idx').on(t.workspaceId, t.assessmentId),
    foreignKey({ columns: [t.workspaceId, t.assessmentId], foreignColumns: [assessments.workspaceId, assessments.id] }).onDelete('cascade'),
  ],
);

export const attempts = pgTable(
  'attempts',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    id: varchar('id', { length: 24 }).notNull(),
    assessmentId: varchar('assessment_id', { length: 24 }).notNull(),
    /** Set when the attempt is opened; fixed from then on (reopen keeps it). */
    revisionId: varchar('revision_id', { length: 24 }),
    /** The candidate's account (users, a reference table). */
    userId: varchar('user_id', { length: 24 }).notNull(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    status: text('status', { enum: attemptStatuses }).notNull().default('draft'),
    stage: text('stage', { enum: attemptStages }).notNull().default('none'),
    /** How the attempt came to be: invite, share_link, ats. */
    source: text('source', { enum: ['invite', 'share_link', 'ats'] }).notNull().default('invite'),
    linkId: varchar('link_id', { length: 24 }),
    inviterId: varchar('inviter_id', { length: 24 }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Rotating it revokes every access link minted before (tokens are HMACs over it, never stored). */
    tokenNonce: varchar('token_nonce', { length: 32 }).notNull(),
    /** Per-attempt seed of question and choice order (randomize settings). */
    seed: integer('seed').notNull(),
    invitationDate: timestamp('invitation_date', { withTimezone: true }),
    invitationDateExpire: timestamp('invitation_date_expire', { withTimezone: true }),
    deadline: timestamp('deadline', { withTimezone: true }),
    customTimeOpen: timestamp('custom_time_open', { withTimezone: true }),
    customTimeClose: timestamp('custom_time_close', { withTimezone: true }),
    /** Time allowed once started, in seconds (from the assessment, or from a reopen). */
    durationSeconds: integer('duration_seconds').notNull(),
    terms: timestamp('terms', { withTimezone: true }),
    started: timestamp('started', { withTimezone: true }),
    /** The server's deadline of a started attempt: min(started + duration, close, deadline). */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    finished: timestamp('finished', { withTimezone: true }),
    score: real('score'),
    totalScore: real('total_score'),
    maxScore: real('max_score'),
    breakdown: jsonb('breakdown').$type<ScoreBreakdown | null>(),
    hiddenResults: boolean('hidden_results').notNull().default(false),
    resultsSentAt: timestamp('results_sent_at', { withTimezone: true }),
    /** Results are locked until unlocked (credits consumed through the ledger). */
    unlockedAt: timestamp('unlocked_at', { withTimezone: true }),
    integritySettings: jsonb('integrity_settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** The candidate's scratch notes. */
    notes: text('notes').notNull().default(''),
    reopenDate: timestamp('reopen_date', { withTimezone: true }),
    reopenReason: text('reopen_reason'),
    disableEmail: boolean('disable_email').notNull().default(false),
    callbackUrl: text('callback_url'),
    webhookUrl: text('webhook_url'),
    /** What an ATS sent with the attempt (job_id, user_id, company_id, ...), kept for its result shape. */
    external: jsonb('external').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    subaccountIds: varchar('subaccount_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar[]`),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
    updated: timestamp('updated', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // One attempt per person per assessment: inviting again (or an ATS retry) finds it.
    uniqueIndex('attempts_person_idx').on(t.workspaceId, t.assessmentId, t.email),
    index('attempts_assessment_idx').on(t.workspaceId, t.assessmentId, t.status, t.created),
    index('attempts_user_idx').on(t.workspaceId, t.userId),
    index('attempts_created_idx').on(t.workspaceId, t.created),
    // The close-expired job: started attempts whose time has run out.
    index('attempts_ends_idx').on(t.endsAt).where(sql`status = 'started'`),
    foreignKey({ columns: [t.workspaceId, t.assessmentId], foreignColumns: [assessments.workspaceId, assessments.id] }).onDelete('cascade'),
  ],
);

export const answers = pgTable(
  'answers',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    id: varchar('id', { length: 24 }).notNull(),
    attemptId: varchar('attempt_id', { length: 24 }).notNull(),
    questionId: varchar('question_id', { length: 24 }).notNull(),
    status: text('status', { enum: answerStatuses }).notNull().default('unanswered'),
    response: jsonb('response').$type<AnswerResponse | null>(),
    /** The client revision of the stored response: a save with a lower or equal one is not applied. */
    revision: integer('revision').notNull().default(0),
    savedAt: timestamp('saved_at', { withTimezone: true }),
    /** Points earned (null while not scored) out of max_score (the question's weight-scaled points). */
    score: real('score'),
    maxScore: real('max_score'),
    /** Machine results: judge run ids and verdicts, choice correctness. */
    autoResult: jsonb('auto_result').$type<Record<string, unknown> | null>(),
    review: jsonb('review').$type<AnswerReview | null>(),
    media: jsonb('media').$type<AnswerMedia[]>().notNull().default(sql`'[]'::jsonb`),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
    updated: timestamp('updated', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('answers_question_idx').on(t.workspaceId, t.attemptId, t.questionId),
    foreignKey({ columns: [t.workspaceId, t.attemptId], foreignColumns: [attempts.workspaceId, attempts.id] }).onDelete('cascade'),
  ],
);

/** Parts of a chunked answer-media upload; a replayed part overwrites itself. */
export const answerUploadParts = pgTable(
  'answer_upload_parts',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    answerId: varchar('answer_id', { length: 24 }).notNull(),
    recordId: text('record_id').notNull(),
    partNumber: integer('part_number').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.answerId, t.recordId, t.partNumber] }),
    foreignKey({ columns: [t.workspaceId, t.answerId], foreignColumns: [answers.workspaceId, answers.id] }).onDelete('cascade'),
  ],
);

export type AssessmentRow = typeof assessments.$inferSelect;
export type AttemptRow = typeof attempts.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type RevisionRow = typeof assessmentRevisions.$inferSelect;
