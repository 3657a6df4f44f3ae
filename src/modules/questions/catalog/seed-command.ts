import type { CliCommand } from '../../../cli/command.js';
import { withDatabase } from '../../../cli/with-database.js';
import { loadStarterCatalog } from './load-starter-catalog.js';

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: "Load the content Assay ships (the starter questions catalog) and exit",
  description:
    'Inserts or updates the starter catalog as public questions, archives those a newer Assay dropped, and leaves questions published by workspaces alone. ' +
    'Nothing is written when the stored catalog version is current, unless --force. `start` does the same on boot. With the embedded database, stop the server first.',
  options: [{ flags: '--force', description: 'reload even when the stored catalog version is current' }],
  async run({ options, print }) {
    const load = await withDatabase((db) => loadStarterCatalog(db, { force: Boolean(options.force) }));
    if (load.status === 'current') return print(`starter catalog ${load.version} already loaded`);
    print(`starter catalog ${load.version}: ${load.upserted} questions loaded, ${load.archived} archived`);
    if (load.skipped.length > 0) print(`skipped (slug taken by a workspace's public question): ${load.skipped.join(', ')}`);
  },
};
