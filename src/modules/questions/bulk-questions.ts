import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { assessments } from '../assessments/schema.js';
import type { ScopedTenant } from '../workspace/scope.js';
import type { VisibleQuestion } from './find-questions.js';
import { questions, type QuestionRow, type QuestionStatus } from './schema.js';
import { fromWorkspaceRow, ownScope } from './visible-questions.js';

/** The workspace's own questions of `ids`, locked for the transaction; any other id is a 404 naming its place in the body. */
async function lockOwn(tx: Parameters<Parameters<Db['transaction']>[0]>[0], tenant: ScopedTenant, ids: string[]): Promise<QuestionRow[]> {
  const unique = [...new Set(ids)];
  const rows = await tx.select().from(questions).where(and(ownScope(tenant), inArray(questions.id, unique))).orderBy(questions.id).for('update');
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError(
      404,
      'question_not_found',
      `Question ${missing[0].id} not found among the workspace's own questions`,
      missing.map(({ id, i }) => ({ field: `body/${i}`, message: `${id} is not a question of this workspace (public questions are changed by copying them)` })),
    );
  }
  return rows;
}

/**
 * Moves the workspace's own questions to `to` in one transaction: archive takes created and
 * published ones (archived ones stay), unarchive takes archived ones back to published (others stay).
 */
async function moveStatus(db: Db, tenant: ScopedTenant, ids: string[], from: QuestionStatus[], to: QuestionStatus): Promise<VisibleQuestion[]> {
  return db.transaction(async (tx) => {
    const rows = await lockOwn(tx, tenant, ids);
    const moving = rows.filter((r) => from.includes(r.status)).map((r) => r.id);
    const moved = moving.length
      ? await tx
          .update(questions)
          .set({ status: to, updated: sql`now()` })
          .where(and(eq(questions.workspaceId, tenant.workspaceId), inArray(questions.id, moving)))
          .returning()
      : [];
    const byId = new Map([...rows, ...moved].map((r) => [r.id, r]));
    return [...new Set(ids)].map((id) => fromWorkspaceRow(byId.get(id) as QuestionRow));
  });
}

export function archiveQuestions(db: Db, tenant: ScopedTenant, ids: string[]): Promise<VisibleQuestion[]> {
  return moveStatus(db, tenant, ids, ['created', 'published'], 'archived');
}

export function unarchiveQuestions(db: Db, tenant: ScopedTenant, ids: string[]): Promise<VisibleQuestion[]> {
  return moveStatus(db, tenant, ids, ['archived'], 'published');
}

/**
 * Deletes the workspace's own questions, all or none, in one transaction: every id must be a
 * `created` question (409 `question_not_deletable` naming each other one) that no assessment of the
 * workspace lists (409 `question_in_use`). Returns the deleted ids.
 */
export async function deleteQuestions(db: Db, tenant: ScopedTenant, ids: string[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    const rows = await lockOwn(tx, tenant, ids);
    const position = new Map(ids.map((id, i) => [id, i]));
    const refused = rows.filter((r) => r.status !== 'created');
    if (refused.length > 0) {
      throw new AppError(
        409,
        'question_not_deletable',
        `Only created questions can be deleted; ${refused.length} ${refused.length === 1 ? 'is' : 'are'} not (archive them instead). Nothing was deleted`,
        refused.map((r) => ({ field: `body/${position.get(r.id)}`, message: `${r.id} is ${r.status}` })),
      );
    }
    const unique = rows.map((r) => r.id);
    const used = await tx
      .select({ question: sql<string>`q->>'_id'` })
      .from(sql`${assessments}, jsonb_array_elements(${assessments.questions}) as q`)
      .where(and(eq(assessments.workspaceId, tenant.workspaceId), sql`q->>'_id' = any(${sql.param(unique)}::text[])`));
    if (used.length > 0) {
      const inUse = [...new Set(used.map((u) => u.question))];
      throw new AppError(
        409,
        'question_in_use',
        `${inUse.length} question(s) are part of an assessment; remove them from it first. Nothing was deleted`,
        inUse.map((id) => ({ field: `body/${position.get(id)}`, message: `${id} is used by an assessment` })),
      );
    }
    await tx.delete(questions).where(and(eq(questions.workspaceId, tenant.workspaceId), inArray(questions.id, unique)));
    return unique;
  });
}
