import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from './support/app.js';
import type { Database } from '../src/platform/db/client.js';

/**
 * The migrated schema is ready for Citus: workspace_id is the distribution column of every tenant
 * table, so it leads each primary key and unique index and is part of every foreign key between
 * tenant tables. Tables shared by all workspaces become reference tables and are listed here.
 */
const referenceTables = new Set([
  'users', 'user_identities', 'user_tokens', 'settings', 'workspaces',
  // Outboxes of all workspaces (rows live until delivered; sign-up mails have no workspace).
  'mail_outbox', 'job_outbox',
  // Public catalogs every workspace reads (DESIGN.md: the public questions catalog is a reference table).
  'shared_question_datasets', 'public_questions', 'skills', 'template_skill_variants',
  // Rate-limit counters of the public routes, keyed by route and client address, not by workspace.
  'rate_limit_hits',
]);
/** Only the application's schema: pg-boss keeps its own (`pgboss`), drizzle its journal (`drizzle`). */
const schema = 'public';

interface TableRow { name: string }
interface ColumnRow { table: string; column: string; type: string }
interface KeyRow { table: string; name: string; first: string }
interface ForeignKeyRow { table: string; name: string; target: string; columns: string[]; target_columns: string[] }

let database: Database;
let tables: string[];
let columns: ColumnRow[];
let primaryKeys: KeyRow[];
let uniqueIndexes: KeyRow[];
let foreignKeys: ForeignKeyRow[];

beforeAll(async () => {
  database = await testDatabase();
  tables = (
    await database.query<TableRow>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
      [schema],
    )
  ).map((r) => r.name);
  columns = await database.query<ColumnRow>(
    `select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
    [schema],
  );
  primaryKeys = await database.query<KeyRow>(
    `select c.relname as table, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid, 1, true) as first
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and i.indisprimary`,
    [schema],
  );
  uniqueIndexes = await database.query<KeyRow>(
    `select c.relname as table, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid, 1, true) as first
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and i.indisunique and not i.indisprimary`,
    [schema],
  );
  foreignKeys = await database.query<ForeignKeyRow>(
    `select c.relname as table, k.conname as name, t.relname as target,
            array(select a.attname::text from unnest(k.conkey) as x(n) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.n) as columns,
            array(select a.attname::text from unnest(k.confkey) as x(n) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = x.n) as target_columns
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class t on t.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and k.contype = 'f'`,
    [schema],
  );
});
afterAll(async () => database.close());

const tenantTables = () => tables.filter((name) => !referenceTables.has(name));
const unquote = (text: string) => text.replace(/^"|"$/g, '');

describe('the migrated schema is ready for Citus', () => {
  it('sees the tables of the migrations', () => {
    expect(tables).toEqual(expect.arrayContaining(['users', 'workspaces', 'api_keys']));
  });

  it('every listed reference table exists', () => {
    expect([...referenceTables].filter((name) => !tables.includes(name))).toEqual([]);
  });

  it('every tenant table has a workspace_id varchar(24) column', () => {
    const problems = tenantTables().flatMap((table) => {
      const column = columns.find((c) => c.table === table && c.column === 'workspace_id');
      if (!column) return [`${table}: no workspace_id column (or list it as a reference table)`];
      return column.type === 'character varying(24)' ? [] : [`${table}.workspace_id is ${column.type}, not character varying(24)`];
    });
    expect(problems).toEqual([]);
  });

  it('every tenant table has a primary key that starts with workspace_id', () => {
    const problems = tenantTables().flatMap((table) => {
      const key = primaryKeys.find((k) => k.table === table);
      if (!key) return [`${table}: no primary key`];
      return unquote(key.first) === 'workspace_id' ? [] : [`${table}: primary key ${key.name} starts with ${key.first}`];
    });
    expect(problems).toEqual([]);
  });

  it('every unique index of a tenant table starts with workspace_id', () => {
    const problems = uniqueIndexes
      .filter((index) => !referenceTables.has(index.table))
      .filter((index) => unquote(index.first) !== 'workspace_id')
      .map((index) => `${index.table}: unique index ${index.name} starts with ${index.first}`);
    expect(problems).toEqual([]);
  });

  it('foreign keys between tenant tables include workspace_id on both sides', () => {
    const problems = foreignKeys
      .filter((fk) => !referenceTables.has(fk.table) && !referenceTables.has(fk.target))
      .filter((fk) => !fk.columns.includes('workspace_id') || !fk.target_columns.includes('workspace_id'))
      .map((fk) => `${fk.table} → ${fk.target}: ${fk.name} (${fk.columns.join(', ')}) → (${fk.target_columns.join(', ')})`);
    expect(problems).toEqual([]);
  });

  it('no reference table points at a tenant table (Citus cannot enforce that)', () => {
    const problems = foreignKeys
      .filter((fk) => referenceTables.has(fk.table) && !referenceTables.has(fk.target))
      .map((fk) => `${fk.table} → ${fk.target}: ${fk.name}`);
    expect(problems).toEqual([]);
  });
});
