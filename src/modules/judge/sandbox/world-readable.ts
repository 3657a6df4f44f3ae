import { cpSync, chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

/** True when every ancestor of `path` can be traversed by others, so uid 65534 can reach it. */
export function reachableByOthers(path: string): boolean {
  let current = resolve(path);
  for (;;) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function openUp(path: string): void {
  const stat = statSync(path);
  chmodSync(path, stat.isDirectory() || stat.mode & 0o111 ? 0o755 : 0o644);
  if (stat.isDirectory()) for (const entry of readdirSync(path)) openUp(join(path, entry));
}

/**
 * The sandbox runs as `nobody`, which cannot enter a checkout under a private directory (a CI
 * clone in a 0700 mktemp dir, say). The packages are then copied once per version set into a
 * world-readable `node_modules` tree (so they still resolve each other) and bound from there.
 * Answers the new path of each package, in order.
 */
export function worldReadablePackages(packages: Array<{ name: string; dir: string }>, cacheKey: string): string[] {
  if (packages.every((p) => reachableByOthers(p.dir))) return packages.map((p) => p.dir);
  const root = join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'assay-judge-toolchains');
  mkdirSync(root, { recursive: true, mode: 0o755 });
  chmodSync(root, 0o755);
  const target = join(root, cacheKey);
  const placed = packages.map((p) => join(target, 'node_modules', p.name));
  if (existsSync(target)) return placed;
  const staging = `${target}.${process.pid}.${Date.now()}`;
  for (const p of packages) cpSync(p.dir, join(staging, 'node_modules', p.name), { recursive: true, dereference: true });
  openUp(staging);
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process won the race with the same copy
  }
  return placed;
}
