import { loadConfig } from '../platform/config.js';
import { createRuntime } from '../platform/create-runtime.js';
import { modules } from '../modules/index.js';
import type { CliCommand } from './command.js';
import { explainDataDirInUse } from './explain-data-dir-in-use.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply the database migrations and exit (start does it too)',
  async run({ print }) {
    const runtime = await explainDataDirInUse(
      () => createRuntime(loadConfig(process.env, { workers: false, logLevel: process.env.LOG_LEVEL ?? 'warn' }), { modules }),
      'stop the server first (it applied the migrations when it started)',
    );
    await runtime.close();
    print('migrations applied');
  },
};
