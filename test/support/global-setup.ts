import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';

/**
 * Migrates once per run. On PGlite the migrated data dir is dumped to a tarball that every test
 * file loads (initdb + migrations once, not per file); on PostgreSQL the DATABASE_URL database is
 * migrated and test files share it, each creating its own workspaces.
 */
export default async function setup(): Promise<void> {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  await migrate(database);
  if (database.kind === 'pglite') {
    const dump = await database.pglite!.dumpDataDir('none');
    const file = join(mkdtempSync(join(tmpdir(), 'assay-test-')), 'migrated.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env.ASSAY_TEST_SNAPSHOT = file;
  }
  await database.close();
}
