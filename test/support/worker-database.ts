import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { openDatabase, type Database } from '../../src/platform/db/client.js';
import { createRuntime } from '../../src/platform/create-runtime.js';
import { modules } from '../../src/modules/index.js';
import type { Runtime } from '../../src/platform/runtime.js';
import type { JobQueueSettings } from '../../src/platform/jobs/job-queue.js';
import type { Config } from '../../src/platform/config.js';
import { testConfig } from './app.js';

/**
 * A database of its own for a test that runs workers. Workers take any job in the database, so
 * on the shared PostgreSQL test database they would also work (and be disturbed by) other test
 * files' jobs. On PostgreSQL: a fresh database on the DATABASE_URL server, dropped at the end. On
 * PGlite: the migrated snapshot in memory, or with `reopen` on disk, so that it can be closed and
 * opened again (restart tests).
 */
export interface WorkerDatabase {
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function workerDatabase(options: { reopen?: boolean } = {}): Promise<WorkerDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `assay_w${Date.now().toString(36)}${process.pid}${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const own = new URL(url);
    own.pathname = `/${name}`;
    return {
      open: () => openDatabase({ databaseUrl: own.href, poolSize: 5 }),
      async drop() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const snapshot = process.env.ASSAY_TEST_SNAPSHOT;
  if (!options.reopen) {
    // In memory is several times faster than on disk; each open() is then a new database.
    return {
      open: () => openDatabase({ loadDataDir: snapshot ? new Blob([readFileSync(snapshot)]) : undefined }),
      drop: async () => undefined,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'assay-worker-'));
  let first = true;
  return {
    async open() {
      const loadDataDir = first && snapshot ? new Blob([readFileSync(snapshot)]) : undefined;
      first = false;
      return openDatabase({ dataDir: dir, loadDataDir });
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Short polling so a test waits for work in fractions of a second, not the default 2 s. */
export const fastJobs: JobQueueSettings = { pollingIntervalSeconds: 0.5, outboxSweepSeconds: 1, shutdownTimeoutMs: 5_000 };

/** A runtime over `database` (not owned: close it yourself) with the given config and job settings. */
export function workerRuntime(database: Database, config: Partial<Config> = {}, jobs: JobQueueSettings = {}): Promise<Runtime> {
  return createRuntime(testConfig({ workers: true, ...config }), { modules, database, logger: pino({ level: 'silent' }), jobs: { ...fastJobs, ...jobs } });
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
