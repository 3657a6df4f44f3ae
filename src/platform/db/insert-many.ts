import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';
import { inChunks } from './chunks.js';

/** Rows per statement: one bound parameter each, so the bound is memory, not PostgreSQL's 65535. */
const ROWS_PER_JSON_STATEMENT = 5000;

export interface InsertManyOptions {
  /** `ON CONFLICT DO NOTHING`: rows that would break a unique key are skipped. */
  onConflictDoNothing?: boolean;
}

/** The columns the rows set: the keys of the first row with a value; every row must set the same ones. */
function columnsOf(table: PgTable, rows: Array<Record<string, unknown>>): Array<[string, PgColumn]> {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]).filter((key) => rows[0][key] !== undefined);
  for (const key of keys) if (!all[key]) throw new Error(`insertMany: ${getTableName(table)} has no column ${key}`);
  for (const row of rows) {
    const set = Object.keys(row).filter((key) => row[key] !== undefined);
    if (set.length !== keys.length || set.some((key) => !(key in all) || rows[0][key] === undefined)) {
      throw new Error(`insertMany: every row of ${getTableName(table)} must set the same columns (${keys.join(', ')})`);
    }
  }
  return keys.map((key) => [key, all[key]]);
}

/** A value as jsonb_to_recordset reads it back into the column's type. */
function jsonValue(column: PgColumn, value: unknown): unknown {
  if (value === null) return null;
  if (/^jsonb?$/.test(column.getSQLType())) return value;
  return column.mapToDriverValue(value);
}

type StatementResult = { rowCount?: number | null; affectedRows?: number; rows: Array<Record<string, unknown>> };

/** The statements' results, chunk by chunk. */
async function run(db: DbOrTx, table: PgTable, rows: Array<Record<string, unknown>>, options: InsertManyOptions, returning: SQL): Promise<StatementResult[]> {
  const columns = columnsOf(table, rows);
  const names = sql.join(columns.map(([, column]) => sql.identifier(column.name)), sql`, `);
  const record = sql.raw(columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '));
  const conflict: SQL = options.onConflictDoNothing ? sql` on conflict do nothing` : sql``;
  const results: StatementResult[] = [];
  for (const part of inChunks(rows, ROWS_PER_JSON_STATEMENT)) {
    const json = JSON.stringify(part.map((row) => Object.fromEntries(columns.map(([key, column]) => [column.name, jsonValue(column, row[key])]))));
    const result: unknown = await db.execute(sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${json}::jsonb) as r(${record})${conflict}${returning}`);
    results.push(result as StatementResult);
  }
  return results;
}

/**
 * Inserts many rows with `INSERT … SELECT FROM jsonb_to_recordset($1)`: one bound parameter per
 * statement, so building it costs one JSON.stringify instead of drizzle rendering a placeholder per
 * value (several times faster for thousands of rows). Rows use the table's property names, like
 * `.values()`; columns they leave out get their defaults. Pass a transaction when the rows go
 * together. Answers the number of rows inserted.
 */
export async function insertMany<T extends PgTable>(db: DbOrTx, table: T, rows: Array<T['$inferInsert']>, options: InsertManyOptions = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const results = await run(db, table, rows, options, sql``);
  return results.reduce((sum, result) => sum + (result.rowCount ?? result.affectedRows ?? 0), 0);
}

/** Like insertMany, answering one text column of the rows actually inserted (with onConflictDoNothing, the ones not skipped). */
export async function insertManyReturning<T extends PgTable>(db: DbOrTx, table: T, rows: Array<T['$inferInsert']>, column: PgColumn, options: InsertManyOptions = {}): Promise<string[]> {
  if (rows.length === 0) return [];
  const results = await run(db, table, rows, options, sql` returning ${sql.identifier(column.name)} as "value"`);
  return results.flatMap((result) => result.rows.map((row) => String(row.value)));
}
