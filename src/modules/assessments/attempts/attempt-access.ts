import { and, eq, sql } from 'drizzle-orm';
import { preparedPerDb, type Db, type DbOrTx } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { mintToken, tokenIds, tokenMatches } from '../attempt-tokens.js';
import { attempts, type AttemptRow } from '../schema.js';

/** The candidate's link to an attempt: `<workspace>.<attempt>.<mac>` (attempt-tokens.ts). */
export function attemptToken(runtime: Pick<Runtime, 'tokens'>, attempt: Pick<AttemptRow, 'workspaceId' | 'id' | 'tokenNonce'>): string {
  return mintToken(runtime.tokens, 'attempt', { workspaceId: attempt.workspaceId, id: attempt.id, nonce: attempt.tokenNonce });
}

/** Where the web app opens an attempt: `<APP_URL>/take/<token>`. */
export function attemptLink(runtime: Pick<Runtime, 'tokens' | 'config'>, attempt: Pick<AttemptRow, 'workspaceId' | 'id' | 'tokenNonce'>): string {
  return `${runtime.config.appUrl.replace(/\/+$/, '')}/take/${encodeURIComponent(attemptToken(runtime, attempt))}`;
}

// Every candidate request starts here (a save is this and one UPDATE): prepared once per database.
const attemptById = preparedPerDb((db) =>
  db
    .select()
    .from(attempts)
    .where(and(eq(attempts.workspaceId, sql.placeholder('workspaceId')), eq(attempts.id, sql.placeholder('id'))))
    .prepare('attempt_by_token'),
);

/**
 * The attempt a candidate's token opens. A token of another shape, a wrong MAC, a revoked nonce or
 * an attempt that does not exist all answer the same 404, so a token reaches its own attempt only.
 */
export async function attemptByToken(db: Db, runtime: Pick<Runtime, 'tokens'>, token: string): Promise<AttemptRow> {
  const ids = tokenIds(token);
  if (!ids) throw notFound('Attempt');
  const [attempt] = await attemptById(db).execute({ workspaceId: ids.workspaceId, id: ids.id });
  if (!attempt || !tokenMatches(runtime.tokens, 'attempt', token, { workspaceId: attempt.workspaceId, id: attempt.id, nonce: attempt.tokenNonce })) {
    throw notFound('Attempt');
  }
  return attempt;
}

export async function lockAttempt(tx: DbOrTx, workspaceId: string, attemptId: string): Promise<AttemptRow | undefined> {
  const [attempt] = await tx.select().from(attempts).where(and(eq(attempts.workspaceId, workspaceId), eq(attempts.id, attemptId))).for('update');
  return attempt;
}
