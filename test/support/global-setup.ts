import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { ensureSkillCatalog } from '../../src/modules/skills/load-skill-catalog.js';
import { loadStarterCatalog } from '../../src/modules/questions/catalog/load-starter-catalog.js';
import { ensureWebBuild } from '../../src/modules/web/build-web.js';

/**
 * Migrates once per run. On PGlite the migrated data dir is dumped to a tarball that every test
 * file loads (initdb + migrations once, not per file); on PostgreSQL the DATABASE_URL database is
 * migrated and test files share it, each creating its own workspaces. The shipped catalogs (skills,
 * starter questions) are loaded here too, so each test runtime's start finds them current, and the
 * web app is built when web/ changed since its last build (the browser tests serve it).
 */
export default async function setup(): Promise<void> {
  await ensureWebBuild();
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  await migrate(database);
  await ensureSkillCatalog(database.db);
  await loadStarterCatalog(database.db);
  if (database.kind === 'pglite') {
    const dump = await database.pglite!.dumpDataDir('none');
    const file = join(mkdtempSync(join(tmpdir(), 'assay-test-')), 'migrated.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env.ASSAY_TEST_SNAPSHOT = file;
  }
  await database.close();
}
