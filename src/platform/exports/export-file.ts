import { Type, type Static } from 'typebox';
import { exportStatuses, type exportFiles } from './schema.js';

/** How long a finished file stays downloadable (and an unfinished request waits at most). */
export const exportRetentionDays = 7;
export const exportRetentionMs = exportRetentionDays * 86_400_000;

/** Chosen by the server: the same key on every attempt, so a retry overwrites what a failed one left. */
export function exportStorageKey(workspaceId: string, exportId: string): string {
  return `workspaces/${workspaceId}/exports/${exportId}.csv`;
}

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});

/** An export run as a job, as GET /exports/:id and the 202 of an asynchronous export answer it. */
export const ExportFile = Type.Object(
  {
    _id: Type.String(),
    type: Type.String({ description: 'Which export: users, workspace_certificates, credits' }),
    status: Type.Enum([...exportStatuses], { description: 'queued → running → done, or failed once its retries are spent (a failed attempt that will be retried is queued again)' }),
    file_name: Type.String({ example: 'users-2026-01-31.csv' }),
    rows: Nullable(Type.Integer({ minimum: 0 }), 'Data rows in the file (header excluded), once done'),
    size: Nullable(Type.Integer({ minimum: 0 }), 'Bytes, once done'),
    attempts: Type.Integer({ minimum: 0 }),
    error: Nullable(Type.String(), 'Why the last attempt failed'),
    author: Nullable(Type.String(), 'The user who asked (the API key’s author for a key)'),
    created: Type.String({ format: 'date-time' }),
    started: Nullable(Type.String({ format: 'date-time' })),
    finished: Nullable(Type.String({ format: 'date-time' })),
    expires: Type.String({ format: 'date-time', description: `The file and this record are deleted then (${exportRetentionDays} days after finishing)` }),
    url: Type.String({ description: 'This record (relative to the API), to poll until done', example: '/exports/65b8c0f1a2b3c4d5e6f70812' }),
    download_url: Nullable(Type.String(), 'When done: the file (relative to the API; same credentials). On S3 storage it redirects to a short-lived signed URL'),
  },
  { title: 'ExportFile' },
);
export type ExportFileView = Static<typeof ExportFile>;

export function exportFileView(row: typeof exportFiles.$inferSelect): ExportFileView {
  const url = `/exports/${row.id}`;
  return {
    _id: row.id,
    type: row.type,
    status: row.status,
    file_name: row.fileName,
    rows: row.rowCount,
    size: row.size,
    attempts: row.attempts,
    error: row.error,
    author: row.authorId,
    created: row.created.toISOString(),
    started: row.started?.toISOString() ?? null,
    finished: row.finished?.toISOString() ?? null,
    expires: row.expires.toISOString(),
    url,
    download_url: row.status === 'done' ? `${url}/download` : null,
  };
}
