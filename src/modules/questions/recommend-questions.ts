import { and, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Language } from '../../platform/http/request-context.js';
import type { ScopedTenant } from '../workspace/scope.js';
import { questionView } from './question-view.js';
import { findVisibleQuestion, fromVisibleRow, visibleQuestions } from './visible-questions.js';

/**
 * Questions related to one: among the workspace's own (not archived) and the published public
 * ones, those sharing at least one skill or the type. Order, deterministic: most skills shared,
 * then same type, then same level, then newest id.
 */
export async function recommendQuestions(db: DbOrTx, tenant: ScopedTenant, id: string, limit: number, language: Language) {
  const question = await findVisibleQuestion(db, tenant, id);
  const q = visibleQuestions(db, tenant, 'both');
  const skillIds = sql`${sql.param(question.skillIds)}::text[]`;
  const shared = sql<number>`cardinality(array(select unnest(${q.skillIds}::text[]) intersect select unnest(${skillIds})))`;
  const rows = await db
    .select()
    .from(q)
    .where(and(ne(q.id, question.id), ne(q.status, 'archived'), sql`(${q.skillIds}::text[] && ${skillIds} or ${q.type} = ${question.type})`))
    .orderBy(sql`${shared} desc`, sql`(${q.type} = ${question.type}) desc`, sql`(${q.level} = ${question.level}) desc`, sql`${q.id} desc`)
    .limit(limit);
  return rows.map((row) => questionView(fromVisibleRow(row as Record<string, unknown>), language));
}
