import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { Comparison, RunVerdict } from './verdict.js';
import type { RunLimits, TestCase } from './judge-code.js';

/**
 * One execution of candidate code against test cases. The row is also the queue: workers claim
 * `queued` rows with FOR UPDATE SKIP LOCKED, so any number of processes can share the work and a
 * run whose worker died is taken again (claimed_until passed).
 */
export const judgeRuns = pgTable(
  'judge_runs',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    id: varchar('id', { length: 24 }).notNull(),
    /** The question the code answers, when run from the questions library or an attempt. */
    questionId: varchar('question_id', { length: 64 }),
    /** The attempt answer that submitted it (assessments), when there is one. */
    answerId: varchar('answer_id', { length: 24 }),
    languageId: integer('language_id').notNull(),
    source: text('source').notNull(),
    /** The question's reference solution: its output completes test cases sent without expected_output. */
    referenceSource: text('reference_source'),
    tests: jsonb('tests').$type<TestCase[]>().notNull(),
    limits: jsonb('limits').$type<RunLimits>().notNull(),
    comparison: jsonb('comparison').$type<Comparison>().notNull(),
    status: text('status', { enum: ['queued', 'running', 'done'] }).notNull().default('queued'),
    verdicts: jsonb('verdicts').$type<RunVerdict>(),
    attempts: integer('attempts').notNull().default(0),
    /** While running: the worker's lease; after it passes, another worker may take the run again. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Serves the workers' claim: oldest waiting (or abandoned) runs first.
    index('judge_runs_queue_idx').on(t.created).where(sql`status <> 'done'`),
    index('judge_runs_answer_idx').on(t.workspaceId, t.answerId),
  ],
);

export type JudgeRun = typeof judgeRuns.$inferSelect;
