import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, rmSync } from 'node:fs';
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

  const scratch = mkdtempSync(join(tmpdir(), 'assay-judge-'));
  chmodSync(scratch, 0o755);
  process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
  const supervisor = join(scratch, 'supervisor');
  const source = fileURLToPath(new URL('./supervisor.c', import.meta.url));
  try {
    await run(cc, ['-O2', '-static', '-o', supervisor, source]);
  } catch {
    await run(cc, ['-O2', '-o', supervisor, source]); // no static libc installed: a dynamic binary works too
  }
  chmodSync(supervisor, 0o755);

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
