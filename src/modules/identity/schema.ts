import { pgTable, varchar, text, timestamp, boolean, integer, jsonb, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const id = () => varchar('id', { length: 24 }).notNull();
const workspaceId = () => varchar('workspace_id', { length: 24 }).notNull();
const created = () => timestamp('created', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated', { withTimezone: true }).notNull().defaultNow();

/** People, shared by all workspaces (a Citus reference table). */
export const users = pgTable(
  'users',
  {
    id: id().primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    provider: text('provider').notNull().default('local'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    isSuperAdmin: boolean('is_super_admin').notNull().default(false),
    address: jsonb('address'),
    privacy: jsonb('privacy'),
    utm: jsonb('utm'),
    lastLogin: timestamp('last_login', { withTimezone: true }),
    lastAuthenticatedAt: timestamp('last_authenticated_at', { withTimezone: true }),
    /** Carried by every session (JWT `sv`); bumping it signs every earlier session out. */
    sessionVersion: integer('session_version').notNull().default(0),
    created: created(),
    updated: updated(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/** Links between a user and an external identity (google, github, linkedin, facebook, saml). */
export const userIdentities = pgTable(
  'user_identities',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    userId: varchar('user_id', { length: 24 }).notNull().references(() => users.id, { onDelete: 'cascade' }),
    email: text('email'),
    created: created(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index('user_identities_user_idx').on(t.userId)],
);

/** One-time tokens for password reset and account confirmation; only their hash is kept. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: id().primaryKey(),
    userId: varchar('user_id', { length: 24 }).notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['reset', 'confirm'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    created: created(),
  },
  (t) => [uniqueIndex('user_tokens_hash_key').on(t.tokenHash), index('user_tokens_user_idx').on(t.userId, t.purpose)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    workspaceId: workspaceId(),
    id: id(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** First characters of the key, shown in lists so a key can be recognised. */
    prefix: text('prefix').notNull(),
    provider: text('provider').notNull().default('assay'),
    authorId: varchar('author_id', { length: 24 }),
    /** The key that made this one (null: made by a user or the CLI); revoking a key revokes the keys it made. */
    parentKeyId: varchar('parent_key_id', { length: 24 }),
    lastUsed: timestamp('last_used', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    created: created(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('api_keys_hash_key').on(t.workspaceId, t.keyHash)],
);

export const workspaceInvites = pgTable(
  'workspace_invites',
  {
    workspaceId: workspaceId(),
    id: id(),
    tokenHash: text('token_hash').notNull(),
    email: text('email'),
    roles: text('roles').notNull().default('user'),
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
    subaccountIds: varchar('subaccount_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar(24)[]`),
    invitedBy: varchar('invited_by', { length: 24 }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: varchar('accepted_by', { length: 24 }),
    created: created(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('workspace_invites_hash_key').on(t.workspaceId, t.tokenHash),
    // Serves "does this address hold a pending invitation" (SIGNUP=invite-only), across workspaces.
    index('workspace_invites_email_idx').on(t.email),
  ],
);

/** A workspace's SAML identity provider, chosen by e-mail domain or id. */
export const samlProviders = pgTable(
  'saml_providers',
  {
    workspaceId: workspaceId(),
    id: id(),
    name: text('name').notNull(),
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    entryPoint: text('entry_point').notNull(),
    idpIssuer: text('idp_issuer'),
    idpCert: text('idp_cert').notNull(),
    spEntityId: text('sp_entity_id').notNull(),
    /** Published by the domain owner as TXT `assay-saml-verification=<token>` to prove the domains. */
    verificationToken: text('verification_token').notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
    /** Until set, the domains are only claimed, not proven: see saml/complete-saml-login.ts. */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    created: created(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** SAML requests we issued, so a response's InResponseTo can be checked once. */
export const samlRequests = pgTable(
  'saml_requests',
  {
    workspaceId: workspaceId(),
    id: text('id').notNull(),
    providerId: varchar('provider_id', { length: 24 }).notNull(),
    relayState: text('relay_state'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    created: created(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);
