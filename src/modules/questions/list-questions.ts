import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Language } from '../../platform/http/request-context.js';
import { jsonLogicFilter, type FilterFields } from '../../platform/filters/json-logic.js';
import { paginate, type Page, type PageQueryValues } from '../../platform/paging/paginate.js';
import { searchAny } from '../workspace/search.js';
import type { ScopedTenant } from '../workspace/scope.js';
import { questionView, type QuestionView } from './question-view.js';
import type { QuestionLevel, QuestionStatus, QuestionType } from './schema.js';
import { fromVisibleRow, visibleQuestions, type Grouping, type VisibleQuestionsTable } from './visible-questions.js';

/** Challenges: the types scored against content (choices of a quiz, tests, a query) or a project; the rest are simple questions. */
export const challengeTypes: readonly QuestionType[] = ['fast', 'coding', 'sql', 'project'];
export const simpleTypes: readonly QuestionType[] = ['question', 'softskill', 'essay', 'video', 'audio', 'file', 'whiteboard', 'freecoding', 'conversational'];

/** The questions' JSONLogic fields (catalog §3 item 2); company is the owning workspace (null for Assay's catalog). */
export function questionFilterFields(q: VisibleQuestionsTable): FilterFields {
  return {
    status: { column: q.status, type: 'text' },
    author: { column: q.authorId, type: 'text' },
    type: { column: q.type, type: 'text' },
    level: { column: q.level, type: 'text' },
    skills: { column: q.skillIds, type: 'text[]' },
    company: { column: sql`${q.company}`, type: 'text' },
  };
}

/** Any filter value documented for the `query` parameter, for the routes' descriptions. */
export const questionFilterNames = ['status', 'author', 'type', 'level', 'skills', 'company'];

export interface QuestionFilter {
  ids?: string[];
  types?: QuestionType[];
  levels?: QuestionLevel[];
  skills?: string[];
  authors?: string[];
  categories?: string[];
  questionDomain?: string;
  languages?: string[];
  search?: string;
  status?: QuestionStatus;
  /** Leave archived questions out (lists do unless status=archived is asked for). */
  hideArchived?: boolean;
  /** Only where `multiple` of the choice content is this (single / multiple choice). */
  query?: string;
}

const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;

export function questionWhere(q: VisibleQuestionsTable, filter: QuestionFilter): SQL | undefined {
  return and(
    filter.ids?.length ? inArray(q.id, filter.ids) : undefined,
    filter.types ? (filter.types.length ? inArray(q.type, filter.types) : sql`false`) : undefined,
    filter.levels?.length ? inArray(q.level, filter.levels) : undefined,
    filter.skills?.length ? sql`${q.skillIds}::text[] && ${textArray(filter.skills)}` : undefined,
    filter.authors?.length ? inArray(q.authorId, filter.authors) : undefined,
    filter.categories?.length ? sql`${q.categories} && ${textArray(filter.categories)}` : undefined,
    filter.questionDomain ? sql`${filter.questionDomain} = any(${q.questionDomains})` : undefined,
    filter.languages?.length ? sql`exists (select 1 from jsonb_array_elements(${q.locale}) l where l->>'language' = any(${textArray(filter.languages)}))` : undefined,
    searchAny(filter.search, [q.title, q.description, q.slug]),
    filter.status ? eq(q.status, filter.status) : filter.hideArchived ? ne(q.status, 'archived') : undefined,
    jsonLogicFilter(filter.query, questionFilterFields(q)),
  );
}

export const questionSortable = (q: VisibleQuestionsTable) => ({ created: q.created, updated: q.updated, title: sql`lower(${q.title})`, level: q.level, type: q.type, status: q.status });

