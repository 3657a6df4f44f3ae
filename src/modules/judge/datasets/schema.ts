import { pgTable, varchar, text, integer, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const columns = () => ({
  id: varchar('id', { length: 24 }).notNull(),
  name: text('name').notNull(),
  description: text('description'),
  /** The SQL dialect the script is run with: every run loads it into a throwaway PGlite. */
  driver: text('driver').notNull().default('postgres'),
  tableNames: text('table_names').array().notNull().default(sql`'{}'::text[]`),
  status: text('status', { enum: ['created', 'published', 'archived'] }).notNull().default('published'),
  /**
   * Where runtime.storage keeps the upload as sent (gzip of a SQL script). Always written; nullable
   * only so the migration that moved files out of the row applies to databases that had rows.
   */
  storageKey: text('storage_key'),
  compressedSize: integer('compressed_size').notNull(),
  scriptSize: integer('script_size').notNull(),
  sha256: varchar('sha256', { length: 64 }).notNull(),
  created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  updated: timestamp('updated', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A workspace's SQL question datasets. Distributed by workspace_id like every tenant table; the
 * global ones live in shared_question_datasets (a reference table) rather than under a reserved
 * workspace, so no workspace id has a special meaning.
 */
export const questionDatasets = pgTable(
  'question_datasets',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    ...columns(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('question_datasets_created_idx').on(t.workspaceId, t.created)],
);

/** Datasets every workspace sees (the Coodesh "global, company-less" ones): a Citus reference table. */
export const sharedQuestionDatasets = pgTable('shared_question_datasets', columns(), (t) => [primaryKey({ columns: [t.id] })]);
