import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/client.js';
import { createRuntime } from '../../src/platform/create-runtime.js';
import { modules } from '../../src/modules/index.js';
import type { Runtime } from '../../src/platform/runtime.js';
import { buildServer } from '../../src/server.js';

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  database: Database;
  close(): Promise<void>;
}

/** A database for one test file: a fresh PGlite from the migrated snapshot, or the shared server. */
export async function testDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openDatabase({ databaseUrl: url, poolSize: 5 });
  const snapshot = process.env.ASSAY_TEST_SNAPSHOT;
  return openDatabase({ loadDataDir: snapshot ? new Blob([readFileSync(snapshot)]) : undefined });
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { ...process.env, LOG_LEVEL: 'silent', JWT_SECRET: 'test-secret-test-secret-test-secret', ALLOW_PRIVATE_OUTBOUND: 'true' },
    // Rate-limit counters live in the database, shared by every test file on PostgreSQL: tests of the limits set their own.
    // Sign-up is open in tests (most create their own accounts); the SIGNUP modes have their own tests.
    { embedded: 'memory', workers: false, rateLimit: { max: 1_000_000, windowMs: 60_000 }, signup: 'open', ...overrides },
  );
}

/** The whole app over a real database, with response validation on so schema drift fails. */
export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const runtime = await createRuntime(testConfig(overrides), { modules, database, logger: pino({ level: 'silent' }) });
  const app = await buildServer(runtime, { validateResponses: true });
  await app.ready();
  return {
    app,
    runtime,
    database,
    async close() {
      await app.close();
      await runtime.close();
      await database.close();
    },
  };
}
