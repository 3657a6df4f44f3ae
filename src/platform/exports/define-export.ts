import type { Permission } from '../auth/permissions.js';
import type { Language, Tenant } from '../http/request-context.js';
import type { CsvExportSpec } from './csv-export.js';

/** The part of a request's tenant an export keeps, so a job can run it later with the same scope. */
export type ExportTenant = Pick<Tenant, 'workspaceId' | 'subaccountId' | 'allowedSubaccountIds'>;

/**
 * One CSV export of the application, runnable in a request (streamed) or as a job (stored, then
 * downloaded). List it in its module's `exports` (module.ts) so worker processes can run it.
 *
 * `params` is the request's JSON as the route validated it (the body of a POST export): it is kept
 * in the export_files row and given back to `spec` when the job runs, so it must stay plain JSON
 * (dates as the strings the client sent). `spec` turns it into rows and columns and throws the 4xx
 * errors of bad filters; it runs in the request first, so a bad filter is refused before any job
 * is queued.
 */
export interface CsvExportDefinition<P extends object = object> {
  /** Stable: kept in export_files rows and job data. */
  name: string;
  /** The base of the downloaded file's name: `users` gives `users-2026-01-31.csv`. */
  fileName: string;
  /** What the route requires; reading a stored file of this export requires it too. */
  permission: Permission;
  spec(tenant: ExportTenant, params: P, language: Language): CsvExportSpec;
}

export function defineCsvExport<P extends object>(definition: CsvExportDefinition<P>): CsvExportDefinition<P> {
  return definition;
}
