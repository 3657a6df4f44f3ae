import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reachableByOthers, worldReadablePackages } from './world-readable.js';

describe('packages the sandbox user must read', () => {
  it('are used in place when others can reach them', () => {
    const open = mkdtempSync(join(tmpdir(), 'wr-open-'));
    chmodSync(open, 0o755);
    expect(worldReadablePackages([{ name: 'pkg', dir: open }], 'unused')).toEqual([open]);
  });

  it('are copied into a world-readable node_modules tree when they sit in a private directory', () => {
    const secret = mkdtempSync(join(tmpdir(), 'wr-private-')); // mkdtemp makes it 0700
    const a = join(secret, 'node_modules', 'a');
    const b = join(secret, 'node_modules', '@scope', 'b');
    for (const dir of [a, b]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.js'), `module.exports = '${dir}';`, { mode: 0o600 });
    }
    expect(reachableByOthers(a)).toBe(false);
    const [copyA, copyB] = worldReadablePackages([{ name: 'a', dir: a }, { name: '@scope/b', dir: b }], `test-${process.pid}-${Date.now()}`);
    expect(copyB).toBe(join(copyA, '..', '@scope', 'b'));
    expect(reachableByOthers(copyA)).toBe(true);
    expect(statSync(join(copyB, 'index.js')).mode & 0o004).toBe(0o004);
    expect(readFileSync(join(copyA, 'index.js'), 'utf8')).toContain(a);
  });
});
