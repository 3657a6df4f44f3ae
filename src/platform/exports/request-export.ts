import type { Language } from '../http/request-context.js';
import { newId } from '../ids.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import { csvFileName } from './csv-export.js';
import type { CsvExportDefinition, ExportTenant } from './define-export.js';
import type { Runtime } from '../runtime.js';
import { exportRetentionMs, exportStorageKey } from './export-file.js';
import { exportFiles } from './schema.js';
import { EXPORT_CSV, type ExportCsvData } from './run-export.js';

export interface ExportRequest<P extends object> {
  definition: CsvExportDefinition<P>;
  tenant: ExportTenant;
  params: P;
  language: Language;
  authorId: string | null;
}

/**
 * Records an export to run as a job and queues the job, in one transaction: the row exists if and
 * only if its job will run. The caller has already built the export's spec once (bad filters are
 * refused before anything is written).
 */
export async function requestExport<P extends object>(runtime: Runtime, request: ExportRequest<P>): Promise<typeof exportFiles.$inferSelect> {
  const { definition, tenant } = request;
  if (runtime.exports.get(definition.name) !== definition) {
    throw new Error(`export ${definition.name} is not in its module's \`exports\`: no worker could run it`);
  }
  const { db } = runtime.database;
  const id = newId();
  const now = new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exportFiles)
      .values({
        workspaceId: tenant.workspaceId,
        id,
        type: definition.name,
        params: request.params,
        language: request.language,
        subaccountId: tenant.subaccountId ?? null,
        allowedSubaccountIds: tenant.allowedSubaccountIds,
        authorId: request.authorId,
        fileName: csvFileName(definition.fileName, now),
        storageKey: exportStorageKey(tenant.workspaceId, id),
        expires: new Date(now.getTime() + exportRetentionMs),
      })
      .returning();
    await enqueueJob(tx, EXPORT_CSV, { workspaceId: tenant.workspaceId, exportId: id } satisfies ExportCsvData);
    return row;
  });
}
