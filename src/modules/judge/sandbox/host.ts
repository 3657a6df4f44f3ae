import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, constants, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bwrapArgs, SUPERVISOR_PATH } from './bwrap-args.js';

const run = promisify(execFile);

/** What the sandbox needs from the machine, found once per process. */
export interface SandboxHost {
  bwrap: string;
  /** Host path of the supervisor binary (built from supervisor.c at startup). */
  supervisor: string;
  /** Private directory (0755) holding the supervisor and the per-submission workdirs. */
  scratch: string;
  /** When the API runs as root, sandboxes are started as nobody: root's processes escape RLIMIT_NPROC. */
  spawnAs?: { uid: number; gid: number };
}

export type SandboxAvailability = { available: true; host: SandboxHost } | { available: false; reason: string };

export const NOBODY = 65534;

/**
 * The supervisor and the workdirs live in one directory per user and supervisor version, shared by
 * the processes of this machine (test workers, API and worker processes) so nothing piles up in /tmp.
 * A directory someone else made (or can write to) is not trusted: a private one is used instead.
 */
function scratchDir(source: string): string {
  const uid = process.getuid?.() ?? 0;
  const version = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 12);
  const shared = join(tmpdir(), `assay-judge-${uid}-${version}`);
  try {
    mkdirSync(shared, { mode: 0o755 });
  } catch {
    /* exists: checked below */
  }
  const stat = lstatSync(shared);
  if (stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0) return shared;
  const own = mkdtempSync(join(tmpdir(), 'assay-judge-'));
  chmodSync(own, 0o755);
  process.once('exit', () => rmSync(own, { recursive: true, force: true }));
  return own;
}

function ownedByUs(path: string): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isFile() && stat.uid === (process.getuid?.() ?? 0) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

export function findExecutable(name: string, preferred: string[] = []): string | undefined {
  const candidates = name.includes('/') ? [name] : [...preferred, ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name))];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* next */
    }
  }
  return undefined;
}

let detected: Promise<SandboxAvailability> | undefined;

/** Finds bubblewrap and a C compiler, builds the supervisor, and proves a sandbox starts. Never throws. */
export function sandboxHost(): Promise<SandboxAvailability> {
  detected ??= detect().catch((error: Error) => ({ available: false as const, reason: error.message }));
  return detected;
}

async function detect(): Promise<SandboxAvailability> {
  if (process.platform !== 'linux') return { available: false, reason: 'the judge sandbox needs Linux (bubblewrap)' };
  const bwrap = findExecutable('bwrap', ['/usr/bin/bwrap']);
  if (!bwrap) return { available: false, reason: 'bubblewrap is not installed (apt-get install -y bubblewrap)' };
  const cc = findExecutable('cc', ['/usr/bin/cc', '/usr/bin/gcc']);
  if (!cc) return { available: false, reason: 'no C compiler to build the sandbox supervisor (apt-get install -y gcc)' };

  const source = fileURLToPath(new URL('./supervisor.c', import.meta.url));
  const scratch = scratchDir(source);
  const supervisor = join(scratch, 'supervisor');
  if (!ownedByUs(supervisor)) {
    const building = `${supervisor}.${process.pid}.tmp`;
    try {
      await run(cc, ['-O2', '-static', '-o', building, source]);
    } catch {
      await run(cc, ['-O2', '-o', building, source]); // no static libc installed: a dynamic binary works too
    }
    chmodSync(building, 0o755);
    renameSync(building, supervisor); // atomic: processes starting together never see half a binary
  }

  const spawnAs = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : undefined;
  const host: SandboxHost = { bwrap, supervisor, scratch, spawnAs };
  const args = bwrapArgs({ workdir: scratch, workdirWritable: false, supervisor, tmpfsBytes: 1 << 20, readOnly: [], env: {}, cwd: '/tmp' });
  try {
    await run(bwrap, [...args, SUPERVISOR_PATH, '2000', '1', '0', '8', '1024', '16', '--', '/bin/true'], {
      uid: spawnAs?.uid,
      gid: spawnAs?.gid,
      env: {},
      timeout: 10_000,
    });
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    return { available: false, reason: `bubblewrap cannot start a sandbox here: ${message}` };
  }
  return { available: true, host };
}
