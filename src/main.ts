import { loadConfig } from './platform/config.js';
import { createRuntime } from './platform/create-runtime.js';
import { buildServer } from './server.js';
import { modules } from './modules/index.js';
import { createApiKeyCommand } from './modules/identity/cli.js';
import { countCoverage, declaredSeedIds, formatCoverage, readSeedEndpoints } from './modules/system/seed-coverage.js';

/** Runs `stop` on the first SIGINT/SIGTERM and ignores repeats (a wrapper and the terminal may both send one) while it drains. */
function onStopSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handle = () => {
    if (stopping) return;
    stopping = true;
    stop().catch((error) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async start() {
    const config = loadConfig();
    const runtime = await createRuntime(config, { modules });
    const app = await buildServer(runtime);
    const stop = async () => {
      await app.close();
      await runtime.close();
      process.exit(0);
    };
    onStopSignal(stop);
    await app.listen({ port: config.port, host: config.host });
  },
  /** Job workers only, no HTTP (scale them apart from WORKERS=false API processes). Stops gracefully on SIGTERM. */
  async worker() {
    const runtime = await createRuntime({ ...loadConfig(), workers: true }, { modules });
    const keepAlive = setInterval(() => undefined, 1 << 30);
    const stop = async () => {
      runtime.log.info('workers stopping');
      await runtime.close();
      clearInterval(keepAlive);
      process.exit(0);
    };
    onStopSignal(stop);
    runtime.log.info('workers started');
  },
  async migrate() {
    const runtime = await createRuntime({ ...loadConfig(), workers: false }, { modules });
    runtime.log.info('migrations applied');
    await runtime.close();
  },
  /** create-api-key --workspace <id> --name <name>; on an empty database: [--workspace-name <name>]. */
  async 'create-api-key'(args) {
    const runtime = await createRuntime({ ...loadConfig(), workers: false }, { modules });
    try {
      const result = await createApiKeyCommand(runtime.database.db, args);
      for (const line of result.lines) console.log(line);
    } finally {
      await runtime.close();
    }
  },
  /** Implemented/total seed endpoints per seed, from the OpenAPI document of an app on a throwaway database. */
  async 'coverage-seeds'() {
    const config = loadConfig(process.env, { embedded: 'memory', databaseUrl: undefined, workers: false, logLevel: 'silent' });
    const runtime = await createRuntime(config, { modules });
    try {
      const app = await buildServer(runtime);
      await app.ready();
      console.log(formatCoverage(countCoverage(readSeedEndpoints(), declaredSeedIds(app.swagger()))));
      await app.close();
    } finally {
      await runtime.close();
    }
  },
};

const [name = 'start', ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(`unknown command ${name}; try: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
command(args).catch((error) => {
  console.error(error);
  process.exit(1);
});
