import type { CsvExportDefinition } from './define-export.js';
import { usersCsvExport } from '../../modules/workspace/employees/export-employees.js';
import { certificatesCsvExport } from '../../modules/workspace/employees/export-certificates.js';
import { creditsCsvExport } from '../../modules/workspace/credits/export.js';

/**
 * Every CSV export that may run as a job, so the process working the job knows what a stored
 * export name means. One line per export; a module adds its own here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allExports: Array<CsvExportDefinition<any>> = [usersCsvExport, certificatesCsvExport, creditsCsvExport];

const byName = new Map(allExports.map((definition) => [definition.name, definition]));

export function exportDefinition(name: string): CsvExportDefinition | undefined {
  return byName.get(name);
}
