import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Instance-wide settings (e.g. the generated JWT signing secret). A reference table. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
});
