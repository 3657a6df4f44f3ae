import { and, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Runtime } from '../../../platform/runtime.js';
import { settings } from '../../../platform/db/schema.js';
import { publicQuestions } from '../schema.js';
import { starterCatalogRows, type CatalogRow } from './starter-catalog.js';

/** Settings keys: the version (hash) of the catalog last loaded, and the ids it loaded (to archive the ones a later version drops). */
const VERSION_KEY = 'starter_catalog_version';
const IDS_KEY = 'starter_catalog_ids';

export interface StarterCatalogLoad {
  /** current: the stored version matched, nothing was written. */
  status: 'current' | 'loaded';
  version: string;
  /** Catalog rows inserted or updated. */
  upserted: number;
  /** Rows of an earlier catalog version that this one no longer has, now archived. */
  archived: number;
  /** Catalog slugs left out because another public question (published by a workspace) already uses the slug or id. */
  skipped: string[];
}

async function storedSetting(db: DbOrTx, key: string): Promise<string | undefined> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

async function storeSetting(db: DbOrTx, key: string, value: string): Promise<void> {
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

// ON CONFLICT (id) DO UPDATE sets every column from the proposed row, except the id and the creation time.
const columns = getTableColumns(publicQuestions);
const updateSet = Object.fromEntries(
  Object.entries(columns)
    .filter(([key]) => key !== 'id' && key !== 'created')
    .map(([key, column]) => [key, key === 'updated' ? sql`now()` : sql.raw(`excluded.${column.name}`)]),
);

/**
 * Loads Assay's starter catalog into `public_questions` (owner_workspace_id null), in one
 * transaction: inserts new questions, updates the ones Assay owns, archives those a newer catalog
 * dropped, and never touches a question a workspace published. Skipped at the cost of one read
 * when the stored version is the catalog's (`force` reloads anyway). Concurrent loaders serialize
 * on an advisory lock; the second finds the version current. Inside a transaction it runs as a savepoint.
 */
export async function loadStarterCatalog(db: DbOrTx, options: { force?: boolean } = {}): Promise<StarterCatalogLoad> {
  const { rows, version } = starterCatalogRows();
  const current: StarterCatalogLoad = { status: 'current', version, upserted: 0, archived: 0, skipped: [] };
  if (!options.force && (await storedSetting(db, VERSION_KEY)) === version) return current;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('assay.starter-catalog'))`);
    if (!options.force && (await storedSetting(tx, VERSION_KEY)) === version) return current;
    const ids = rows.map((row) => row.id);
    const owned = await tx
      .select({ id: publicQuestions.id, slug: publicQuestions.slug, owner: publicQuestions.ownerWorkspaceId })
      .from(publicQuestions)
      .where(inArray(publicQuestions.slug, rows.map((row) => row.slug)));
    const clash = new Set(owned.filter((row) => row.owner !== null || !ids.includes(row.id)).map((row) => row.slug));
    const loaded: CatalogRow[] = rows.filter((row) => !clash.has(row.slug));
    if (loaded.length > 0) {
      await tx
        .insert(publicQuestions)
        .values(loaded)
        .onConflictDoUpdate({ target: publicQuestions.id, set: updateSet, setWhere: isNull(publicQuestions.ownerWorkspaceId) });
    }
    const loadedIds = loaded.map((row) => row.id);
    const previous = JSON.parse((await storedSetting(tx, IDS_KEY)) ?? '[]') as string[];
    const dropped = previous.filter((id) => !loadedIds.includes(id));
    const archived =
      dropped.length === 0
        ? []
        : await tx
            .update(publicQuestions)
            .set({ status: 'archived', updated: sql`now()` })
            .where(and(inArray(publicQuestions.id, dropped), isNull(publicQuestions.ownerWorkspaceId)))
            .returning({ id: publicQuestions.id });
    await storeSetting(tx, VERSION_KEY, version);
    await storeSetting(tx, IDS_KEY, JSON.stringify(loadedIds));
    return { status: 'loaded', version, upserted: loaded.length, archived: archived.length, skipped: [...clash] };
  });
}

/** The questions module's start: a new instance has the catalog before its first request; a current one costs one read. */
export async function loadStarterCatalogOnStart(runtime: Runtime): Promise<void> {
  const load = await loadStarterCatalog(runtime.database.db);
  if (load.status === 'loaded') runtime.log.info({ version: load.version, upserted: load.upserted, archived: load.archived, skipped: load.skipped }, 'starter catalog loaded');
}
