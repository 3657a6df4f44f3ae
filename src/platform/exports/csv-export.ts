/**
 * One streaming CSV export for every module.
 *
 * A module describes the rows (the `from` of a select, a `where` that already holds the tenant and
 * the request's filters, a unique `key` column giving the order) and the columns (a localized header
 * and a SQL value whose text form is the cell: see ./csv-columns.ts). The database formats every cell, so:
 *
 * - on PostgreSQL the rows come from `COPY (SELECT ...) TO STDOUT WITH CSV`, streamed with
 *   back-pressure (pg-copy-streams): PostgreSQL writes the CSV itself, as fast as a COPY can be;
 * - on PGlite, which has no COPY TO STDOUT, in keyset batches of `batchSize` rows, each a COPY
 *   into PGlite's in-memory blob, so no single statement holds the event loop for long.
 *
 * Either way memory stays constant whatever the row count. The first rows are read before anything
 * is sent, so a bad filter or a database error is still a proper error response, not a cut file.
 * Routes answer with ./send-export.ts, which also runs an export as a job into storage on request.
 *
 *   const csv = await csvExport(runtime.database, {
 *     columns: [{ header: { en: 'Name', pt: 'Nome' }, value: textCell(users.displayName) }],
 *     from: (select) => select.from(memberships).innerJoin(users, eq(users.id, memberships.userId)),
 *     where: and(eq(memberships.workspaceId, tenant.workspaceId), filters),
 *     key: memberships.userId,
 *   }, { language: request.language });
 *   return sendCsv(reply, 'users', csv);
 */
import { Readable, Transform } from 'node:stream';
import { and, asc, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgSelect, PgColumn, PgSelectBuilder, SelectedFields } from 'drizzle-orm/pg-core';
import { stringify } from 'csv-stringify/sync';
import { to as copyTo } from 'pg-copy-streams';
import type { FastifyReply } from 'fastify';
import type { Database } from '../db/client.js';
import type { Language } from '../http/request-context.js';
import { inlineParams } from './inline-params.js';

export interface CsvColumn {
  /** The header text per language (English is the fallback), or one text for all. */
  header: string | ({ en: string } & Partial<Record<Language, string>>);
  /** SQL yielding the cell's text (NULL = empty cell). */
  value: SQL;
}

export interface CsvExportSpec {
  columns: CsvColumn[];
  from: (select: PgSelectBuilder<SelectedFields>) => AnyPgSelect;
  /** The tenant condition AND the filters: required, so it cannot be forgotten. */
  where: SQL;
  /** A column unique among the rows: their order, and the keyset of the batched path. */
  key: PgColumn;
  /**
   * Columns of joined tables equal to the key (e.g. users.id for memberships.user_id). PostgreSQL
   * does not carry `key > x` across a join, so without these a batch would merge-join the other
   * table from its start: each batch would cost as much as all before it.
   */
  joinedKeys?: PgColumn[];
}

export interface CsvExportOptions {
  language?: Language;
  batchSize?: number;
}

/** The CSV's bytes; `rows` is the number of data rows (header excluded), set once the stream has ended. */
export type CsvStream = Readable & { rows?: number };

export const defaultBatchSize = 10_000;
const BOM = '\ufeff';

export function headerText(header: CsvColumn['header'], language: Language = 'en'): string {
  return typeof header === 'string' ? header : (header[language] ?? header.en);
}

function cells(spec: CsvExportSpec): Record<string, SQL> {
  return Object.fromEntries(spec.columns.map((column, i) => [`c${i}`, sql`${column.value}`]));
}

function headerLine(spec: CsvExportSpec, language?: Language): string {
  return BOM + stringify([spec.columns.map((column) => headerText(column.header, language))]);
}

/** Chunks of at least this size go on: COPY arrives in chunks of a few KiB, and each costs a write. */
const coalesceBytes = 64 * 1024;

/**
 * A pass-through that gathers small chunks into ones of at least `coalesceBytes`: a million-row
 * COPY arrives as ~15,000 chunks of ~8 KiB, and every chunk is a write (and a chunk header) on the
 * HTTP socket or a storage upload. Measured: a third less CPU in the process serving a million
 * rows over HTTP (the time is the database's either way).
 */
function coalescing(): Transform {
  let pending: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      size += chunk.length;
      if (size < coalesceBytes) return callback();
      const gathered = pending.length === 1 ? pending[0] : Buffer.concat(pending, size);
      pending = [];
      size = 0;
      callback(null, gathered);
    },
    flush(callback) {
      callback(null, size > 0 ? Buffer.concat(pending, size) : undefined);
    },
  });
}

/**
 * PostgreSQL: one COPY of the whole ordered select, in a transaction of its own whose settings
 * make the cells' text the same on every server: DateStyle ISO (timeCell) and no JIT (compiling
 * costs about a second whatever the row count, more than it saves on an export). COPY takes no
 * parameters, so the values are inlined as literals (./inline-params.ts). The first chunk is
 * awaited before answering; the stream ends once the transaction is over and the connection back
 * in the pool, with `rows` set from COPY's own count.
 */
