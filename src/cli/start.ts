import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../platform/config.js';
import { createLogger } from '../platform/log.js';
import { createRuntime } from '../platform/create-runtime.js';
import type { Runtime } from '../platform/runtime.js';
import { modules } from '../modules/index.js';
import { buildServer } from '../server.js';
import { ensureWebBuild } from '../modules/web/build-web.js';
import type { CliCommand } from './command.js';
import { describeListening } from './describe-listening.js';
import { explainDataDirInUse } from './explain-data-dir-in-use.js';
import { stopOnSignal } from './stop-on-signal.js';

/** The sign-up mode for the start-up line (`SIGNUP`; open when the configuration has none). */
function signupOf(config: Config): string {
  return (config as Config & { signup?: string }).signup ?? 'open';
}

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Serve the API (and work background jobs unless WORKERS=false)',
  description:
    'Serves the API on HOST:PORT (default 127.0.0.1:3000; HOST=0.0.0.0 exposes it on every interface), over DATABASE_URL ' +
    'or the embedded database in DATA_DIR, applying migrations first. SIGTERM or Ctrl-C stops it gracefully: requests ' +
    'and jobs in progress finish, then it exits 0.',
  async run() {
    const config = loadConfig();
    const log = createLogger(config.logLevel);
    const serving = (async (): Promise<{ app: FastifyInstance; runtime: Runtime }> => {
      // The web app is built on the first start, and again whenever web/ changed since its build.
      try {
        if (await ensureWebBuild()) log.info('web app built (web/dist)');
      } catch (error) {
        log.error({ err: error }, 'the web app could not be built: the API is served without it');
      }
      const runtime = await explainDataDirInUse(
        () => createRuntime(config, { modules, logger: log }),
        'stop that process first; to run several, use PostgreSQL (DATABASE_URL)',
      );
      const app = await buildServer(runtime);
      await app.listen({ port: config.port, host: config.host });
      const addresses = app.addresses().filter((address): address is AddressInfo => typeof address !== 'string');
      log.info({ addresses, signup: signupOf(config) }, describeListening(addresses, signupOf(config)));
      return { app, runtime };
    })();
    // Listening for signals from the first moment: a SIGTERM during boot stops once it is up.
    stopOnSignal(log, async () => {
      const { app, runtime } = await serving;
      await app.close();
      await runtime.close();
    });
    await serving;
  },
};