/** Pages over own and public questions as one list; the SQL pages (keyset with `after`), the view is built per row. */
export async function pageQuestions(
  db: DbOrTx,
  tenant: ScopedTenant | undefined,
  grouping: Grouping,
  query: PageQueryValues,
  filter: (q: VisibleQuestionsTable) => SQL | undefined,
  language: Language,
): Promise<Page<QuestionView & { highlighted?: boolean }>> {
  const q = visibleQuestions(db, tenant, grouping);
  const { id: _id, ...rest } = q._.selectedFields;
  void _id;
  const page = await paginate(db, query, {
    fields: { _id: q.id, ...rest } as never,
    from: (select) => select.from(q),
    where: filter(q) ?? sql`true`,
    sortable: questionSortable(q),
    id: q.id,
  });
  return { ...page, docs: (page.docs as Array<Record<string, unknown>>).map((row) => questionView(fromVisibleRow({ ...row, id: row._id }), language)) };
}

export interface CatalogFilter extends Omit<QuestionFilter, 'status' | 'hideArchived' | 'ids'> {
  highlight?: string[];
}

/**
 * The catalog a workspace builds assessments from: its own questions that are not archived and the
 * published public ones. `_id` highlights (each row says `highlighted`), it does not filter.
 */
export async function findCatalog(db: DbOrTx, tenant: ScopedTenant, query: PageQueryValues, filter: CatalogFilter, language: Language) {
  const page = await pageQuestions(db, tenant, 'both', query, (q) => questionWhere(q, { ...filter, hideArchived: true }), language);
  const highlight = new Set(filter.highlight ?? []);
  return { ...page, docs: page.docs.map((doc) => ({ ...doc, highlighted: highlight.has(doc._id) })) };
}

/** status and grouping are exclusive (the seed's rule): both at once is a 400 naming grouping. */
export function groupingOf(status: QuestionStatus | undefined, grouping: 'public' | 'company' | undefined): Grouping {
  if (status && grouping) {
    throw new AppError(400, 'status_with_grouping', 'Filter by status or by grouping, not both', [{ field: 'query/grouping', message: 'not with status' }]);
  }
  return grouping ?? 'both';
}

/**
 * The library: status XOR grouping. grouping=company: the workspace's own; grouping=public: the
 * public ones; neither: both. Archived questions only with status=archived.
 */
export async function findLibrary(
  db: DbOrTx,
  tenant: ScopedTenant,
  query: PageQueryValues,
  filter: QuestionFilter & { grouping?: 'public' | 'company' },
  language: Language,
) {
  const grouping = groupingOf(filter.status, filter.grouping);
  return pageQuestions(db, tenant, grouping, query, (q) => questionWhere(q, { ...filter, hideArchived: true }), language);
}

export type SimpleTypeFilter = 'radio_multiple' | 'checkbox_multiple' | 'freecoding' | 'link' | 'video' | 'essay' | 'audio';

/** The seed's simple-question type names: radio/checkbox are single/multiple choice questions; link matches nothing. */
function simpleTypeCondition(q: VisibleQuestionsTable, types: SimpleTypeFilter[] | undefined): SQL {
  const base = inArray(q.type, [...simpleTypes]);
  if (!types?.length) return base;
  const parts: SQL[] = [];
  const plain = types.filter((t): t is 'freecoding' | 'video' | 'essay' | 'audio' => ['freecoding', 'video', 'essay', 'audio'].includes(t));
  if (plain.length) parts.push(inArray(q.type, plain));
  if (types.includes('radio_multiple')) parts.push(sql`(${q.type} = 'question' and coalesce((${q.content}->'question'->>'multiple')::boolean, false) = false)`);
  if (types.includes('checkbox_multiple')) parts.push(sql`(${q.type} = 'question' and (${q.content}->'question'->>'multiple')::boolean = true)`);
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

/** Simple questions only (no challenges), own and public, archived ones left out. */
export async function findSimpleLibrary(
  db: DbOrTx,
  tenant: ScopedTenant,
  query: PageQueryValues,
  filter: Omit<QuestionFilter, 'types'> & { types?: SimpleTypeFilter[] },
  language: Language,
) {
  const { types, ...rest } = filter;
  return pageQuestions(db, tenant, 'both', query, (q) => and(simpleTypeCondition(q, types), questionWhere(q, { ...rest, hideArchived: true })), language);
}
