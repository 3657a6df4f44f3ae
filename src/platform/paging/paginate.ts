/**
 * Paging for every list endpoint: the Coodesh `P` querystring in, the mongoose-paginate `PR` body out.
 *
 *   PageQuery                      TypeBox fields to spread into a querystring schema
 *   Paginated(itemSchema)          the response schema {docs, totalDocs, limit, page, totalPages,
 *                                  pagingCounter, hasPrevPage, hasNextPage, prevPage, nextPage}
 *   paginate(db, query, source)    runs the page and the count on `db` (a db or a transaction)
 *     source.fields    the Drizzle selection of one row (keys become the row's keys)
 *     source.from      (select) => select.from(table) [.innerJoin(...)]: no where/order/limit; one row per id
 *     source.where     the tenant condition AND the other filters (required, so it cannot be forgotten)
 *     source.sortable  orderBy name -> column or SQL; `_id` means source.id unless listed; else 400 query/orderBy
 *     source.id        the row's unique id column: the tie-breaker that makes the order stable
 *
 * Precedence: `limit` wins over `pageSize` (synonyms, default 20; limit=0 returns only totalDocs);
 * `after` (keyset cursor) wins over `offset`, which wins over `page`.
 *
 *   const Query = Type.Object({ ...PageQuery, query: Type.Optional(Type.String()) });
 *   app.get('/credits/history', { schema: { querystring: Query, response: { 200: Paginated(CreditRow) } } },
 *     async (request) => {
 *       const tenant = tenantOf(request);
 *       return paginate(runtime.database.db, request.query, {
 *         fields: { _id: credits.id, action: credits.action, created: credits.created },
 *         from: (select) => select.from(credits),
 *         where: eq(credits.workspaceId, tenant.workspaceId),
 *         sortable: { created: credits.created, action: credits.action },
 *         id: credits.id,
 *       });
 *     });
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect, PgSelectBuilder, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { DbOrTx } from '../db/client.js';
import { badRequest } from '../errors.js';
import { isId } from '../ids.js';
import { pageOf, pageRequest, type Page, type PageQueryValues, type PageRequest } from './page-query.js';

export { PageQuery, Paginated, pageRequest, maxPageSize, defaultPageSize } from './page-query.js';
export type { Page, PageQueryValues, PageRequest } from './page-query.js';

/** What `select.from(table)` returns, with or without joins. */
export interface FromClause {
  $dynamic(): PgSelect;
}

export interface PageSource<F extends SelectedFields> {
  fields: F;
  from: (select: PgSelectBuilder<SelectedFields>) => FromClause;
  where: SQL;
  sortable: Record<string, PgColumn | SQL>;
  id: PgColumn;
}

export async function paginate<F extends SelectedFields>(
  db: DbOrTx,
  query: PageQueryValues,
  source: PageSource<F>,
): Promise<Page<SelectResultFields<F>>> {
  const request = pageRequest(query);
  const sortKey = sortKeyOf(source, request.orderBy);
  const direction = request.order === 'asc' ? asc : desc;
  const ordering = sortKey === source.id ? [direction(source.id)] : [direction(sortKey), direction(source.id)];
  const run = new PagedRun(db, source, request, sortKey, ordering);
  const page = request.start.kind === 'after' ? await run.afterCursor(request.start.after) : await run.atOffset(request.start.offset, request.start.page);
  return page as Page<SelectResultFields<F>>;
}

function sortKeyOf(source: PageSource<SelectedFields>, name: string): PgColumn | SQL {
  if (Object.hasOwn(source.sortable, name)) return source.sortable[name];
  if (name === '_id') return source.id;
  const allowed = [...new Set(['_id', ...Object.keys(source.sortable)])].join(', ');
  throw badRequest('invalid_order_by', `orderBy "${name.slice(0, 64)}" is not sortable here; use one of: ${allowed}`, 'query/orderBy');
}

