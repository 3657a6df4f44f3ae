import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configVariables, loadConfig } from './config.js';
import { namesOf, renderConfigTable, withConfigTable } from './config-docs.js';

/** The names loadConfig reads from an environment holding `values` (everything else unset). */
function namesRead(values: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const env = new Proxy<NodeJS.ProcessEnv>({}, {
    get: (_target, name) => {
      if (typeof name === 'string') read.add(name);
      return typeof name === 'string' ? values[name] : undefined;
    },
    has: (_target, name) => typeof name === 'string' && name in values,
  });
  loadConfig(env);
  return read;
}

/** Everything loadConfig can read: read once with nothing set, then again with all it read set, until nothing new appears. */
function everyNameRead(): Set<string> {
  const examples = new Map(configVariables.flatMap((v) => namesOf(v).map((name) => [name, v.example ?? 'x'] as const)));
  let known = namesRead({});
  for (;;) {
    const next = namesRead(Object.fromEntries([...known].map((name) => [name, examples.get(name) ?? 'x'])));
    if ([...next].every((name) => known.has(name))) return known;
    known = new Set([...known, ...next]);
  }
}

describe('the configuration table', () => {
  const documented = new Set(configVariables.flatMap(namesOf));
  const read = everyNameRead();

  it('documents every variable loadConfig reads, and only those', () => {
    expect(read.size).toBeGreaterThan(30);
    expect([...read].filter((name) => !documented.has(name)), 'read but not in configVariables (src/platform/config.ts)').toEqual([]);
    expect([...documented].filter((name) => !read.has(name)), 'in configVariables but never read').toEqual([]);
  });

  it('shows the defaults the code applies', () => {
    const config = loadConfig({});
    const wrong = configVariables
      .filter((v) => v.value)
      .filter((v) => v.default !== `\`${String(v.value!(config))}\``)
      .map((v) => `${v.name}: table says ${v.default}, code gives ${String(v.value!(config))}`);
    expect(wrong).toEqual([]);
  });

  it('in README.md is the generated one (run `npm run docs:config`)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(renderConfigTable());
    expect(withConfigTable(readme)).toBe(readme);
  });
});
