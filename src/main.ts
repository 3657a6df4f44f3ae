import { loadConfig } from './platform/config.js';
import { createRuntime } from './platform/runtime.js';
import { buildServer } from './server.js';

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async start() {
    const config = loadConfig();
    const runtime = await createRuntime(config);
    const app = await buildServer(runtime);
    const stop = async () => {
      await app.close();
      await runtime.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await app.listen({ port: config.port, host: config.host });
  },
  async migrate() {
    const runtime = await createRuntime(loadConfig());
    runtime.log.info('migrations applied');
    await runtime.close();
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
