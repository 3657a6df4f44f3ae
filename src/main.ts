import { runCli } from './cli/run-cli.js';
import { platformCommands } from './cli/platform-commands.js';
import { identityCommands } from './modules/identity/cli.js';
import { systemCommands } from './modules/system/cli.js';
import { seedCommand } from './modules/questions/catalog/seed-command.js';

// `assay <command>`: each module lists its commands; run-cli.ts parses, helps and reports errors.
const code = await runCli([...platformCommands, ...identityCommands, ...systemCommands, seedCommand], process.argv.slice(2));
if (code !== 0) process.exit(code);
