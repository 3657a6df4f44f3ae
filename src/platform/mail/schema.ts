import { pgTable, varchar, text, timestamp, jsonb, integer, index } from 'drizzle-orm/pg-core';

/**
 * Every e-mail is first a row here, written in the transaction of the change that causes it; a job
 * renders and delivers it (SMTP when configured, otherwise it stays here as `logged`). Shared by all
 * workspaces (sign-up mails have none), so a reference table.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: varchar('id', { length: 24 }).primaryKey(),
    workspaceId: varchar('workspace_id', { length: 24 }),
    to: text('to').notNull(),
    template: text('template').notNull(),
    language: text('language').notNull().default('en'),
    data: jsonb('data').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'logged', 'failed'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Set while a worker is sending it, so a duplicate job cannot send it twice. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mail_outbox_to_idx').on(t.to, t.created), index('mail_outbox_status_idx').on(t.status)],
);
