import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webRoot } from './web-paths.js';

/** Not inputs of the build: its output, and the client's generated types (tsc reads them, Vite does not). */
const ignored = new Set(['dist', 'node_modules', 'schema.d.ts']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !ignored.has(entry.name) && !entry.name.startsWith('dist.'))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Everything the build depends on: web/'s sources, the lockfile (library versions) and the build's own settings. */
export function webSourceHash(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(webRoot),
    fileURLToPath(new URL('../../../package-lock.json', import.meta.url)),
    fileURLToPath(new URL('./build-web.ts', import.meta.url)),
  ].sort();
  for (const file of inputs) {
    hash.update(relative(webRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
