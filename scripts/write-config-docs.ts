import { readFileSync, writeFileSync } from 'node:fs';
import { withConfigTable } from '../src/platform/config-docs.js';

/** `npm run docs:config`: rewrites the configuration table of README.md from src/platform/config.ts. */
const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withConfigTable(before);
writeFileSync(path, after);
console.log(after === before ? 'README.md configuration table is up to date' : 'README.md configuration table rewritten');
