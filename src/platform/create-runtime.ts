import type { Logger } from 'pino';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import { createLogger } from './log.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { settings } from './db/schema.js';
import { sessionTokens } from './auth/jwt.js';
import { newSecret } from './ids.js';
import { createJobQueue, type JobQueueSettings } from './jobs/job-queue.js';
import { createStorage } from './storage/create-storage.js';
import { exportRegistry } from './exports/export-registry.js';
import type { AssayModule } from './contract/define-module.js';
import { platformModule } from './platform-module.js';
import type { Runtime } from './runtime.js';

export interface RuntimeOptions {
  /** The application's modules (src/modules/index.ts); the platform's own jobs come first either way. */
  modules?: readonly AssayModule[];
  /** Use this database instead of opening one from the configuration (tests). */
  database?: Database;
  logger?: Logger;
  /** Job queue tuning (polling interval, retry overrides per queue). */
  jobs?: JobQueueSettings;
}

/** The modules of a runtime: the platform's, then the application's. */
export function runtimeModules(modules: readonly AssayModule[] = []): readonly AssayModule[] {
  return [platformModule, ...modules];
}

/**
 * Opens the database (migrated), the job queue and the storage, registers every module's jobs,
 * starts the workers when config.workers, then each module's long-lived resources.
 */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const modules = runtimeModules(options.modules);
  const log = options.logger ?? createLogger(config.logLevel);
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.embedded === 'disk' ? join(config.dataDir, 'pglite') : undefined,
    }));
  const closers: Array<() => Promise<void>> = [];
  if (!options.database) closers.push(() => database.close());
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    await migrate(database);
    const secret = config.jwtSecret ?? (await storedSecret(database, 'jwt_secret'));
    const jobs = createJobQueue(database, log, options.jobs);
    closers.push(() => jobs.stop());
    const storage = createStorage(config.storage);
    closers.push(() => storage.close());
    const runtime: Runtime = {
      config,
      log,
      database,
      tokens: sessionTokens(secret, config.jwtTtlSeconds),
      jobs,
      storage,
      exports: exportRegistry(modules.flatMap((module) => module.exports ?? [])),
      close,
    };
    for (const job of modules.flatMap((module) => module.jobs ?? [])) {
      await jobs.register(job.name, (run) => job.run(runtime, run), job.options);
      if (job.cron) await jobs.schedule(job.name, job.cron);
    }
    if (config.workers) await jobs.startWorkers();
    for (const module of modules) {
      const resources = await module.start?.(runtime);
      if (resources) closers.push(() => resources.close());
    }
    return runtime;
  } catch (error) {
    await close();
    throw error;
  }
}

/** A secret generated on first start and kept in the database, so every process shares it. */
async function storedSecret(database: Database, key: string): Promise<string> {
  await database.db.insert(settings).values({ key, value: newSecret(48) }).onConflictDoNothing();
  const [row] = await database.db.select().from(settings).where(eq(settings.key, key));
  return row.value;
}
