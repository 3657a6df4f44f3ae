import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { preparedPerDb, type Db, type DbOrTx } from '../../platform/db/client.js';
import { hashSecret, newId } from '../../platform/ids.js';
import { notFound } from '../../platform/errors.js';
import { apiKeys, users } from './schema.js';
import { workspaces } from './workspaces/schema.js';
import { newApiKey } from './api-key-format.js';

export type ApiKey = typeof apiKeys.$inferSelect;

export interface NewApiKey {
  name: string;
  /** The user who made it, or who made the key that made it (null for the CLI's keys). */
  authorId?: string | null;
  /** The key that made it: revoking that key revokes this one. */
  parentKeyId?: string | null;
}

/** Creates a key; the plain key is returned once and only its hash is stored. */
export async function createApiKey(db: DbOrTx, workspaceId: string, input: NewApiKey): Promise<{ key: string; apiKey: ApiKey }> {
  const key = newApiKey(workspaceId);
  const [apiKey] = await db
    .insert(apiKeys)
    .values({
      workspaceId,
      id: newId(),
      name: input.name,
      keyHash: hashSecret(key),
      prefix: key.slice(0, 34),
      authorId: input.authorId ?? null,
      parentKeyId: input.parentKeyId ?? null,
    })
    .returning();
  return { key, apiKey };
}

export async function listApiKeys(db: DbOrTx, workspaceId: string): Promise<ApiKey[]> {
  return db.select().from(apiKeys).where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt))).orderBy(desc(apiKeys.id));
}

/**
 * Revokes a live key of the workspace and, with it, every key made through it (its children, their
 * children...): a leaked key cannot leave behind keys that outlive its revocation.
 */
export async function revokeApiKey(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    if (rows.length === 0) throw notFound('API key');
    await tx.execute(sql`
      with recursive made as (
        select ${apiKeys.id} as id from ${apiKeys} where ${apiKeys.workspaceId} = ${workspaceId} and ${apiKeys.parentKeyId} = ${id}
        union
        select k.id from ${apiKeys} k join made on k.parent_key_id = made.id where k.workspace_id = ${workspaceId}
      )
      update ${apiKeys} set revoked_at = now()
      where ${apiKeys.workspaceId} = ${workspaceId} and ${apiKeys.id} in (select id from made) and ${apiKeys.revokedAt} is null`);
  });
}

/** A key as shown to people: never the key itself, only the prefix that helps recognise it. */
export interface ApiKeyView {
  _id: string;
  name: string;
  prefix: string;
  last_used: string | null;
  created: string;
  provider: string;
  /** The workspace's name. */
  company: string;
  /** The workspace's id. */
  company_id: string;
  /** The key that made this one; null when a user or the CLI made it. */
  parent_key_id: string | null;
  /** Display name of the user who created it (null for keys made by the CLI). */
  author: string | null;
}

function viewQuery(db: DbOrTx) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      lastUsed: apiKeys.lastUsed,
      created: apiKeys.created,
      provider: apiKeys.provider,
      company: workspaces.name,
      companyId: apiKeys.workspaceId,
      parentKeyId: apiKeys.parentKeyId,
      author: users.displayName,
    })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .leftJoin(users, eq(users.id, apiKeys.authorId))
    .$dynamic();
}

type ViewRow = Awaited<ReturnType<typeof viewQuery>>[number];

function toView(r: ViewRow): ApiKeyView {
  return {
    _id: r.id,
    name: r.name,
    prefix: r.prefix,
    last_used: r.lastUsed?.toISOString() ?? null,
    created: r.created.toISOString(),
    provider: r.provider,
    company: r.company,
    company_id: r.companyId,
    parent_key_id: r.parentKeyId,
    author: r.author ?? null,
  };
}

// `GET /auth/validate` runs on every client start-up: prepared once per database.
const liveViewById = preparedPerDb((db) =>
  viewQuery(db)
    .where(and(eq(apiKeys.workspaceId, sql.placeholder('workspaceId')), eq(apiKeys.id, sql.placeholder('id')), isNull(apiKeys.revokedAt)))
    .prepare('api_key_view'),
);

export async function listApiKeyViews(db: DbOrTx, workspaceId: string): Promise<ApiKeyView[]> {
  const rows = await viewQuery(db)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.id));
  return rows.map(toView);
}

/** One live key of the workspace; a revoked or foreign id is 404. */
export async function getApiKeyView(db: Db, workspaceId: string, id: string): Promise<ApiKeyView> {
  const [row] = await liveViewById(db).execute({ workspaceId, id });
  if (!row) throw notFound('API key');
  return toView(row);
}
