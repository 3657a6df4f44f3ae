import { pgTable, varchar, text, timestamp, boolean, jsonb, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const workspaceId = () => varchar('workspace_id', { length: 24 }).notNull();
const created = () => timestamp('created', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated', { withTimezone: true }).notNull().defaultNow();

/** A company using Assay: the tenant. Its id is the distribution key of every tenant table. */
export const workspaces = pgTable(
  'workspaces',
  {
    id: varchar('id', { length: 24 }).primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    plan: text('plan').notNull().default('free'),
    modules: text('modules').notNull().default('all'),
    techSize: text('tech_size'),
    whitelabel: jsonb('whitelabel').notNull().default(sql`'{}'::jsonb`),
    allowPasswordLogin: boolean('allow_password_login').notNull().default(true),
    created: created(),
    updated: updated(),
  },
  (t) => [uniqueIndex('workspaces_slug_key').on(t.slug)],
);

/** A user's membership in a workspace: the Coodesh "employee". */
export const memberships = pgTable(
  'memberships',
  {
    workspaceId: workspaceId(),
    userId: varchar('user_id', { length: 24 }).notNull(),
    roles: text('roles', { enum: ['user', 'business', 'hunter', 'manager', 'admin'] }).notNull().default('user'),
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['draft', 'invited', 'active', 'paused', 'inactive'] }).notNull().default('active'),
    subaccountIds: varchar('subaccount_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar(24)[]`),
    externalId: text('external_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /**
     * What this workspace calls the person (null: it entered nothing, and the account's own name shows).
     * Another workspace never sees it: see employees/member-name.ts.
     */
    displayName: text('display_name'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    created: created(),
    updated: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    // Serves "employees of a subaccount" (subaccount_ids @> / && ...), combined with the primary key.
    index('memberships_subaccounts_idx').using('gin', t.subaccountIds),
  ],
);

export const subaccounts = pgTable(
  'subaccounts',
  {
    workspaceId: workspaceId(),
    id: varchar('id', { length: 24 }).notNull(),
    name: text('name').notNull(),
    department: text('department'),
    region: text('region'),
    created: created(),
    updated: updated(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);
