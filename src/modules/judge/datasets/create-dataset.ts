import { createHash } from 'node:crypto';
import type { Runtime } from '../../../platform/runtime.js';
import { sqlPoolOf } from '../sql/sql-pool-of.js';
import { badRequest } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { questionDatasets, sharedQuestionDatasets } from './schema.js';
import { readGzipScript } from './gzip-script.js';
import { datasetKey, datasetView, type DatasetTenant, type DatasetView } from './find-datasets.js';

export interface NewDataset {
  name: string;
  description?: string | null;
  /** The upload: a gzip-compressed SQL script. */
  upload: Uint8Array;
}

/** Loading a dataset may take longer than a query, but not forever. */
export const datasetLoadTimeoutMs = 30_000;

/**
 * Inflates the upload and loads it into a fresh PGlite: a script that does not load, loads no
 * table, or takes too long is refused here rather than at every run. Answers the table names.
 */
async function validateUpload(runtime: Runtime, upload: Uint8Array): Promise<{ script: string; tables: string[] }> {
  const script = await readGzipScript(upload);
  const { setup } = await sqlPoolOf(runtime).run({ setup: script, setupTimeoutMs: datasetLoadTimeoutMs, listTables: true, queries: [] });
  if (setup.kind === 'timeout') throw badRequest('dataset_too_slow', `The dataset script did not load within ${datasetLoadTimeoutMs / 1000} s`, 'file');
  if (setup.kind === 'error') throw badRequest('dataset_invalid', `The dataset script does not load into PostgreSQL: ${setup.message}`, 'file');
  if (setup.tables.length === 0) throw badRequest('dataset_has_no_tables', 'The dataset script creates no table', 'file');
  return { script, tables: setup.tables };
}

function columnsOf(id: string, storageKey: string, input: NewDataset, script: string, tables: string[]) {
  return {
    id,
    name: input.name,
    description: input.description ?? null,
    tableNames: tables,
    storageKey,
    compressedSize: input.upload.length,
    scriptSize: Buffer.byteLength(script),
    sha256: createHash('sha256').update(input.upload).digest('hex'),
  };
}

/** Stores the upload, then writes the row; a failed insert leaves no file behind. */
async function storeThenInsert<T>(runtime: Runtime, key: string, upload: Uint8Array, insert: () => Promise<T>): Promise<T> {
  await runtime.storage.put(key, upload, { contentType: 'application/gzip' });
  try {
    return await insert();
  } catch (error) {
    await runtime.storage.delete(key).catch(() => undefined);
    throw error;
  }
}

/** A dataset owned by the workspace. */
export async function createDataset(runtime: Runtime, tenant: DatasetTenant, input: NewDataset): Promise<DatasetView> {
  const { script, tables } = await validateUpload(runtime, input.upload);
  const id = newId();
  const key = datasetKey(tenant.workspaceId, id);
  const [row] = await storeThenInsert(runtime, key, input.upload, () =>
    runtime.database.db
      .insert(questionDatasets)
      .values({ workspaceId: tenant.workspaceId, ...columnsOf(id, key, input, script, tables) })
      .returning(),
  );
  return datasetView(row, tenant.workspaceId);
}

/** A dataset every workspace sees (made by a super admin or a seed). */
export async function createSharedDataset(runtime: Runtime, input: NewDataset): Promise<DatasetView> {
  const { script, tables } = await validateUpload(runtime, input.upload);
  const id = newId();
  const key = datasetKey(null, id);
  const [row] = await storeThenInsert(runtime, key, input.upload, () =>
    runtime.database.db.insert(sharedQuestionDatasets).values(columnsOf(id, key, input, script, tables)).returning(),
  );
  return datasetView(row, null);
}
