import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { isId } from '../../platform/ids.js';
import { visibleSubaccountIds, type ScopedTenant } from '../workspace/scope.js';
import type { VisibleQuestion } from './find-questions.js';
import { publicQuestions, questions, type PublicQuestionRow, type QuestionRow } from './schema.js';

/**
 * Which questions a request reaches. Own questions: the workspace's, and when the request is scoped
 * to subaccounts, those shared with the whole workspace (no subaccounts) or with one of them.
 * Public questions: the published ones, plus any status for the workspace that owns them.
 */
export function ownScope(tenant: ScopedTenant): SQL {
  const ids = visibleSubaccountIds(tenant);
  return and(
    eq(questions.workspaceId, tenant.workspaceId),
    ids ? sql`(cardinality(${questions.subaccountIds}) = 0 or ${questions.subaccountIds} && ${sql.param(ids)}::varchar(24)[])` : undefined,
  ) as SQL;
}

export function publicScope(workspaceId: string | undefined): SQL {
  const published = eq(publicQuestions.status, 'published');
  return workspaceId ? (or(published, eq(publicQuestions.ownerWorkspaceId, workspaceId)) as SQL) : published;
}

export function fromWorkspaceRow(row: QuestionRow): VisibleQuestion {
  return { ...row, scope: 'private', ownerWorkspaceId: row.workspaceId };
}

export function fromPublicRow(row: PublicQuestionRow): VisibleQuestion {
  return { ...row, scope: 'public', workspaceId: null, subaccountIds: [] };
}

/**
 * A question the request may read by id: its own (within its subaccounts) or a public one that was
 * ever published (an archived one too: an assessment may still use it; a never-published one only
 * for the workspace that owns it). Anything else is 404.
 */
export async function findVisibleQuestion(db: DbOrTx, tenant: ScopedTenant, id: string): Promise<VisibleQuestion> {
  if (!isId(id)) throw notFound('Question');
  const [own] = await db.select().from(questions).where(and(ownScope(tenant), eq(questions.id, id)));
  if (own) return fromWorkspaceRow(own);
  const released = or(ne(publicQuestions.status, 'created'), eq(publicQuestions.ownerWorkspaceId, tenant.workspaceId));
  const [shared] = await db.select().from(publicQuestions).where(and(eq(publicQuestions.id, id), released));
  if (shared) return fromPublicRow(shared);
  throw notFound('Question');
}

/** For public routes: a tenant's own or a public question when credentials came, else public published ones only. */
export async function findReadableQuestion(db: DbOrTx, tenant: ScopedTenant | undefined, id: string): Promise<VisibleQuestion> {
  if (tenant) return findVisibleQuestion(db, tenant, id);
  if (!isId(id)) throw notFound('Question');
  const [shared] = await db.select().from(publicQuestions).where(and(eq(publicQuestions.id, id), publicScope(undefined)));
  if (!shared) throw notFound('Question');
  return fromPublicRow(shared);
}

const visibleColumns = (t: typeof questions | typeof publicQuestions) => ({
  id: t.id,
  slug: t.slug,
  type: t.type,
  status: t.status,
  level: t.level,
  title: t.title,
  description: t.description,
  locale: t.locale,
  duration: t.duration,
  durationUnit: t.durationUnit,
  weight: t.weight,
  skillIds: t.skillIds,
  categories: t.categories,
  questionDomains: t.questionDomains,
  topics: t.topics,
  content: t.content,
  settings: t.settings,
  internalNotes: t.internalNotes,
  attachments: t.attachments,
  bootstrap: t.bootstrap,
  authorId: t.authorId,
  sourceQuestionId: t.sourceQuestionId,
  created: t.created,
  updated: t.updated,
});

/** Which side of the library a list reads: the workspace's own, the public ones, or both. */
export type Grouping = 'company' | 'public' | 'both';

/**
 * Own and public questions as one derived table (UNION ALL of the two tables' scoped rows), for lists
 * that page and filter over both. `scope` and `company` are columns of it, so filters and JSONLogic
 * can name them. Filters on the outer query are pushed into both branches by the planner.
 */
export function visibleQuestions(db: DbOrTx, tenant: ScopedTenant | undefined, grouping: Grouping) {
  const own = db
    .select({
      ...visibleColumns(questions),
      scope: sql<'private' | 'public'>`'private'::text`.as('scope'),
      company: sql<string | null>`${questions.workspaceId}`.as('company'),
      subaccountIds: questions.subaccountIds,
    })
    .from(questions)
    .where(tenant && grouping !== 'public' ? ownScope(tenant) : sql`false`);
  const shared = db
    .select({
      ...visibleColumns(publicQuestions),
      scope: sql<'private' | 'public'>`'public'::text`.as('scope'),
      company: sql<string | null>`${publicQuestions.ownerWorkspaceId}`.as('company'),
      subaccountIds: sql<string[]>`'{}'::varchar(24)[]`.as('subaccount_ids'),
    })
    .from(publicQuestions)
    .where(grouping !== 'company' ? publicScope(tenant?.workspaceId) : sql`false`);
  return own.unionAll(shared).as('visible_questions');
}

export type VisibleQuestionsTable = ReturnType<typeof visibleQuestions>;

/** A row of the derived table as the view reads it. */
export function fromVisibleRow(row: Record<string, unknown>): VisibleQuestion {
  const r = row as unknown as QuestionRow & { scope: 'private' | 'public'; company: string | null };
  const { company, ...rest } = r;
  return {
    ...rest,
    workspaceId: r.scope === 'private' ? company : null,
    ownerWorkspaceId: company,
    created: new Date(r.created),
    updated: new Date(r.updated),
  };
}
