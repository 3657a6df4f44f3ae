import { pgTable, varchar, text, timestamp, integer, primaryKey, index } from 'drizzle-orm/pg-core';

const workspaceId = () => varchar('workspace_id', { length: 24 }).notNull();

/**
 * One event to deliver to one URL. Its id is the `webhook-id` header (the receiver's idempotency
 * key), the body is kept so every retry sends and signs the same bytes.
 */
export const webhookMessages = pgTable(
  'webhook_messages',
  {
    workspaceId: workspaceId(),
    id: varchar('id', { length: 24 }).notNull(),
    url: text('url').notNull(),
    /** `whsec_` + base64 key, given by the module that owns the endpoint. */
    secret: text('secret').notNull(),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed', 'disabled'] }).notNull().default('pending'),
    /** Attempts made so far; the delivery job for attempt n runs only while this is n - 1. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Set while a worker holds the attempt, so a duplicate job cannot send it twice. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
    updated: timestamp('updated', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('webhook_messages_status_idx').on(t.workspaceId, t.status, t.created)],
);

/** Each attempt to deliver a message: what happened, how long it took. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    workspaceId: workspaceId(),
    id: varchar('id', { length: 24 }).notNull(),
    messageId: varchar('message_id', { length: 24 }).notNull(),
    attempt: integer('attempt').notNull(),
    /** The URL finally posted to (after redirects). */
    url: text('url').notNull(),
    status: text('status', { enum: ['succeeded', 'failed', 'refused', 'gone'] }).notNull(),
    responseStatus: integer('response_status'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('webhook_deliveries_message_idx').on(t.workspaceId, t.messageId, t.attempt)],
);

/** Endpoints that answered 410 Gone: nothing more is sent to them until re-enabled. */
export const webhookDisabledEndpoints = pgTable(
  'webhook_disabled_endpoints',
  {
    workspaceId: workspaceId(),
    url: text('url').notNull(),
    reason: text('reason').notNull(),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.url] })],
);
