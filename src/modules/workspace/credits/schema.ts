import { pgTable, varchar, text, timestamp, integer, primaryKey, index } from 'drizzle-orm/pg-core';

export const creditActions = ['credits_granted', 'credits_consumed', 'credits_expired', 'credits_refunded'] as const;
export type CreditAction = (typeof creditActions)[number];

export const creditTypes = ['hard_skills', 'soft_skills'] as const;
export type CreditType = (typeof creditTypes)[number];

/**
 * The credits ledger: every grant, consumption, refund and expiry is a row and the balance is the
 * derived sum, so history and balance can never disagree. `amount` is signed (consumption and
 * expiry are negative). A positive row with `expires` stops counting once that moment passes.
 */
export const creditEntries = pgTable(
  'credit_entries',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    id: varchar('id', { length: 24 }).notNull(),
    action: text('action', { enum: creditActions }).notNull(),
    type: text('type', { enum: creditTypes }).notNull(),
    amount: integer('amount').notNull(),
    authorId: varchar('author_id', { length: 24 }),
    /** What the credits were spent on or granted for, e.g. ('attempt', <id>). */
    relatedType: text('related_type'),
    relatedId: varchar('related_id', { length: 64 }),
    note: text('note'),
    expires: timestamp('expires', { withTimezone: true }),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Serves the balance sum (index-only scan over the workspace's rows of one type).
    index('credit_entries_balance_idx').on(t.workspaceId, t.type, t.amount, t.expires),
    index('credit_entries_created_idx').on(t.workspaceId, t.created),
    index('credit_entries_author_idx').on(t.workspaceId, t.authorId),
  ],
);