/**
 * One rule for every sort: the cursor must be the _id of a row of this list, as filtered now.
 * Malformed, unknown, deleted, another workspace's or another list's rows are all refused alike.
 */
const invalidCursor = () =>
  badRequest('invalid_cursor', 'after must be the _id of a row of this list that matches the same filters; start again without after', 'query/after');

class PagedRun {
  constructor(
    private readonly db: DbOrTx,
    private readonly source: PageSource<SelectedFields>,
    private readonly request: PageRequest,
    private readonly sortKey: PgColumn | SQL,
    private readonly ordering: SQL[],
  ) {}

  private select(fields: SelectedFields) {
    return this.source.from(this.db.select(fields)).$dynamic();
  }

  private async total(): Promise<number> {
    const [row] = await this.select({ n: count() }).where(this.source.where);
    return Number(row.n);
  }

  /**
   * Offset paging. Page 1 is a plain ORDER BY ... LIMIT. Deeper pages use a deferred join: the
   * inner query selects only the ids (ORDER BY sort, id LIMIT n OFFSET m), which an index on
   * (workspace_id, sort, id) answers with an index-only scan, so the m skipped rows cost index
   * entries, not heap fetches; the outer query then reads the n full rows by id. Still O(offset)
   * in index entries: clients that page deep should use `after`.
   */
  async atOffset(offset: number, page?: number): Promise<Page<unknown>> {
    const { limit } = this.request;
    let docs: unknown[] = [];
    if (limit > 0 && offset === 0) {
      docs = await this.select(this.source.fields).where(this.source.where).orderBy(...this.ordering).limit(limit);
    } else if (limit > 0) {
      const ids = this.select({ id: this.source.id }).where(this.source.where).orderBy(...this.ordering).limit(limit).offset(offset);
      docs = await this.select(this.source.fields)
        .where(and(this.source.where, inArray(this.source.id, ids)))
        .orderBy(...this.ordering);
    }
    // A short, non-empty page (or a short first page) already tells the total: skip the count.
    const knownTotal = docs.length < limit && (docs.length > 0 || offset === 0);
    const totalDocs = knownTotal ? offset + docs.length : await this.total();
    return pageOf(docs, totalDocs, limit, offset, page);
  }

  /**
   * Keyset paging: rows strictly after the cursor row in (sort, id) order, found through the index
   * whatever the depth. With orderBy=_id the cursor is compared directly; otherwise the cursor row's
   * sort value is read in SQL (a row comparison against a subquery), never round-tripped through JS,
   * so timestamps keep their microseconds. Sort columns used with `after` should be NOT NULL.
   * The page number is derived from the count of rows up to the cursor, taken in the same scan as
   * totalDocs (and whether the cursor row is there at all), so a cursor page is numbered as
   * `offset` would number it; after the last row that is the empty page past totalPages.
   */
  async afterCursor(after: string): Promise<Page<unknown>> {
    if (!isId(after)) throw invalidCursor();
    const { limit, order } = this.request;
    const { id, where } = this.source;
    const operator = sql.raw(order === 'asc' ? '>' : '<');
    const byId = this.sortKey === id;
    const cursor = byId ? undefined : this.select({ sort: this.sortKey, id }).where(and(where, eq(id, after)));
    const beyond = byId ? sql`${id} ${operator} ${after}` : sql`(${this.sortKey}, ${id}) ${operator} (${cursor})`;
    const [counts] = await this.select({
      total: count(),
      beyond: sql<number>`count(*) filter (where ${beyond})`.mapWith(Number),
      found: sql<boolean | null>`bool_or(${id} = ${after})`,
    }).where(where);
    if (!counts.found) throw invalidCursor();
    const docs = limit > 0 ? await this.select(this.source.fields).where(and(where, beyond)).orderBy(...this.ordering).limit(limit) : [];
    const totalDocs = Number(counts.total);
    return pageOf(docs, totalDocs, limit, totalDocs - counts.beyond);
  }
}
