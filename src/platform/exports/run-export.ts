import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Runtime } from '../runtime.js';
import type { Language } from '../http/request-context.js';
import { AppError } from '../errors.js';
import { defineJob } from '../jobs/define-job.js';
import type { Job } from '../jobs/job-queue.js';
import { csvExport } from './csv-export.js';
import { exportRetentionDays } from './export-file.js';
import { exportFiles } from './schema.js';

export const EXPORT_CSV = 'export.csv';

export interface ExportCsvData {
  workspaceId: string;
  exportId: string;
}

/** A failure no retry can mend: the export's name is unknown here, or its parameters are refused. */
function permanent(error: unknown): boolean {
  return error instanceof AppError && error.statusCode < 500;
}

/**
 * What the export's record tells its reader: our own errors as they are; others by their code only,
 * since their messages may name server paths or hosts (the log has them whole).
 */
function publicMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  const name = typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
  return `The export could not be completed (${name})`;
}

/**
 * Runs a queued export: the same CSV the request would have streamed, streamed into storage under
 * the export's key, then the row marked done with its row count and size. Idempotent: an attempt
 * after a crash or a failure writes the same key again (storage replaces a file whole), and a row
 * already done, failed or deleted is left alone. A failure is recorded and rethrown so the queue
 * retries with backoff; the last attempt, or a failure no retry can mend, marks the row failed.
 */
export async function runExport(runtime: Runtime, job: Job<ExportCsvData>): Promise<void> {
  const { db } = runtime.database;
  const { workspaceId, exportId } = job.data;
  const thisExport = and(eq(exportFiles.workspaceId, workspaceId), eq(exportFiles.id, exportId));
  const [row] = await db
    .update(exportFiles)
    .set({ status: 'running', started: sql`now()`, finished: null, attempts: sql`${exportFiles.attempts} + 1` })
    .where(and(thisExport, inArray(exportFiles.status, ['queued', 'running'])))
    .returning();
  if (!row) return;

  try {
    const definition = runtime.exports.get(row.type);
    if (!definition) throw new AppError(422, 'unknown_export', `No export named ${row.type} in this version`);
    const tenant = { workspaceId, subaccountId: row.subaccountId ?? undefined, allowedSubaccountIds: row.allowedSubaccountIds };
    const language = row.language as Language;
    const csv = await csvExport(runtime.database, definition.spec(tenant, row.params as object, language), { language });
    // A storage that fails before reading the stream (e.g. cannot create its folder) would leave
    // the export's query, and on PostgreSQL its connection, waiting: end it either way.
    const stored = await runtime.storage.put(row.storageKey, csv, { contentType: 'text/csv; charset=utf-8' }).finally(() => csv.destroy());
    const finished = await db
      .update(exportFiles)
      .set({ status: 'done', rowCount: csv.rows ?? null, size: stored.size, error: null, finished: sql`now()`, expires: sql`now() + make_interval(days => ${exportRetentionDays})` })
      .where(thisExport)
      .returning({ id: exportFiles.id });
    // Swept away while it ran: nothing may point at the file any more.
    if (finished.length === 0) await runtime.storage.delete(row.storageKey);
    runtime.log.info({ exportId, workspaceId, type: row.type, rows: csv.rows, bytes: stored.size }, 'export stored');
  } catch (error) {
    const failed = permanent(error) || job.retryCount >= job.retryLimit;
    await db
      .update(exportFiles)
      .set({ status: failed ? 'failed' : 'queued', error: publicMessage(error).slice(0, 1000), finished: failed ? sql`now()` : null })
      .where(thisExport);
    runtime.log.warn({ exportId, workspaceId, attempts: row.attempts, err: error }, failed ? 'export failed for good' : 'export failed; will retry');
    if (failed) return;
    throw error;
  }
}

export const exportCsvJob = defineJob<ExportCsvData>({
  name: EXPORT_CSV,
  // A million rows take seconds; the expiry only catches a worker that died mid-export.
  options: { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 2 * 60 * 60, concurrency: 1 },
  run: runExport,
});
