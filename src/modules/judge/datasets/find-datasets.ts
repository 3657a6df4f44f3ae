import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Tenant } from '../../../platform/http/request-context.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { questionDatasets, sharedQuestionDatasets } from './schema.js';
import { readGzipScript } from './gzip-script.js';

export type DatasetTenant = Pick<Tenant, 'workspaceId'>;

/** A dataset as the API shows it (Coodesh "Find a question dataset by ID"). */
export interface DatasetView {
  _id: string;
  name: string;
  description: string | null;
  /** The upload's key in the file storage (disk or S3). */
  path: string;
  driver: string;
  table_names: string[];
  table_count: number;
  /** The owning workspace; null for shared (global) datasets. */
  company: string | null;
  status: string;
  size: number;
  script_size: number;
  created: string;
  updated: string;
}

/** Storage key of a dataset's upload (company null: a shared dataset). */
export function datasetKey(company: string | null, id: string): string {
  return company ? `workspaces/${company}/question-datasets/${id}.sql.gz` : `shared/question-datasets/${id}.sql.gz`;
}

const viewColumns = (t: typeof questionDatasets | typeof sharedQuestionDatasets) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  driver: t.driver,
  tableNames: t.tableNames,
  status: t.status,
  compressedSize: t.compressedSize,
  scriptSize: t.scriptSize,
  created: t.created,
  updated: t.updated,
});

type Row = Pick<typeof questionDatasets.$inferSelect, keyof ReturnType<typeof viewColumns>>;

export function datasetView(row: Row, company: string | null): DatasetView {
  return {
    _id: row.id,
    name: row.name,
    description: row.description,
    path: datasetKey(company, row.id),
    driver: row.driver,
    table_names: row.tableNames,
    table_count: row.tableNames.length,
    company,
    status: row.status,
    size: row.compressedSize,
    script_size: row.scriptSize,
    created: row.created.toISOString(),
    updated: row.updated.toISOString(),
  };
}

/**
 * The workspace's datasets and the shared ones, newest first. Each table gives at most
 * offset + limit rows and the two are merged: datasets are few, so no keyset is needed.
 */
export async function listDatasets(db: DbOrTx, tenant: DatasetTenant, page: { limit: number; offset: number }): Promise<DatasetView[]> {
  const take = page.offset + page.limit;
  const own = await db
    .select(viewColumns(questionDatasets))
    .from(questionDatasets)
    .where(eq(questionDatasets.workspaceId, tenant.workspaceId))
    .orderBy(desc(questionDatasets.created), desc(questionDatasets.id))
    .limit(take);
  const shared = await db
    .select(viewColumns(sharedQuestionDatasets))
    .from(sharedQuestionDatasets)
    .orderBy(desc(sharedQuestionDatasets.created), desc(sharedQuestionDatasets.id))
    .limit(take);
  const views = [...own.map((r) => datasetView(r, tenant.workspaceId)), ...shared.map((r) => datasetView(r, null))];
  views.sort((a, b) => (a.created === b.created ? (a._id < b._id ? 1 : -1) : a.created < b.created ? 1 : -1));
  return views.slice(page.offset, take);
}

/** A dataset of the workspace or a shared one; anything else is not found. */
export async function findDataset(db: DbOrTx, tenant: DatasetTenant, id: string): Promise<DatasetView> {
  const [own] = await db
    .select(viewColumns(questionDatasets))
    .from(questionDatasets)
    .where(and(eq(questionDatasets.workspaceId, tenant.workspaceId), eq(questionDatasets.id, id)));
  if (own) return datasetView(own, tenant.workspaceId);
  const [shared] = await db.select(viewColumns(sharedQuestionDatasets)).from(sharedQuestionDatasets).where(eq(sharedQuestionDatasets.id, id));
  if (shared) return datasetView(shared, null);
  throw notFound('Question dataset');
}

/** Inflated scripts by id and digest: datasets never change, so a hit is always current. */
const scriptCache = new Map<string, string>();
const scriptCacheBytes = 128 * 1024 * 1024;
let cachedBytes = 0;

function remember(key: string, script: string): void {
  scriptCache.set(key, script);
  cachedBytes += script.length;
  for (const [oldKey, old] of scriptCache) {
    if (cachedBytes <= scriptCacheBytes) break;
    scriptCache.delete(oldKey);
    cachedBytes -= old.length;
  }
}

/** The SQL script of a dataset the tenant may use (its own or a shared one). */
export async function datasetScript(runtime: Runtime, tenant: DatasetTenant, id: string): Promise<string> {
  const { db } = runtime.database;
  const [own] = await db
    .select({ sha256: questionDatasets.sha256, storageKey: questionDatasets.storageKey })
    .from(questionDatasets)
    .where(and(eq(questionDatasets.workspaceId, tenant.workspaceId), eq(questionDatasets.id, id)));
  const [shared] = own
    ? []
    : await db
        .select({ sha256: sharedQuestionDatasets.sha256, storageKey: sharedQuestionDatasets.storageKey })
        .from(sharedQuestionDatasets)
        .where(eq(sharedQuestionDatasets.id, id));
  const found = own ?? shared;
  if (!found) throw notFound('Question dataset');
  const key = `${id}:${found.sha256}`;
  const cached = scriptCache.get(key);
  if (cached !== undefined) {
    scriptCache.delete(key);
    scriptCache.set(key, cached);
    return cached;
  }
  if (!found.storageKey) throw new AppError(500, 'dataset_file_missing', 'The dataset has no stored file');
  const file = await runtime.storage.get(found.storageKey);
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) chunks.push(chunk as Buffer);
  const script = await readGzipScript(Buffer.concat(chunks));
  remember(key, script);
  return script;
}
