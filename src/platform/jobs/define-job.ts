import type { Runtime } from '../runtime.js';
import type { Job, JobOptions } from './job-queue.js';

/**
 * A background job of the application: its queue name, retry options, optional cron schedule
 * (UTC) and what it does. List it in its module's `jobs` (module.ts) so every process (API, worker) knows it.
 */
export interface JobDefinition<T> {
  name: string;
  options?: JobOptions;
  cron?: string;
  run(runtime: Runtime, job: Job<T>): Promise<void>;
}

export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}
