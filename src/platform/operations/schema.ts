import { pgTable, varchar, text, integer, timestamp, jsonb, index, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const operationStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type OperationStatus = (typeof operationStatuses)[number];

/** One item a bulk operation could not handle, as its reader sees it. */
export interface OperationItemError {
  _id: string | null;
  code: string;
  message: string;
}

/**
 * A bulk operation run as a chain of background job steps (a recalculation of thousands of
 * attempts, ...): who asked and within which subaccounts, and how far it got. Each step writes its
 * progress in the transaction of its batch, compared against `checkpoint`, so the counts always
 * match what was committed and a step run twice counts once. Deleted at `expires`.
 */
export const operations = pgTable(
  'operations',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    id: varchar('id', { length: 24 }).notNull(),
    /** What runs, e.g. `attempts.recalculate`. */
    type: text('type').notNull(),
    /** The permission a reader needs (the one its route required). */
    permission: text('permission').notNull(),
    subaccountId: varchar('subaccount_id', { length: 24 }),
    allowedSubaccountIds: varchar('allowed_subaccount_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar(24)[]`),
    authorId: varchar('author_id', { length: 24 }),
    status: text('status', { enum: operationStatuses }).notNull().default('queued'),
    total: integer('total'),
    processed: integer('processed').notNull().default(0),
    /** Items that could not be handled; `errors` keeps the first of them. */
    failedCount: integer('failed_count').notNull().default(0),
    errors: jsonb('errors').$type<OperationItemError[]>().notNull().default(sql`'[]'::jsonb`),
    /** Why the job failed (the last attempt while it retries). */
    error: text('error'),
    /** Where the next step resumes (e.g. the last id done); null before the first. */
    checkpoint: text('checkpoint'),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
    started: timestamp('started', { withTimezone: true }),
    updated: timestamp('updated', { withTimezone: true }).notNull().defaultNow(),
    finished: timestamp('finished', { withTimezone: true }),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('operations_expires_idx').on(t.expires)],
);

export type OperationRow = typeof operations.$inferSelect;
