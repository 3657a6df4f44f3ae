import { pgTable, varchar, text, timestamp, jsonb } from 'drizzle-orm/pg-core';

/**
 * Jobs written in a domain transaction (`enqueueJob`), moved into pg-boss after commit by the
 * outbox relay. pg-boss cannot join a Drizzle transaction (and on PGlite calling it inside one
 * would deadlock the single connection), so the row is the durable promise that the job will run.
 * Shared by all workspaces: rows live for seconds.
 */
export const jobOutbox = pgTable('job_outbox', {
  id: varchar('id', { length: 24 }).primaryKey(),
  name: text('name').notNull(),
  data: jsonb('data').notNull(),
  startAfter: timestamp('start_after', { withTimezone: true }),
  singletonKey: text('singleton_key'),
  /** A relay holding the row until then; another relay may take it after a crash. */
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
});
