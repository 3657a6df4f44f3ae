import type { Logger } from 'pino';
import { createLogger } from './log.js';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { settings } from './db/schema.js';
import { sessionTokens, type SessionTokens } from './auth/jwt.js';
import { newSecret } from './ids.js';
import { createJobQueue, type JobQueue, type JobQueueSettings } from './jobs/job-queue.js';
import { allJobs } from './jobs/all-jobs.js';
import { createSqlPool, type SqlPool } from '../modules/judge/sql/pool.js';
import { startJudgePool } from '../modules/judge/judge-pool.js';
import { createStorage } from './storage/create-storage.js';
import type { FileStorage } from './storage/storage.js';

/** Everything long-lived the app needs, built once from the configuration. */
export interface Runtime {
  config: Config;
  log: Logger;
  database: Database;
  tokens: SessionTokens;
  /** Background jobs (pg-boss); worked in this process when config.workers. */
  jobs: JobQueue;
  /** Throwaway PGlite databases on worker threads for SQL questions (started on first use). */
  sqlPool: SqlPool;
  /** Uploaded and generated files: local disk or S3, from config.storage. */
  storage: FileStorage;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Use this database instead of opening one from the configuration (tests). */
  database?: Database;
  logger?: Logger;
  /** Job queue tuning (polling interval, retry overrides per queue). */
  jobs?: JobQueueSettings;
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.logger ?? createLogger(config.logLevel);
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.embedded === 'disk' ? join(config.dataDir, 'pglite') : undefined,
    }));
  await migrate(database);
  const secret = config.jwtSecret ?? (await storedSecret(database, 'jwt_secret'));
  const tokens = sessionTokens(secret, config.jwtTtlSeconds);
  const closers: Array<() => Promise<void>> = [];
  if (!options.database) closers.push(() => database.close());
  const jobs = createJobQueue(database, log, options.jobs);
  closers.push(() => jobs.stop());
  const sqlPool = createSqlPool();
  closers.push(() => sqlPool.close());
  const storage = createStorage(config.storage);
  closers.push(() => storage.close());
  const runtime: Runtime = {
    config,
    log,
    database,
    tokens,
    jobs,
    sqlPool,
    storage,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
  try {
    for (const job of allJobs) {
      await jobs.register(job.name, (run) => job.run(runtime, run), job.options);
      if (job.cron) await jobs.schedule(job.name, job.cron);
    }
    if (config.workers) await jobs.startWorkers();
    if (config.workers) {
      // Coding runs have their own bounded pool over the judge_runs queue (README: "The judge").
      const judgePool = startJudgePool(runtime);
      closers.push(() => judgePool.stop());
    }
  } catch (error) {
    await runtime.close();
    throw error;
  }
  return runtime;
}

/** A secret generated on first start and kept in the database, so every process shares it. */
async function storedSecret(database: Database, key: string): Promise<string> {
  await database.db.insert(settings).values({ key, value: newSecret(48) }).onConflictDoNothing();
  const [row] = await database.db.select().from(settings).where(eq(settings.key, key));
  return row.value;
}
