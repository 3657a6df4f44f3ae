import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules } from '../src/modules/index.js';
import { runtimeModules } from '../src/platform/create-runtime.js';

const modulesDir = fileURLToPath(new URL('../src/modules', import.meta.url));

describe('the module list', () => {
  it('names each module folder once, and every folder under src/modules is listed', () => {
    const names = modules.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(existsSync(join(modulesDir, name, 'module.ts')), `src/modules/${name}/module.ts`).toBe(true);
    const folders = readdirSync(modulesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.sort()).toEqual([...names].sort());
  });

  it('gives every job and export a name of its own, and one module the authenticator', () => {
    const all = runtimeModules(modules);
    const jobs = all.flatMap((module) => module.jobs ?? []).map((job) => job.name);
    expect(new Set(jobs).size).toBe(jobs.length);
    const exports = all.flatMap((module) => module.exports ?? []).map((definition) => definition.name);
    expect(new Set(exports).size).toBe(exports.length);
    expect(all.filter((module) => module.authenticator).map((module) => module.name)).toEqual(['identity']);
  });
});
