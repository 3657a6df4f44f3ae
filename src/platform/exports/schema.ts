import { pgTable, varchar, text, integer, bigint, timestamp, jsonb, index, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const exportStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/**
 * Exports run as background jobs: what was asked (the export's name, the request's parameters,
 * language and subaccount scope, so the job runs the very export the request would have
 * streamed), how it went, and where the file is. A row and its file are deleted at `expires`.
 */
export const exportFiles = pgTable(
  'export_files',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    id: varchar('id', { length: 24 }).notNull(),
    /** The CsvExportDefinition's name (a module's `exports`). */
    type: text('type').notNull(),
    params: jsonb('params').notNull(),
    language: text('language').notNull(),
    /** The request's x-subaccount-id and the caller's confinement, as the request had them. */
    subaccountId: varchar('subaccount_id', { length: 24 }),
    allowedSubaccountIds: varchar('allowed_subaccount_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar(24)[]`),
    /** The user who asked (or the user behind the API key); null for keys without one. */
    authorId: varchar('author_id', { length: 24 }),
    status: text('status', { enum: exportStatuses }).notNull().default('queued'),
    /** Offered to the downloader, e.g. `users-2026-01-31.csv` (the day it was asked for). */
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    rowCount: bigint('row_count', { mode: 'number' }),
    size: bigint('size', { mode: 'number' }),
    attempts: integer('attempts').notNull().default(0),
    /** The last attempt's failure; kept while the job retries, final once `failed`. */
    error: text('error'),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
    started: timestamp('started', { withTimezone: true }),
    finished: timestamp('finished', { withTimezone: true }),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('export_files_expires_idx').on(t.expires)],
);
