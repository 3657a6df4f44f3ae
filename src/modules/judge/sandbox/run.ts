import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { bwrapArgs, SUPERVISOR_PATH, type MountPlan } from './bwrap-args.js';
import type { SandboxHost } from './host.js';

export interface SandboxLimits {
  /** CPU time; RLIMIT_CPU is rounded up to whole seconds, the verdict uses the measured figure. */
  cpuMs: number;
  wallMs: number;
  /** RLIMIT_AS in KiB, 0 = none (runtimes that reserve address space bound memory their own way). */
  addressSpaceKb: number;
  /** RLIMIT_NPROC: processes and threads, counting the sandbox's init and the supervisor. */
  processes: number;
  fileSizeKb: number;
  openFiles: number;
  /** stdout and stderr are each cut here; going past it kills the program. */
  outputBytes: number;
  tmpfsKb: number;
}

export interface SandboxCommand {
  argv: string[];
  stdin: string;
  limits: SandboxLimits;
  mounts: Omit<MountPlan, 'supervisor' | 'tmpfsBytes'>;
}

export interface SandboxOutcome {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cpuMs: number;
  wallMs: number;
  memoryKb: number;
  stdout: string;
  stderr: string;
  outputExceeded: boolean;
  /** The supervisor sent no report: the program killed it (sandboxFailed tells the judge's own failures apart). */
  supervisorLost: boolean;
  /** bubblewrap could not be spawned or could not build the sandbox: not the program's doing. */
  sandboxFailed: boolean;
}

const SIGNALS: Record<number, string> = { 4: 'SIGILL', 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 11: 'SIGSEGV', 13: 'SIGPIPE', 15: 'SIGTERM', 24: 'SIGXCPU', 25: 'SIGXFSZ', 31: 'SIGSYS' };

// Past the wall clock the supervisor kills the program itself; this is the backstop for a sandbox
// that does not come back (it should never fire).
const BACKSTOP_MS = 3_000;

/** Runs one command in a fresh bubblewrap sandbox under the supervisor and collects what happened. */
export function runSandboxed(host: SandboxHost, command: SandboxCommand): Promise<SandboxOutcome> {
  const { limits } = command;
  const plan: MountPlan = { ...command.mounts, supervisor: host.supervisor, tmpfsBytes: limits.tmpfsKb * 1024 };
  const supervisorArgs = [
    String(limits.wallMs),
    String(Math.max(1, Math.ceil(limits.cpuMs / 1000))),
    String(limits.addressSpaceKb * 1024),
    String(limits.processes),
    String(limits.fileSizeKb * 1024),
    String(limits.openFiles),
    '--',
  ];
  const child = spawn(host.bwrap, [...bwrapArgs(plan), SUPERVISOR_PATH, ...supervisorArgs, ...command.argv], {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    env: {},
    detached: true,
    uid: host.spawnAs?.uid,
    gid: host.spawnAs?.gid,
  });

  return new Promise((resolve) => {
    let outputExceeded = false;
    let backstopFired = false;
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const capture = (stream: Readable | null, cap: number) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream?.on('data', (chunk: Buffer) => {
        if (outputExceeded) return;
        size += chunk.length;
        if (size > cap) {
          outputExceeded = true;
          chunks.push(chunk.subarray(0, chunk.length - (size - cap)));
          kill();
          return;
        }
        chunks.push(chunk);
      });
      return () => Buffer.concat(chunks).toString('utf8');
    };
    const stdout = capture(child.stdout, limits.outputBytes);
    const stderr = capture(child.stderr, limits.outputBytes);
    const report = capture(child.stdio[3] as Readable, 4096);
    const backstop = setTimeout(() => {
      backstopFired = true;
      kill();
    }, limits.wallMs + BACKSTOP_MS);

    child.stdin?.on('error', () => undefined); // a program that never reads its input closes the pipe early
    child.stdin?.end(command.stdin);
    let settled = false;
    let spawnFailed = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(backstop);
      const fields = parseReport(report());
      const errors = stderr();
      const signalNumber = fields?.signal ?? 0;
      resolve({
        exitCode: fields && fields.exit >= 0 ? fields.exit : null,
        signal: signalNumber > 0 ? (SIGNALS[signalNumber] ?? `SIG${signalNumber}`) : null,
        timedOut: backstopFired || fields?.timeout === 1,
        cpuMs: (fields?.cpu_us ?? 0) / 1000,
        wallMs: (fields?.wall_us ?? 0) / 1000,
        memoryKb: fields?.maxrss_kb ?? 0,
        stdout: stdout(),
        stderr: errors,
        outputExceeded,
        supervisorLost: !fields && !outputExceeded && !backstopFired,
        sandboxFailed: spawnFailed || (!fields && errors.startsWith('bwrap: ')),
      });
    };
    child.on('error', () => {
      spawnFailed = true;
      finish();
    });
    child.on('close', finish);
  });
}

type ReportField = 'exit' | 'signal' | 'cpu_us' | 'wall_us' | 'maxrss_kb' | 'timeout';

function parseReport(text: string): Record<ReportField, number> | undefined {
  const match = /^exit=(-?\d+) signal=(\d+) cpu_us=(\d+) wall_us=(\d+) maxrss_kb=(\d+) timeout=([01])\n$/.exec(text);
  if (!match) return undefined;
  const [exit, signal, cpuUs, wallUs, maxrss, timeout] = match.slice(1).map(Number);
  return { exit, signal, cpu_us: cpuUs, wall_us: wallUs, maxrss_kb: maxrss, timeout };
}
