#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx assay <command>` works from a clean checkout.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { constants } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const child = spawn(process.execPath, [tsx, join(root, 'src', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
// Pass stop signals on, so `assay worker` / `assay start` shut down gracefully under a supervisor.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
