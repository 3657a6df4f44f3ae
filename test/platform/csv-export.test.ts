import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buffer } from 'node:stream/consumers';
import type { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import { parse } from 'csv-parse/sync';
import { testDatabase } from '../support/app.js';
import type { Database } from '../../src/platform/db/client.js';
import { newId } from '../../src/platform/ids.js';
import { users } from '../../src/modules/identity/schema.js';
import { memberships } from '../../src/modules/identity/workspaces/schema.js';
import { createWorkspace } from '../../src/modules/identity/workspaces/create-workspace.js';
import { csvExport, csvFileName, type CsvColumn, type CsvExportSpec } from '../../src/platform/exports/csv-export.js';
import { labelCell, listCell, numberCell, textCell, timeCell } from '../../src/platform/exports/csv-columns.js';
import { inlineParams } from '../../src/platform/exports/inline-params.js';

/** The bytes as text, BOM kept (TextDecoder-based helpers drop it). */
const text = async (stream: Readable) => (await buffer(stream)).toString('utf8');
const rowsOf = (body: string) => parse(body.replace(/^\ufeff/, ''));

let database: Database;
let workspaceId: string;
const names = ['Ana', '=HYPERLINK("http://evil")', 'Quote " and, comma', 'Line\nbreak', '-5 plain', 'Ünïcödé ✓', "O'Brien \\ back"];
const ids: string[] = [];

beforeAll(async () => {
  database = await testDatabase();
  workspaceId = (await createWorkspace(database.db, { name: 'Export Co' })).id;
  for (const [i, name] of names.entries()) {
    const id = newId();
    ids.push(id);
    await database.db.insert(users).values({ id, email: `export.${id}@example.test`, displayName: name, lastLogin: i === 0 ? new Date('2026-01-02T03:04:05.678Z') : null });
    await database.db.insert(memberships).values({ workspaceId, userId: id, roles: i === 0 ? 'admin' : 'user', tags: i === 0 ? ['a', 'b'] : [] });
  }
});
afterAll(async () => {
  await database.close();
});

function spec(columns: CsvColumn[], where = sql`true`): CsvExportSpec {
  return {
    columns,
    from: (select) => select.from(memberships).innerJoin(users, eq(users.id, memberships.userId)) as unknown as AnyPgSelect,
    where: and(eq(memberships.workspaceId, workspaceId), where)!,
    key: memberships.userId,
    joinedKeys: [users.id],
  };
}

const columns: CsvColumn[] = [
  { header: 'ID', value: textCell(memberships.userId) },
  { header: { en: 'Name', pt: 'Nome' }, value: textCell(users.displayName) },
  { header: { en: 'Role', pt: 'Papel' }, value: labelCell(memberships.roles, { admin: 'Administrador', user: 'Usuário' }) },
  { header: 'Tags', value: listCell(memberships.tags) },
  { header: 'Last login', value: timeCell(users.lastLogin) },
  { header: 'Tag count', value: numberCell(sql`cardinality(${memberships.tags})`) },
];

describe('csv export', () => {
  it('writes every row once in key order, cells formatted by the database, headers in the language', async () => {
    const csv = await csvExport(database, spec(columns), { language: 'pt', batchSize: 2 });
    const body = await text(csv);
    expect(csv.rows).toBe(names.length);
    expect(body.startsWith('\ufeff')).toBe(true);
    const rows = rowsOf(body);
    expect(rows[0]).toEqual(['ID', 'Nome', 'Papel', 'Tags', 'Last login', 'Tag count']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...ids].sort());
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byId.get(ids[0])).toEqual([ids[0], 'Ana', 'Administrador', 'a; b', '2026-01-02 03:04:05', '2']);
    expect(byId.get(ids[1])![1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(byId.get(ids[2])![1]).toBe('Quote " and, comma');
    expect(byId.get(ids[3])![1]).toBe('Line\nbreak');
    expect(byId.get(ids[4])![1]).toBe(`'-5 plain`);
    expect(byId.get(ids[5])![1]).toBe('Ünïcödé ✓');
    expect(byId.get(ids[6])![1]).toBe("O'Brien \\ back");
    expect(byId.get(ids[6])!.slice(2)).toEqual(['Usuário', '', '', '0']);
  });

  it('binds filter values safely on both paths (COPY inlines them as literals)', async () => {
    const hostile = "x'); drop table users; --";
    const none = await text(await csvExport(database, spec(columns, sql`${users.displayName} = ${hostile}`)));
    expect(rowsOf(none)).toHaveLength(1);
    const one = await text(await csvExport(database, spec(columns, sql`${users.displayName} = ${names[6]}`)));
    expect(rowsOf(one).slice(1).map((r) => r[0])).toEqual([ids[6]]);
    const listed = await text(await csvExport(database, spec(columns, sql`${memberships.userId} = any(${sql.param([ids[1], ids[2]])})`)));
    expect(rowsOf(listed)).toHaveLength(3);
  });

  it('writes only the header when nothing matches', async () => {
    const body = await text(await csvExport(database, spec(columns.slice(0, 2), sql`false`)));
    expect(body).toBe('\ufeffID,Name\n');
  });

  it('a query that fails rejects before anything is sent', async () => {
    await expect(csvExport(database, spec([{ header: 'Boom', value: sql`(1 / (cardinality(${memberships.tags}) - 2))::text` }]))).rejects.toThrow();
    expect(await database.query('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('a download abandoned half-way gives its connection back', async () => {
    for (let i = 0; i < 12; i += 1) {
      const stream = await csvExport(database, spec(columns), { batchSize: 1 });
      stream.destroy();
    }
    expect(await database.query('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('names files safely', () => {
    expect(csvFileName('../credits history', new Date('2026-02-03T10:00:00Z'))).toBe('credits-history-2026-02-03.csv');
  });
});

describe('inlineParams', () => {
  const values: unknown[] = ["it's", 'back\\slash', 'Ünïcödé', '$1 inside', ['a"b', 'c,d', null, "e'f", '{x}'], 42, -1.5, true, null, new Date('2026-01-02T03:04:05.678Z')];

  it('means what the bound parameters mean', async () => {
    const query = 'select $1::text a, $2::text b, $3::text c, $4::text d, $5::text[] e, $6::int f, $7::numeric g, $8::boolean h, $9::text i, $10::timestamptz j';
    const bound = await database.query(query, values);
    const inlined = await database.query(inlineParams(query, values));
    expect(inlined).toEqual(bound);
  });

  it('leaves quoted text, identifiers and comments alone', () => {
    const sqlText = `select '$1', E'\\'$1', "$1", $$ $1 $$, $tag$ $1 $tag$ -- $1\n, $1 /* $1 */, $10`;
    const params = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(inlineParams(sqlText, params)).toBe(`select '$1', E'\\'$1', "$1", $$ $1 $$, $tag$ $1 $tag$ -- $1\n, 'v1' /* $1 */, 'v10'`);
  });

  it('refuses NUL characters and missing values', () => {
    expect(() => inlineParams('select $1', ['a\u0000b'])).toThrow();
    expect(() => inlineParams('select $2', ['a'])).toThrow();
  });
});
