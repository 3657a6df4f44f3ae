import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import type { JobDefinition } from '../jobs/define-job.js';
import type { CsvExportDefinition } from '../exports/define-export.js';
import type { Authenticator } from '../http/request-context.js';

/** A Fastify plugin of a module's routes; it gets the runtime as its options. */
export type RoutePlugin = (app: FastifyInstance, options: { runtime: Runtime }) => Promise<void>;

/** What a module's `start` owns (pools, worker loops): closed, in reverse start order, before the runtime's own resources. */
export interface ModuleResources {
  close(): Promise<void>;
}

/**
 * Everything a module offers the application. A module is a folder under src/modules with one
 * `module.ts` exporting its definition; src/modules/index.ts lists the modules in mount order, and the
 * server, the runtime, `assay worker` and the export job read that list. platform/ knows none of them.
 */
export interface AssayModule {
  /** The module's folder name under src/modules (its tenancy fixtures are found there). */
  name: string;
  /** Route plugins, registered in this order. */
  routes?: readonly RoutePlugin[];
  /** Background jobs: API processes send them, worker processes work them. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each job has its own data type
  jobs?: ReadonlyArray<JobDefinition<any>>;
  /** CSV exports that may run as a job (GET /exports/:id serves their files). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each export has its own parameters
  exports?: ReadonlyArray<CsvExportDefinition<any>>;
  /** Who is calling: exactly one module (identity) resolves API keys and session tokens. */
  authenticator?: (runtime: Runtime) => Authenticator;
  /**
   * Long-lived resources, started once the runtime's jobs are registered (and its workers started when
   * `runtime.config.workers`). Start lazily what a request may never need.
   */
  start?: (runtime: Runtime) => Promise<ModuleResources | void> | ModuleResources | void;
}

export function defineModule(definition: AssayModule): AssayModule {
  return definition;
}
