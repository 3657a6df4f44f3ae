import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { and, eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { testDatabase } from '../../../test/support/app.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { checkResponse, validatorCompiler } from '../http/validation.js';
import { PageQuery, Paginated, paginate, type PageQueryValues } from './paginate.js';

const suffix = `${process.pid}_${Date.now().toString(36)}`;
const rowsName = `paging_rows_${suffix}`;
const tagsName = `paging_tags_${suffix}`;
const rows = pgTable(rowsName, {
  workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
  id: varchar('id', { length: 24 }).notNull(),
  name: text('name').notNull(),
  score: integer('score').notNull(),
  created: timestamp('created', { withTimezone: true }).notNull(),
});
const tags = pgTable(tagsName, {
  workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
  rowId: varchar('row_id', { length: 24 }).notNull(),
  label: text('label').notNull(),
});

let database: Database;
const workspace = newId();
const otherWorkspace = newId();
const total = 57;

const source = (where = eq(rows.workspaceId, workspace)) => ({
  fields: { _id: rows.id, name: rows.name, score: rows.score },
  from: (select: Parameters<Parameters<typeof paginate>[2]['from']>[0]) => select.from(rows),
  where,
  sortable: { score: rows.score, created: rows.created, name: sql`lower(${rows.name})` },
  id: rows.id,
});

async function page(query: PageQueryValues) {
  return paginate(database.db, query, source());
}

/** Every id of the workspace in the expected order, read independently of paginate. */
async function expectedIds(orderSql: string): Promise<string[]> {
  const found = await database.query<{ id: string }>(`select id from ${rowsName} where workspace_id = $1 order by ${orderSql}`, [workspace]);
  return found.map((r) => r.id);
}

beforeAll(async () => {
  database = await testDatabase();
  await database.exec(`
    create table ${rowsName} (workspace_id varchar(24) not null, id varchar(24) not null, name text not null,
      score integer not null, created timestamptz not null, primary key (workspace_id, id));
    create index ${rowsName}_score on ${rowsName} (workspace_id, score, id);
    create table ${tagsName} (workspace_id varchar(24) not null, row_id varchar(24) not null, label text not null,
      primary key (workspace_id, row_id));`);
  // Few distinct scores (ties everywhere) and timestamps that differ only in microseconds.
  const values = Array.from({ length: total }, (_, i) => ({
    workspaceId: workspace,
    id: newId(),
    name: `Row ${String(i).padStart(2, '0')}`,
    score: i % 4,
    created: sql`timestamptz '2024-01-01 00:00:00Z' + ${i % 3} * interval '1 microsecond'`,
  }));
  await database.db.insert(rows).values(values as never);
  await database.db.insert(rows).values({ workspaceId: otherWorkspace, id: newId(), name: 'foreign', score: 1, created: new Date() });
  await database.db.insert(tags).values(values.map((v) => ({ workspaceId: workspace, rowId: v.id, label: `tag ${v.name}` })));
});

afterAll(async () => {
  await database.exec(`drop table if exists ${rowsName}; drop table if exists ${tagsName};`);
  await database.close();
});

describe('PageQuery schema', () => {
  const validate = validatorCompiler({ schema: Type.Object(PageQuery), httpPart: 'querystring', method: 'GET', url: '/' }) as (value: unknown) => boolean;

  it('fills order, orderBy and page but leaves the size fields to the precedence rules', () => {
    const query: Record<string, unknown> = {};
    expect(validate(query)).toBe(true);
    expect(query).toEqual({ order: 'desc', orderBy: '_id', page: 1 });
  });

  it('coerces query-string numbers and refuses out-of-range ones', () => {
    const query: Record<string, unknown> = { page: '2', limit: '0' };
    expect(validate(query)).toBe(true);
    expect(query).toMatchObject({ page: 2, limit: 0 });
    expect(validate({ pageSize: '0' })).toBe(false);
    expect(validate({ limit: '2001' })).toBe(false);
    expect(validate({ page: '0' })).toBe(false);
    expect(validate({ offset: '-1' })).toBe(false);
    expect(validate({ order: 'sideways' })).toBe(false);
    expect(validate({ page: '1e300' })).toBe(false);
  });
});

describe('paginate', () => {
  it('returns the first page newest id first, with mongoose-paginate numbers', async () => {
    const result = await page({});
    const all = await expectedIds('id desc');
    expect(result.docs.map((d) => d._id)).toEqual(all.slice(0, 20));
    expect(result).toMatchObject({ totalDocs: total, limit: 20, page: 1, totalPages: 3, pagingCounter: 1, hasPrevPage: false, hasNextPage: true, prevPage: null, nextPage: 2 });
    expect(checkResponse(Paginated(Type.Object({ _id: Type.String(), name: Type.String(), score: Type.Integer() })), result)).toBeUndefined();
  });

  it('keeps other workspaces out: only the caller-given where decides the rows', async () => {
    const result = await page({ limit: 2000 });
    expect(result.totalDocs).toBe(total);
    expect(result.docs.some((d) => d.name === 'foreign')).toBe(false);
  });

  it('reads the last page from page and pageSize and reports no next page', async () => {
    const result = await page({ page: 3, pageSize: 25, order: 'asc' });
    const all = await expectedIds('id asc');
    expect(result.docs.map((d) => d._id)).toEqual(all.slice(50));
    expect(result).toMatchObject({ totalDocs: total, limit: 25, page: 3, totalPages: 3, pagingCounter: 51, hasNextPage: false, nextPage: null, prevPage: 2 });
  });

  it('lets limit win over pageSize and offset win over page', async () => {
    const result = await page({ limit: 5, pageSize: 50, offset: 7, page: 9, order: 'asc' });
    const all = await expectedIds('id asc');
    expect(result.docs.map((d) => d._id)).toEqual(all.slice(7, 12));
    expect(result).toMatchObject({ limit: 5, page: 2, pagingCounter: 8, hasPrevPage: true, prevPage: 1, nextPage: 3 });
  });

  it('answers limit=0 with the total and no rows', async () => {
    const result = await page({ limit: 0 });
    expect(result).toMatchObject({ docs: [], totalDocs: total, limit: 0, page: 1, totalPages: 1, hasNextPage: false });
  });

  it('reports an empty page past the end with a previous page', async () => {
    const result = await page({ page: 10, limit: 20 });
    expect(result).toMatchObject({ docs: [], totalDocs: total, page: 10, totalPages: 3, hasPrevPage: true, prevPage: 9, hasNextPage: false, nextPage: null });
  });

  it('walks every page of a tie-heavy sort by offset without losing or repeating a row', async () => {
    const seen: string[] = [];
    for (let n = 1; n <= 6; n += 1) seen.push(...(await page({ orderBy: 'score', order: 'asc', page: n, limit: 10 })).docs.map((d) => d._id));
    expect(seen).toEqual(await expectedIds('score asc, id asc'));
  });

  it('walks every page with the after cursor, also on microsecond-apart timestamps', async () => {
    for (const [orderBy, order, orderSql] of [
      ['created', 'desc', 'created desc, id desc'],
      ['score', 'asc', 'score asc, id asc'],
      ['_id', 'asc', 'id asc'],
      ['name', 'desc', 'lower(name) desc, id desc'],
    ] as const) {
      const seen: string[] = [];
      let after: string | undefined;
      let pageNumber = 0;
      for (;;) {
        const result = await page({ orderBy, order, limit: 10, ...(after ? { after } : {}) });
        pageNumber += 1;
        expect(result.page).toBe(pageNumber);
        expect(result.pagingCounter).toBe(seen.length + 1);
        seen.push(...result.docs.map((d) => d._id));
        if (!result.hasNextPage) break;
        after = result.docs.at(-1)!._id;
      }
      expect(seen, orderBy).toEqual(await expectedIds(orderSql));
    }
  });

  it('refuses an unknown orderBy with a 400 naming query/orderBy', async () => {
    const error = await page({ orderBy: 'password"; drop table x; --' }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.statusCode).toBe(400);
    expect(error.details).toEqual([expect.objectContaining({ field: 'query/orderBy' })]);
    expect(error.message).toContain('score');
  });

  it('refuses, under every sort, a cursor that is malformed or names no row of this filtered list', async () => {
    const [foreign] = await database.query<{ id: string }>(`select id from ${rowsName} where workspace_id = $1`, [otherWorkspace]);
    const [filteredOut] = await database.query<{ id: string }>(`select id from ${rowsName} where workspace_id = $1 and score <> 0 limit 1`, [workspace]);
    const cursors = { unknown: newId(), zeros: '0'.repeat(24), ones: 'f'.repeat(24), malformed: 'not-an-id', foreign: foreign.id };
    for (const orderBy of ['_id', 'score', 'name']) {
      for (const order of ['asc', 'desc'] as const) {
        for (const [kind, after] of Object.entries(cursors)) {
          const error = await page({ orderBy, order, after }).catch((e) => e);
          expect(error, `${kind} cursor, ${orderBy} ${order}`).toBeInstanceOf(AppError);
          expect([error.statusCode, error.code, error.details?.[0]?.field], `${kind} cursor, ${orderBy} ${order}`).toEqual([400, 'invalid_cursor', 'query/after']);
        }
        const filtered = source(and(eq(rows.workspaceId, workspace), eq(rows.score, 0)));
        const error = await paginate(database.db, { orderBy, order, after: filteredOut.id }, filtered).catch((e) => e);
        expect([error.statusCode, error.code], `a row outside the filters, ${orderBy} ${order}`).toEqual([400, 'invalid_cursor']);
      }
    }
  });

  it('numbers a cursor page as offset numbers the same position, also the empty page after the last row', async () => {
    for (const orderBy of ['_id', 'score']) {
      const all = (await page({ orderBy, order: 'asc', limit: 2000 })).docs.map((d) => d._id);
      for (const [position, limit] of [[9, 10], [12, 10], [total - 1, 10], [total - 1, 1], [total - 1, total]] as const) {
        const byCursor = await page({ orderBy, order: 'asc', limit, after: all[position] });
        const byOffset = await page({ orderBy, order: 'asc', limit, offset: position + 1 });
        expect(byCursor, `after row ${position + 1}, limit ${limit}, ${orderBy}`).toEqual(byOffset);
      }
      const last = await page({ orderBy, order: 'asc', limit: 1, after: all.at(-1) });
      expect(last).toMatchObject({ docs: [], totalDocs: total, page: total + 1, totalPages: total, hasNextPage: false, nextPage: null, hasPrevPage: true, prevPage: total });
    }
  });

  it('pages a joined source by the joined columns, by page and by cursor', async () => {
    const joined = {
      fields: { _id: rows.id, label: tags.label },
      from: (select: Parameters<Parameters<typeof paginate>[2]['from']>[0]) =>
        select.from(rows).innerJoin(tags, sql`${tags.workspaceId} = ${rows.workspaceId} and ${tags.rowId} = ${rows.id}`),
      where: eq(rows.workspaceId, workspace),
      sortable: { label: tags.label },
      id: rows.id,
    };
    const result = await paginate(database.db, { orderBy: 'label', order: 'asc', page: 2, limit: 5 }, joined);
    expect(result.docs.map((d) => d.label)).toEqual(['tag Row 05', 'tag Row 06', 'tag Row 07', 'tag Row 08', 'tag Row 09']);
    expect(result.totalDocs).toBe(total);
    const next = await paginate(database.db, { orderBy: 'label', order: 'asc', limit: 5, after: result.docs[4]._id }, joined);
    expect(next.docs.map((d) => d.label)).toEqual(['tag Row 10', 'tag Row 11', 'tag Row 12', 'tag Row 13', 'tag Row 14']);
    expect(next).toMatchObject({ page: 3, pagingCounter: 11 });
  });
});
