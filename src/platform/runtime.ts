import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { SessionTokens } from './auth/jwt.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { FileStorage } from './storage/storage.js';
import type { ExportRegistry } from './exports/export-registry.js';

/** Everything long-lived the app needs, built once from the configuration (./create-runtime.ts). */
export interface Runtime {
  config: Config;
  log: Logger;
  database: Database;
  tokens: SessionTokens;
  /** Background jobs (pg-boss); worked in this process when config.workers. */
  jobs: JobQueue;
  /** Uploaded and generated files: local disk or S3, from config.storage. */
  storage: FileStorage;
  /** The CSV exports of the runtime's modules, by name. */
  exports: ExportRegistry;
  close(): Promise<void>;
}