async function copyRows(database: Database, spec: CsvExportSpec, header: string): Promise<CsvStream> {
  const query = spec.from(database.db.select(cells(spec))).$dynamic().where(spec.where).orderBy(asc(spec.key)).toSQL();
  const statement = `COPY (${inlineParams(query.sql, query.params)}) TO STDOUT WITH (FORMAT csv)`;
  const client = await database.pool!.connect();
  let released = false;
  // An unfinished COPY leaves the connection mid-protocol: release it with an error so the pool closes it.
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL DateStyle = 'ISO, YMD'`);
  } catch (error) {
    release(error as Error);
    throw error;
  }
  const rows = client.query(copyTo(statement));
  rows.once('error', (error) => release(error));
  const first = await new Promise<Buffer | null>((resolve, reject) => {
    rows.once('error', reject);
    rows.once('end', () => resolve(null));
    rows.once('data', (chunk: Buffer) => {
      rows.pause();
      rows.off('error', reject);
      resolve(chunk);
    });
  });
  const out: Transform & CsvStream = coalescing();
  const finish = () =>
    client.query('COMMIT').then(
      () => {
        out.rows = rows.rowCount;
        release();
        if (!out.destroyed) out.end();
      },
      (error: Error) => {
        release(error);
        out.destroy(error);
      },
    );
  out.write(header);
  if (first === null) {
    await finish();
    return out;
  }
  out.write(first);
  rows.on('error', (error) => out.destroy(error));
  rows.once('end', () => void finish());
  out.once('close', () => {
    if (!rows.readableEnded) {
      rows.destroy();
      release(new Error('CSV export stopped before its end'));
    }
  });
  rows.pipe(out, { end: false });
  return out;
}

/**
 * PGlite: no COPY TO STDOUT, and reading rows into JavaScript costs far more than the query. So the
 * rows go in keyset batches, each a COPY into PGlite's in-memory `/dev/blob` (the CSV written by the
 * database): first the batch's last key (the max of `key > after ORDER BY key LIMIT n`), then
 * `COPY (... key > after AND key <= last ...)`. Each statement is short, so the event loop breathes.
 */
async function pgliteBatches(database: Database, spec: CsvExportSpec, header: string, batchSize: number): Promise<CsvStream> {
  const pglite = database.pglite!;
  const keys = [spec.key, ...(spec.joinedKeys ?? [])];
  const after = (from: string | undefined) => (from === undefined ? undefined : and(...keys.map((key) => gt(key, from))));
  const upTo = (to: string | undefined) => (to === undefined ? undefined : and(...keys.map((key) => lte(key, to))));
  /** The last key of the batch after `from`, or undefined when fewer than batchSize rows remain. */
  const lastKeyOfBatch = async (from: string | undefined): Promise<string | undefined> => {
    const batch = spec.from(database.db.select({ k: spec.key })).$dynamic().where(and(spec.where, after(from))).orderBy(asc(spec.key)).limit(batchSize).as('batch_keys');
    const [row] = await database.db.select({ last: sql<string | null>`max(${batch.k})`, n: sql<number>`count(*)::int` }).from(batch);
    return row && Number(row.n) === batchSize && row.last !== null ? String(row.last) : undefined;
  };
  let count = 0;
  const copyBatch = async (from: string | undefined, to: string | undefined): Promise<Buffer> => {
    const query = spec
      .from(database.db.select(cells(spec)))
      .$dynamic()
      .where(and(spec.where, after(from), upTo(to)))
      .orderBy(asc(spec.key))
      .toSQL();
    const result = await pglite.query(`COPY (${inlineParams(query.sql, query.params)}) TO '/dev/blob' WITH (FORMAT csv)`);
    count += result.affectedRows ?? 0;
    return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
  };
  let last = await lastKeyOfBatch(undefined);
  const first = await copyBatch(undefined, last);
  async function* chunks() {
    yield Buffer.from(header);
    yield first;
    while (last !== undefined) {
      const from = last;
      last = await lastKeyOfBatch(from);
      yield await copyBatch(from, last);
    }
    out.rows = count;
  }
  const out: CsvStream = Readable.from(chunks(), { objectMode: false });
  return out;
}

/** A readable CSV: UTF-8 with a BOM (so spreadsheet programs read accents), a header row, the rows. */
export async function csvExport(database: Database, spec: CsvExportSpec, options: CsvExportOptions = {}): Promise<CsvStream> {
  const header = headerLine(spec, options.language);
  if (database.kind === 'postgres') return copyRows(database, spec, header);
  return pgliteBatches(database, spec, header, options.batchSize ?? defaultBatchSize);
}

/** Safe ASCII file name with the date, e.g. `users-2026-01-31.csv`. */
export function csvFileName(base: string, now = new Date()): string {
  const safe = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
  return `${safe}-${now.toISOString().slice(0, 10)}.csv`;
}

/** Streams the CSV as a download. */
export function sendCsv(reply: FastifyReply, base: string, csv: Readable): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${csvFileName(base)}"`)
    .header('cache-control', 'no-store')
    .send(csv);
}

/** The OpenAPI description of a CSV download, for route schemas' `response[200]`. */
export const csvResponse = {
  description: 'CSV file (UTF-8 with BOM), streamed as an attachment',
  content: { 'text/csv': { schema: { type: 'string' } } },
} as const;
