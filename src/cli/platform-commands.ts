import type { CliCommand } from './command.js';
import { migrateCommand } from './migrate.js';
import { startCommand } from './start.js';
import { workerCommand } from './worker.js';

export const platformCommands: CliCommand[] = [startCommand, workerCommand, migrateCommand];
