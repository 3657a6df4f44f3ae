import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { PgDialect, boolean, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { testDatabase } from '../../../test/support/app.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { jsonLogicFilter, type FilterFields } from './json-logic.js';

const tableName = `filter_rows_${process.pid}_${Date.now().toString(36)}`;
const people = pgTable(tableName, {
  workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
  id: varchar('id', { length: 24 }).notNull(),
  status: text('status'),
  score: integer('score'),
  active: boolean('active'),
  roles: text('roles').array(),
  created: timestamp('created', { withTimezone: true }),
});

const fields: FilterFields = {
  status: { column: people.status, type: 'text' },
  score: { column: people.score, type: 'number' },
  active: { column: people.active, type: 'boolean' },
  roles: { column: people.roles, type: 'text[]' },
  created: { column: people.created, type: 'date' },
  'address.full_location': { column: sql`lower(${people.status})`, type: 'text' },
};

const dialect = new PgDialect();
const b64 = (tree: unknown) => Buffer.from(JSON.stringify(tree)).toString('base64');
const render = (tree: unknown) => dialect.sqlToQuery(jsonLogicFilter(b64(tree), fields)!);

function problem(query: string): AppError {
  try {
    jsonLogicFilter(query, fields);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.statusCode).toBe(400);
    expect(appError.details?.[0].field).toBe('query/query');
    return appError;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('jsonLogicFilter translation', () => {
  it('translates the seed example with bound parameters only', () => {
    const query = render({ and: [{ '==': [{ var: 'status' }, 'active'] }, { in: [{ var: 'roles' }, ['admin', 'manager']] }] });
    expect(query.sql).toBe(`("${tableName}"."status" = $1 and "${tableName}"."roles" && $2)`);
    expect(query.params).toEqual(['active', ['admin', 'manager']]);
  });

  it('decodes the seed base64 samples, URL-safe base64 and plain JSON alike', () => {
    const seed = 'eyI9PSI6W3sidmFyIjoic3RhdHVzIn0sImFjdGl2ZSJdfQ==';
    const expected = dialect.sqlToQuery(jsonLogicFilter(seed, fields)!);
    expect(expected.params).toEqual(['active']);
    expect(dialect.sqlToQuery(jsonLogicFilter(seed.replace(/=+$/, ''), fields)!)).toEqual(expected);
    expect(dialect.sqlToQuery(jsonLogicFilter('{"==":[{"var":"status"},"active"]}', fields)!)).toEqual(expected);
    const plusAsSpace = b64({ '==': [{ var: 'status' }, '>>>?'] });
    expect(plusAsSpace).toMatch(/[+/]/);
    expect(dialect.sqlToQuery(jsonLogicFilter(plusAsSpace.replace(/\+/g, ' ').replace(/\//g, '_'), fields)!).params).toEqual(['>>>?']);
  });

  it('treats an absent, empty or {} query as no filter', () => {
    expect(jsonLogicFilter(undefined, fields)).toBeUndefined();
    expect(jsonLogicFilter('  ', fields)).toBeUndefined();
    expect(jsonLogicFilter(b64({}), fields)).toBeUndefined();
  });

  it.each([
    [{ '!=': [{ var: 'status' }, 'x'] }, `"status" is distinct from $1`, ['x']],
    [{ '==': [null, { var: 'status' }] }, `"status" is null`, []],
    [{ '!==': [{ var: 'status' }, null] }, `"status" is not null`, []],
    [{ '==': [{ var: 'score' }, '12'] }, `"score" = $1`, [12]],
    [{ '===': [{ var: 'score' }, 1.5] }, `"score" = $1::numeric`, [1.5]],
    [{ '>': [10, { var: 'score' }] }, `"score" < $1`, [10]],
    [{ '<': [1, { var: 'score' }, 5] }, `("${tableName}"."score" > $1 and "${tableName}"."score" < $2)`, [1, 5]],
    [{ '<=': ['2024-01-01', { var: 'created' }, '2024-12-31T23:59:59Z'] }, `"created" <= $2)`, ['2024-01-01T00:00:00.000Z', '2024-12-31T23:59:59.000Z']],
    [{ in: [{ var: 'score' }, [1, '2', 3]] }, `"score" = any($1)`, [[1, 2, 3]]],
    [{ in: [{ var: 'status' }, []] }, 'false', []],
    [{ in: ['admin', { var: 'roles' }] }, `coalesce($1 = any("${tableName}"."roles"), false)`, ['admin']],
    [{ '==': [{ var: 'roles' }, 'admin'] }, `coalesce($1 = any("${tableName}"."roles"), false)`, ['admin']],
    [{ in: ['act', { var: 'status' }] }, `strpos("${tableName}"."status", $1) > 0`, ['act']],
    [{ '!': { var: 'active' } }, `not coalesce("${tableName}"."active" = $1, false)`, [true]],
    [{ or: [{ var: 'active' }, { '==': [{ var: 'address.full_location' }, 'sp'] }] }, `lower("${tableName}"."status") = $2)`, [true, 'sp']],
  ])('translates %j', (tree, fragment, params) => {
    const query = render(tree);
    expect(query.sql).toContain(fragment);
    expect(query.params).toEqual(params);
  });

  it.each([
    ['an unknown operator', b64({ regex: [{ var: 'status' }, '.*'] }), 'operator "regex" is not supported'],
    ['an unknown field', b64({ '==': [{ var: 'password' }, 'x'] }), 'field "password" cannot be filtered here'],
    ['a prototype field name', b64({ '==': [{ var: '__proto__' }, 'x'] }), 'cannot be filtered'],
    ['a field name carrying SQL', b64({ '==': [{ var: 'status" = status or 1=1 --' }, 'x'] }), 'cannot be filtered'],
    ['a var with a default', b64({ '==': [{ var: ['status', 'active'] }, 'x'] }), 'defaults are not supported'],
    ['a string for a number', b64({ '==': [{ var: 'score' }, 'ten'] }), 'not a valid value for number field "score"'],
    ['a strict string for a number', b64({ '===': [{ var: 'score' }, '10'] }), 'not a valid value for number field'],
    ['a bad date', b64({ '>': [{ var: 'created' }, '2024-02-01x'] }), 'not a valid value for date field'],
    ['a day the month lacks', b64({ '>': [{ var: 'created' }, '2024-02-30'] }), 'not a valid value for date field'],
    ['an object value', b64({ '==': [{ var: 'status' }, { a: 1 }] }), 'operands must be'],
    ['a comparison of two values', b64({ '==': [1, 1] }), 'compares one {"var":...} with one value'],
    ['ordering a boolean', b64({ '<': [{ var: 'active' }, true] }), 'does not apply to boolean field'],
    ['a non-boolean field alone', b64({ and: [{ var: 'status' }] }), 'is not boolean'],
    ['an empty and', b64({ and: [] }), 'needs at least one condition'],
    ['two operators in one object', b64({ '==': [{ var: 'status' }, 'a'], '!=': [{ var: 'status' }, 'b'] }), 'one operator'],
    ['a NUL in a value', b64({ '==': [{ var: 'status' }, 'a\u0000b'] }), 'NUL'],
    ['bad base64', '%%%not-base64%%%', 'neither base64 nor a JSON object'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64'), 'not of valid JSON'],
    ['malformed plain JSON (the seed sample)', '{"==":[{"var":"external_id"},"111"]]}', 'not valid JSON'],
    ['base64 of invalid UTF-8', Buffer.from([0xff, 0xfe, 0x7b]).toString('base64'), 'UTF-8'],
    ['a very long query', 'A'.repeat(9000), 'longer than'],
  ])('refuses %s with a 400 on query/query', (_what, query, message) => {
    expect(problem(query).message).toContain(message);
  });

  it('refuses nesting deeper than 10 and trees over 200 nodes', () => {
    let deep: unknown = { '==': [{ var: 'status' }, 'a'] };
    for (let i = 0; i < 10; i += 1) deep = { and: [deep] };
    expect(problem(b64(deep)).message).toContain('nested deeper than 10');
    const wide = { or: Array.from({ length: 70 }, (_, i) => ({ '==': [{ var: 'score' }, i] })) };
    expect(problem(b64(wide)).message).toContain('more than 200 nodes');
    expect(problem(b64({ in: [{ var: 'score' }, Array.from({ length: 1001 }, (_, i) => i)] })).message).toContain('longer than 1000');
  });

  it('keeps injection attempts in values as parameters', () => {
    const evil = `x'); drop table ${tableName}; --`;
    const query = render({ or: [{ '==': [{ var: 'status' }, evil] }, { in: [{ var: 'roles' }, [evil]] }, { in: [evil, { var: 'status' }] }] });
    expect(query.sql).not.toContain('drop');
    expect(query.params).toEqual([evil, [evil], evil]);
  });
});

describe('jsonLogicFilter against a real table', () => {
  let database: Database;
  const workspace = 'w'.repeat(24);

  beforeAll(async () => {
    database = await testDatabase();
    await database.exec(`create table ${tableName} (workspace_id varchar(24) not null, id varchar(24) not null, status text,
      score integer, active boolean, roles text[], created timestamptz, primary key (workspace_id, id))`);
    await database.db.insert(people).values([
      { workspaceId: workspace, id: 'a', status: 'active', score: 10, active: true, roles: ['admin'], created: new Date('2024-01-10T00:00:00Z') },
      { workspaceId: workspace, id: 'b', status: 'active', score: 20, active: false, roles: ['manager', 'user'], created: new Date('2024-03-01T00:00:00Z') },
      { workspaceId: workspace, id: 'c', status: 'paused', score: 30, active: true, roles: ['user'], created: new Date('2025-01-01T00:00:00Z') },
      { workspaceId: workspace, id: 'd', status: null, score: null, active: null, roles: [], created: null },
      { workspaceId: 'x'.repeat(24), id: 'e', status: 'active', score: 10, active: true, roles: ['admin'], created: new Date() },
    ]);
  });

  afterAll(async () => {
    await database.exec(`drop table if exists ${tableName}`);
    await database.close();
  });

  async function ids(tree: unknown): Promise<string[]> {
    const where = and(eq(people.workspaceId, workspace), jsonLogicFilter(b64(tree), fields));
    const rows = await database.db.select({ id: people.id }).from(people).where(where).orderBy(people.id);
    return rows.map((r) => r.id);
  }

  it.each([
    [{ and: [{ '==': [{ var: 'status' }, 'active'] }, { in: [{ var: 'roles' }, ['admin', 'manager']] }] }, ['a', 'b']],
    [{ '!=': [{ var: 'status' }, 'active'] }, ['c', 'd']],
    [{ '==': [{ var: 'status' }, null] }, ['d']],
    [{ '==': [{ var: 'score' }, '20'] }, ['b']],
    [{ '==': [{ var: 'score' }, 20.5] }, []],
    [{ '>': [{ var: 'score' }, 3_000_000_000] }, []],
    [{ '<=': [10, { var: 'score' }, 20] }, ['a', 'b']],
    [{ '<': [10, { var: 'score' }, 30] }, ['b']],
    [{ '>=': [{ var: 'created' }, '2024-03-01'] }, ['b', 'c']],
    [{ in: [{ var: 'created' }, ['2024-01-10T00:00:00Z', 1735689600000]] }, ['a', 'c']],
    [{ in: [{ var: 'score' }, [10, 30, 1.5]] }, ['a', 'c']],
    [{ in: [{ var: 'status' }, ['paused', 'gone']] }, ['c']],
    [{ in: ['user', { var: 'roles' }] }, ['b', 'c']],
    [{ '!=': [{ var: 'roles' }, 'user'] }, ['a', 'd']],
    [{ in: ['aus', { var: 'status' }] }, ['c']],
    [{ var: 'active' }, ['a', 'c']],
    [{ '!': { var: 'active' } }, ['b', 'd']],
    [{ '!': [{ '==': [{ var: 'status' }, 'active'] }] }, ['c', 'd']],
    [{ or: [{ '===': [{ var: 'active' }, false] }, { '==': [{ var: 'address.full_location' }, 'paused'] }] }, ['b', 'c']],
  ])('%j selects %j', async (tree, expected) => {
    expect(await ids(tree)).toEqual(expected);
  });

  it('matches nothing and harms nothing with injection attempts in values', async () => {
    const evil = `active'; drop table ${tableName}; --`;
    expect(await ids({ or: [{ '==': [{ var: 'status' }, evil] }, { in: [{ var: 'roles' }, [evil, "admin' or '1'='1"]] }] })).toEqual([]);
    expect(await ids({ in: [{ var: 'status' }, ["' or 1=1 --", 'x\\']] })).toEqual([]);
    expect(await ids({ '==': [{ var: 'status' }, 'active'] })).toEqual(['a', 'b']);
  });
});
