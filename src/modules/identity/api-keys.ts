import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { preparedPerDb, type Db, type DbOrTx } from '../../platform/db/client.js';
import { hashSecret, newId } from '../../platform/ids.js';
import { notFound } from '../../platform/errors.js';
import { apiKeys, users } from './schema.js';
import { workspaces } from './workspaces/schema.js';
import { newApiKey } from './api-key-format.js';

export type ApiKey = typeof apiKeys.$inferSelect;

/** Creates a key; the plain key is returned once and only its hash is stored. */
export async function createApiKey(db: DbOrTx, workspaceId: string, input: { name: string; authorId?: string | null }): Promise<{ key: string; apiKey: ApiKey }> {
  const key = newApiKey(workspaceId);
  const [apiKey] = await db
    .insert(apiKeys)
    .values({ workspaceId, id: newId(), name: input.name, keyHash: hashSecret(key), prefix: key.slice(0, 34), authorId: input.authorId ?? null })
    .returning();
  return { key, apiKey };
}

export async function listApiKeys(db: DbOrTx, workspaceId: string): Promise<ApiKey[]> {
  return db.select().from(apiKeys).where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt))).orderBy(desc(apiKeys.id));
}

export async function revokeApiKey(db: DbOrTx, workspaceId: string, id: string): Promise<void> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (rows.length === 0) throw notFound('API key');
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
