import type { CliCommand } from '../../cli/command.js';
import { loadConfig } from '../../platform/config.js';
import { createRuntime } from '../../platform/create-runtime.js';
import { modules } from '../index.js';
import { buildServer } from '../../server.js';
import { countCoverage, declaredSeedIds, formatCoverage, readSeedEndpoints } from './seed-coverage.js';

export const coverageSeedsCommand: CliCommand = {
  name: 'coverage-seeds',
  summary: 'Print implemented/total seed endpoints per seed',
  description: "Counts the seed endpoints the operations' x-seed ids implement, from the OpenAPI document of an app on a throwaway in-memory database.",
  async run({ print }) {
    const config = loadConfig(process.env, { embedded: 'memory', databaseUrl: undefined, workers: false, logLevel: 'silent' });
    const runtime = await createRuntime(config, { modules });
    try {
      const app = await buildServer(runtime);
      await app.ready();
      print(formatCoverage(countCoverage(readSeedEndpoints(), declaredSeedIds(app.swagger()))));
      await app.close();
    } finally {
      await runtime.close();
    }
  },
};

export const systemCommands: CliCommand[] = [coverageSeedsCommand];
