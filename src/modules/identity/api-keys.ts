import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { hashSecret, newId } from '../../platform/ids.js';
import { notFound } from '../../platform/errors.js';
import { apiKeys } from './schema.js';
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
