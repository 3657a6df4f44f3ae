import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
/** Tables live with the modules that own them; queries name them, so the handle carries no schema. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw parameterized query, for the job queue, benchmarks and streaming reads. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
}

/**
 * A query built once per database handle and then reused with `sql.placeholder` values: drizzle
 * skips rebuilding the SQL, and on PostgreSQL the named statement is parsed once per connection.
 * For hot paths (the request gate); name each statement uniquely (`.prepare('auth_api_key')`).
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const prepared = new WeakMap<Db, Q>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) {
      query = build(db);
      prepared.set(db, query);
    }
    return query;
  };
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Directory of the embedded database; undefined keeps it in memory. */
  dataDir?: string;
  /** A dumped data dir (tarball) to start from, used by tests to skip initdb and migrations. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    async query<T>(text: string, params?: unknown[]) {
      const result = await pool.query<T & pg.QueryResultRow>(text, params);
      return result.rows;
    },
    async exec(text) {
      await pool.query(text);
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  let release = () => undefined as void;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  const pglite = new PGlite({ dataDir, loadDataDir });
  await pglite.waitReady;
  const db = drizzlePglite({ client: pglite }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    async query(text, params) {
      const result = await pglite.query(text, params as unknown[]);
      return result.rows as never[];
    },
    async exec(text) {
      await pglite.exec(text);
    },
    async close() {
      await pglite.close();
      release();
    },
  };
}

/** The embedded database's data dir is held by another live process (see lockDataDir). */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the embedded database in ${dataDir} is in use by process ${pid}`);
  }
}

/** PGlite corrupts a data dir opened by two processes: refuse the second one. */
function lockDataDir(dataDir: string): () => void {
  const lock = join(dataDir, 'assay.lock');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DataDirInUseError(dataDir, pid);
    }
    unlinkSync(lock);
  }
  const fd = openSync(lock, 'wx');
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  return () => {
    try {
      unlinkSync(lock);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
