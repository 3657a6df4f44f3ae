import { join } from 'node:path';
import { loadConfig } from '../platform/config.js';
import { openDatabase, type Db } from '../platform/db/client.js';
import { migrate } from '../platform/db/migrate.js';
import { explainDataDirInUse } from './explain-data-dir-in-use.js';

/**
 * The configured database (PostgreSQL, or the embedded one under DATA_DIR as `start` opens it),
 * migrated, for an administration command; closed afterwards. No jobs, no HTTP.
 */
export async function withDatabase<T>(use: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await explainDataDirInUse(
    () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), poolSize: 2 }),
    'stop the server first (the embedded database allows one process at a time)',
  );
  try {
    await migrate(database);
    return await use(database.db);
  } finally {
    await database.close();
  }
}
