import { pgTable, varchar, text, integer, real, timestamp, jsonb, index, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { QuestionContent, QuestionLocale, QuestionAttachment, QuestionBootstrap } from './content.js';

export const questionTypes = [
  'fast', 'coding', 'sql', 'project', 'question', 'softskill', 'video', 'essay', 'audio', 'file', 'whiteboard', 'freecoding', 'conversational',
] as const;
export type QuestionType = (typeof questionTypes)[number];

export const questionStatuses = ['created', 'published', 'archived'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

export const questionLevels = ['beginner', 'intermediate', 'advanced'] as const;
export type QuestionLevel = (typeof questionLevels)[number];

export const durationUnits = ['minute', 'hour', 'day'] as const;
export type DurationUnit = (typeof durationUnits)[number];

const columns = () => ({
  id: varchar('id', { length: 24 }).notNull(),
  slug: text('slug').notNull(),
  type: text('type', { enum: questionTypes }).notNull(),
  status: text('status', { enum: questionStatuses }).notNull().default('created'),
  level: text('level', { enum: questionLevels }).notNull().default('intermediate'),
  /** Title and statement in the question's main locale (the first of `locale`). */
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  /** Title, statement (markdown) and choice texts per language: the seed's ILocaleDto[]. */
  locale: jsonb('locale').$type<QuestionLocale[]>().notNull().default(sql`'[]'::jsonb`),
  duration: integer('duration').notNull().default(10),
  durationUnit: text('duration_unit', { enum: durationUnits }).notNull().default('minute'),
  weight: real('weight').notNull().default(1),
  skillIds: varchar('skill_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar[]`),
  categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
  questionDomains: text('question_domains').array().notNull().default(sql`'{}'::text[]`),
  topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
  /**
   * What the type needs, under the seed's keys (content.ts): choices with the right ones marked,
   * subquestions, code tests (hidden ones included) and reference solutions, the SQL solution, a rubric.
   * Never sent to a candidate as is: candidate-view.ts strips what would give the answer away.
   */
  content: jsonb('content').$type<QuestionContent>().notNull().default(sql`'{}'::jsonb`),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  internalNotes: jsonb('internal_notes').$type<Record<string, unknown> | null>(),
  attachments: jsonb('attachments').$type<QuestionAttachment[]>().notNull().default(sql`'[]'::jsonb`),
  bootstrap: jsonb('bootstrap').$type<QuestionBootstrap | null>(),
  authorId: varchar('author_id', { length: 24 }),
  /** The public question this one was copied from (copy-on-write of a public question). */
  sourceQuestionId: varchar('source_question_id', { length: 24 }),
  created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  updated: timestamp('updated', { withTimezone: true }).notNull().defaultNow(),
});

/** A workspace's own questions (scope private). */
export const questions = pgTable(
  'questions',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    ...columns(),
    subaccountIds: varchar('subaccount_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar[]`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('questions_slug_idx').on(t.workspaceId, t.slug),
    index('questions_created_idx').on(t.workspaceId, t.created),
    index('questions_status_idx').on(t.workspaceId, t.status, t.type),
  ],
);

/**
 * Public questions every workspace reads (scope public): Assay's starter catalog (no owner) and
 * those a super admin publishes (owned by the workspace they were written in). A reference table.
 */
export const publicQuestions = pgTable(
  'public_questions',
  {
    ...columns(),
    ownerWorkspaceId: varchar('owner_workspace_id', { length: 24 }),
  },
  (t) => [primaryKey({ columns: [t.id] }), uniqueIndex('public_questions_slug_idx').on(t.slug), index('public_questions_status_idx').on(t.status, t.type)],
);

export type QuestionRow = typeof questions.$inferSelect;
export type PublicQuestionRow = typeof publicQuestions.$inferSelect;
