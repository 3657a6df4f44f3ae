import { Type, type Static, type TObject, type TSchema } from 'typebox';

/** The largest page a client may ask for (Coodesh `P`: pageSize and limit up to 2000). */
export const maxPageSize = 2000;
export const defaultPageSize = 20;
/** Bounds page and offset so (page - 1) * limit stays an exact integer PostgreSQL accepts. */
const maxPosition = 1_000_000_000;

/**
 * The Coodesh `P` querystring set, to spread into a route's querystring schema:
 * `querystring: Type.Object({ ...PageQuery, status: Type.Optional(...) })`.
 *
 * `pageSize`, `limit` and `offset` carry no `default` keyword on purpose: the shared Ajv fills
 * defaults, and the precedence rules below need to know what the client actually sent.
 */
export const PageQuery = {
  order: Type.Optional(Type.Enum(['asc', 'desc'], { default: 'desc', description: 'Sort direction. Default desc.' })),
  orderBy: Type.Optional(
    Type.String({
      default: '_id',
      maxLength: 64,
      description: 'Field to sort by; each list accepts its own set (an unknown one is a 400). Ties are broken by _id. Default _id.',
    }),
  ),
  offset: Type.Optional(
    Type.Integer({ minimum: 0, maximum: maxPosition, description: 'Rows to skip. When sent it overrides page (page is then reported as ceil((offset+1)/limit)). Default 0.' }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: maxPosition, default: 1, description: 'Page number, from 1. Ignored when offset or after is sent. Default 1.' })),
  pageSize: Type.Optional(
    Type.Integer({ minimum: 1, maximum: maxPageSize, description: 'Rows per page; a synonym of limit (limit wins when both are sent). Default 20.' }),
  ),
  limit: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: maxPageSize,
      description: 'Rows per page; a synonym of pageSize that wins when both are sent. 0 returns no rows, only totalDocs. Default 20.',
    }),
  ),
  after: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'Keyset cursor: the _id of the last row of the previous page. Answers the rows after that row in the asked orderBy and order ' +
        '(a cursor names a row, not a position, so it holds under any sort). Overrides offset and page, stays fast however deep the page is, ' +
        'and is numbered as offset would number the same position: after the last row, an empty page past totalPages. ' +
        'A cursor that is malformed, or is not a row of this list with the same filters (unknown, deleted, another workspace\'s or another list\'s), ' +
        'is a 400 invalid_cursor naming query/after, for every orderBy.',
    }),
  ),
};

/** What a handler receives for the `P` set (after Ajv defaults). */
export type PageQueryValues = Static<TObject<typeof PageQuery>>;

const NullablePage = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]);

/** The mongoose-paginate-v2 response (`PR`) around an item schema. */
export function Paginated<T extends TSchema>(item: T, options: { title?: string } = {}) {
  return Type.Object(
    {
      docs: Type.Array(item),
      totalDocs: Type.Integer({ minimum: 0, description: 'Rows matching the filters.' }),
      limit: Type.Integer({ minimum: 0, description: 'Rows per page used.' }),
      page: Type.Integer({ minimum: 1, description: 'Current page, from 1.' }),
      totalPages: Type.Integer({ minimum: 1, description: 'At least 1, also when there are no rows.' }),
      pagingCounter: Type.Integer({ minimum: 1, description: 'Position (from 1) of the first row of this page.' }),
      hasPrevPage: Type.Boolean(),
      hasNextPage: Type.Boolean(),
      prevPage: { ...NullablePage, description: 'Previous page number, or null.' },
      nextPage: { ...NullablePage, description: 'Next page number, or null.' },
    },
    options.title ? { title: options.title } : {},
  );
}

export interface Page<T> {
  docs: T[];
  totalDocs: number;
  limit: number;
  page: number;
  totalPages: number;
  pagingCounter: number;
  hasPrevPage: boolean;
  hasNextPage: boolean;
  prevPage: number | null;
  nextPage: number | null;
}

/** Where a page starts: a row count, or just after a cursor row. */
export type PageStart = { kind: 'offset'; offset: number; page?: number } | { kind: 'after'; after: string };

export interface PageRequest {
  limit: number;
  start: PageStart;
  order: 'asc' | 'desc';
  orderBy: string;
}

/** Applies the precedence rules: limit over pageSize; after over offset over page. */
export function pageRequest(query: PageQueryValues): PageRequest {
  const limit = query.limit ?? query.pageSize ?? defaultPageSize;
  const order = query.order === 'asc' ? 'asc' : 'desc';
  const orderBy = query.orderBy ?? '_id';
  if (query.after !== undefined) return { limit, order, orderBy, start: { kind: 'after', after: query.after } };
  if (query.offset !== undefined) return { limit, order, orderBy, start: { kind: 'offset', offset: query.offset } };
  const page = query.page ?? 1;
  return { limit, order, orderBy, start: { kind: 'offset', offset: (page - 1) * limit, page } };
}

/**
 * The response numbers, as mongoose-paginate-v2 computes them, from the position of the first row.
 * `page` is given when the client paged by page number (it may lie past the last page).
 */
export function pageOf<T>(docs: T[], totalDocs: number, limit: number, offset: number, page?: number): Page<T> {
  if (limit === 0) {
    return { docs: [], totalDocs, limit: 0, page: 1, totalPages: 1, pagingCounter: 1, hasPrevPage: false, hasNextPage: false, prevPage: null, nextPage: null };
  }
  const current = page ?? Math.ceil((offset + 1) / limit);
  const totalPages = Math.max(1, Math.ceil(totalDocs / limit));
  const hasPrevPage = current > 1 || offset > 0;
  const hasNextPage = offset + docs.length < totalDocs;
  return {
    docs,
    totalDocs,
    limit,
    page: current,
    totalPages,
    pagingCounter: offset + 1,
    hasPrevPage,
    hasNextPage,
    prevPage: hasPrevPage ? Math.max(1, current - 1) : null,
    nextPage: hasNextPage ? current + 1 : null,
  };
}
