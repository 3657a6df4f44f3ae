import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/log.js';
import { createRuntime } from '../platform/create-runtime.js';
import { modules } from '../modules/index.js';
import type { CliCommand } from './command.js';
import { explainDataDirInUse } from './explain-data-dir-in-use.js';
import { stopOnSignal } from './stop-on-signal.js';

export const workerCommand: CliCommand = {
  name: 'worker',
  summary: 'Work background jobs only, no HTTP (beside WORKERS=false API processes)',
  description:
    'Works e-mail, webhook, export and judge jobs from DATABASE_URL. The embedded database allows one process, ' +
    'so use this with PostgreSQL. SIGTERM or Ctrl-C stops taking jobs and waits for the running ones.',
  async run() {
    const config = { ...loadConfig(), workers: true };
    const log = createLogger(config.logLevel);
    const working = explainDataDirInUse(
      () => createRuntime(config, { modules, logger: log }),
      'the server works jobs itself; to run workers apart, use PostgreSQL (DATABASE_URL)',
    );
    // The job queue's timers may be unreferenced: keep the process alive until a signal stops it.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    working.catch(() => clearInterval(keepAlive));
    stopOnSignal(log, async () => {
      const runtime = await working;
      await runtime.close();
      clearInterval(keepAlive);
    });
    await working;
    log.info('workers started');
  },
};
