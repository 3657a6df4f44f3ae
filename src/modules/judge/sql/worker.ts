// A worker thread of the SQL runner: keeps one booted, empty PGlite warm, runs one job in it,
// throws it away and boots the next. The pool terminates this thread when a phase passes its
// deadline (PGlite ignores statement_timeout and blocks the thread while a query runs).
//
// The boundary is WebAssembly: PostgreSQL sees only Emscripten's in-memory file system (no host
// files, no processes, no sockets; dblink and file_fdw are not built). The candidate role and the
// read-only transaction are defence in depth, not the wall: the session user stays a superuser.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Results } from '@electric-sql/pglite';
import { firstKeyword } from './statement.js';
import type { FromWorker, QueryJob, QueryOutcome, SetupOutcome, SqlJob, ToWorker } from './protocol.js';

const candidateRole = 'assay_candidate';
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

const asText = (value: string) => value;
/** Dates and times stay PostgreSQL text (no time-zone shifts); big integers stay exact as text. */
const parsers = {
  20: (value: string) => (Number.isSafeInteger(Number(value)) ? Number(value) : value),
  1700: (value: string) => (Number.isFinite(Number(value)) ? Number(value) : value),
  1082: asText,
  1083: asText,
  1114: asText,
  1184: asText,
  1266: asText,
  1186: asText,
};

/** The empty data dir every run starts from (given by the pool, or made here once). */
let template = (workerData as { template?: Uint8Array } | undefined)?.template;

/**
 * The candidate role gets every right on what the setup script creates (default privileges), so no
 * grant runs per job. Writes are still refused in the read-only transaction of a single SELECT.
 */
const templateSetup = `
  CREATE ROLE ${candidateRole} NOLOGIN;
  GRANT USAGE, CREATE ON SCHEMA public TO ${candidateRole};
  ALTER DEFAULT PRIVILEGES GRANT USAGE, CREATE ON SCHEMAS TO ${candidateRole};
  ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO ${candidateRole};
  ALTER DEFAULT PRIVILEGES GRANT ALL ON SEQUENCES TO ${candidateRole};`;

