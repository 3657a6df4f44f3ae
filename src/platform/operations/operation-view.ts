import { Type, type Static } from 'typebox';
import { operationStatuses, type OperationRow } from './schema.js';
import { maxOperationErrors, operationRetentionDays } from './advance-operation.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});

/** A bulk operation run as a background job, as GET /operations/:id and the 202 that started it answer it. */
export const Operation = Type.Object(
  {
    _id: Type.String(),
    type: Type.String({ description: 'What runs, e.g. attempts.recalculate' }),
    status: Type.Enum([...operationStatuses], {
      description: 'queued → running → done, or failed once the job\'s retries are spent (while a failed step is retried it stays running, with `error` set); the same statuses as an export\'s',
    }),
    total: Nullable(Type.Integer({ minimum: 0 }), 'Items to handle, counted when it started'),
    processed: Type.Integer({ minimum: 0, description: 'Items handled so far (the failed ones included), updated with each committed batch' }),
    failed: Type.Integer({ minimum: 0, description: 'Items that could not be handled' }),
    errors: Type.Array(
      Type.Object({
        _id: Nullable(Type.String(), 'The item'),
        code: Type.String(),
        message: Type.String(),
      }),
      { description: `The first ${maxOperationErrors} items that could not be handled` },
    ),
    error: Nullable(Type.String(), 'Why the last attempt of a step failed'),
    author: Nullable(Type.String(), 'The user who started it (the API key’s author for a key)'),
    created: Type.String({ format: 'date-time' }),
    started: Nullable(Type.String({ format: 'date-time' })),
    updated: Type.String({ format: 'date-time', description: 'The last progress written' }),
    finished: Nullable(Type.String({ format: 'date-time' })),
    expires: Type.String({ format: 'date-time', description: `This record is deleted then (${operationRetentionDays} days after finishing)` }),
    url: Type.String({ description: 'This record (relative to the API), to poll until done or failed', example: '/operations/65b8c0f1a2b3c4d5e6f70812' }),
  },
  { title: 'Operation' },
);
export type OperationView = Static<typeof Operation>;

export function operationView(row: OperationRow): OperationView {
  return {
    _id: row.id,
    type: row.type,
    status: row.status,
    total: row.total,
    processed: row.processed,
    failed: row.failedCount,
    errors: row.errors,
    error: row.error,
    author: row.authorId,
    created: row.created.toISOString(),
    started: row.started?.toISOString() ?? null,
    updated: row.updated.toISOString(),
    finished: row.finished?.toISOString() ?? null,
    expires: row.expires.toISOString(),
    url: `/operations/${row.id}`,
  };
}