async function boot(): Promise<PGlite> {
  if (template) {
    const db = new PGlite({ loadDataDir: new Blob([template as Uint8Array<ArrayBuffer>]), parsers });
    await db.waitReady;
    return db;
  }
  // First worker of the process: pay initdb once and hand the data dir to the pool for the others.
  const db = new PGlite({ parsers });
  await db.waitReady;
  await db.exec(templateSetup);
  // Temporary files live in memory (Emscripten's MEMFS): cap them for every later boot and this one.
  await db.exec(`ALTER SYSTEM SET temp_file_limit = '256MB'`);
  await db.exec(`SET temp_file_limit = '256MB'`);
  const dump = await db.dumpDataDir('none');
  template = new Uint8Array(await dump.arrayBuffer());
  post({ type: 'template', dataDir: template });
  return db;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function loadSetup(db: PGlite, setup: string, listTables: boolean): Promise<SetupOutcome> {
  const started = performance.now();
  try {
    if (setup.trim() !== '') await db.exec(setup);
    // A script may leave a transaction open; the candidate's rollback must not undo the data.
    await db.exec('COMMIT');
    const alive = await db.query<[number]>('SELECT 1', [], { rowMode: 'array' });
    if (alive.rows[0]?.[0] !== 1) return { kind: 'error', message: 'The setup script left the database unusable', timeMs: performance.now() - started };
    if (!listTables) return { kind: 'loaded', timeMs: performance.now() - started, tables: [] };
    const tables = await db.query<{ name: string }>(
      `SELECT CASE WHEN table_schema = 'public' THEN table_name ELSE table_schema || '.' || table_name END AS name
         FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY table_schema, table_name`,
    );
    return { kind: 'loaded', timeMs: performance.now() - started, tables: tables.rows.map((r) => r.name) };
  } catch (error) {
    return { kind: 'error', message: messageOf(error), timeMs: performance.now() - started };
  }
}

function hex(bytes: Uint8Array): string {
  return `\\x${Buffer.from(bytes).toString('hex')}`;
}

/** Values that survive structured cloning and JSON alike. */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return hex(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function rowsOutcome(result: Results<unknown[]>, query: QueryJob, timeMs: number): QueryOutcome {
  const rows: unknown[][] = [];
  let bytes = 0;
  for (const row of result.rows.slice(0, query.rowLimit)) {
    const values = row.map(plain);
    bytes += JSON.stringify(values).length;
    if (bytes > query.maxBytes) break;
    rows.push(values);
  }
  return {
    kind: 'rows',
    timeMs,
    columns: result.fields.map((f) => f.name),
    types: result.fields.map((f) => f.dataTypeID),
    rows,
    truncated: rows.length < result.rows.length,
  };
}

/** Statements a cursor cannot hold; anything else goes to PostgreSQL, which names a typo itself. */
const otherStatements = new Set(
  ('insert update delete merge create drop alter truncate copy grant revoke set reset begin start commit end rollback ' +
    'savepoint release do call vacuum analyze explain show listen notify unlisten prepare execute deallocate lock load ' +
    'discard checkpoint cluster reindex refresh comment security declare fetch move close import abort').split(' '),
);

/** One SELECT through a cursor: a read-only transaction, and only limit + 1 rows ever leave it. */
async function runSelect(db: PGlite, query: QueryJob): Promise<QueryOutcome> {
  if (otherStatements.has(firstKeyword(query.sql))) {
    return { kind: 'error', message: 'Only a single SELECT query can run for this question', timeMs: 0 };
  }
  const started = performance.now();
  try {
    await db.exec(`BEGIN READ ONLY; SET LOCAL ROLE ${candidateRole}`);
    await db.query(`DECLARE assay_result NO SCROLL CURSOR FOR ${query.sql}`);
    const result = await db.query<unknown[]>(`FETCH FORWARD ${query.rowLimit + 1} FROM assay_result`, [], { rowMode: 'array' });
    return rowsOutcome(result, query, performance.now() - started);
  } catch (error) {
    return { kind: 'error', message: messageOf(error), timeMs: performance.now() - started };
  } finally {
    await db.exec('ROLLBACK').catch(() => undefined);
  }
}

/** Several statements (the question allows it): the last result set with columns is the answer. */
async function runScript(db: PGlite, query: QueryJob): Promise<QueryOutcome> {
  const started = performance.now();
  try {
    await db.exec(`BEGIN; SET LOCAL ROLE ${candidateRole}`);
    const results = await db.exec(query.sql, { rowMode: 'array' });
    const answer = [...results].reverse().find((r) => r.fields.length > 0) ?? results[results.length - 1];
    const empty = { rows: [], fields: [] } as unknown as Results<unknown[]>;
    return rowsOutcome((answer ?? empty) as Results<unknown[]>, query, performance.now() - started);
  } catch (error) {
    return { kind: 'error', message: messageOf(error), timeMs: performance.now() - started };
  } finally {
    await db.exec('ROLLBACK').catch(() => undefined);
  }
}

async function runJob(db: PGlite, job: SqlJob): Promise<void> {
  post({ type: 'phase', phase: 'setup' });
  const setup = await loadSetup(db, job.setup, job.listTables ?? false);
  post({ type: 'setup', outcome: setup });
  if (setup.kind !== 'loaded') return;
  for (const [index, query] of job.queries.entries()) {
    post({ type: 'phase', phase: 'query', index });
    const outcome = query.multipleStatements ? await runScript(db, query) : await runSelect(db, query);
    post({ type: 'query', index, outcome });
  }
}

async function main(): Promise<void> {
  let db = await boot();
  post({ type: 'ready' });
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'run') return;
    void (async () => {
      await runJob(db, message.job);
      post({ type: 'done' });
      await db.close().catch(() => undefined);
      db = await boot();
      post({ type: 'ready' });
    })().catch(fail);
  });
}

function fail(error: unknown): void {
  post({ type: 'failed', message: messageOf(error) });
  process.exit(1);
}

if (parentPort) main().catch(fail);
