import { existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';

/** Where things appear inside every sandbox. */
export const BOX = '/box';
export const SUPERVISOR_PATH = '/sandbox/supervisor';
const SANDBOX_UID = 65534;

export interface MountPlan {
  /** Host directory shown at /box: the source and, after compiling, the program. */
  workdir: string;
  /** Only the compile step may write to /box (the compiler's output); programs write to /tmp only. */
  workdirWritable: boolean;
  /** Host path of the compiled supervisor binary. */
  supervisor: string;
  /** Size of the private /tmp (a tmpfs: the only writable place of a program). */
  tmpfsBytes: number;
  /** Extra read-only binds a toolchain needs (host path → same path inside). */
  readOnly: string[];
  env: Record<string, string>;
  cwd: string;
}

// What of /etc the runtimes read: dynamic linker config, alternatives symlinks (java, c++, ...),
// the JDK's and PHP's configuration, the timezone. Nothing else (no passwd, shadow, hosts, ssl keys).
const ETC_ENTRIES = ['alternatives', 'ld.so.cache', 'ld.so.conf', 'ld.so.conf.d', 'localtime', 'php', 'ruby'];

let systemMounts: string[] | undefined;

/** Read-only system mounts, computed once: merged-/usr systems get symlinks, others binds. */
function systemArgs(): string[] {
  if (systemMounts) return systemMounts;
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const dir of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    if (!existsSync(dir)) continue;
    const stat = lstatSync(dir);
    if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else if (stat.isDirectory()) args.push('--ro-bind', dir, dir);
  }
  const etc = [...ETC_ENTRIES, ...readdirSync('/etc').filter((name) => /^java-\d+-openjdk$/.test(name))];
  for (const entry of etc) {
    const path = `/etc/${entry}`;
    if (existsSync(path)) args.push('--ro-bind', path, path);
  }
  systemMounts = args;
  return args;
}

/** The bubblewrap command line (without the program): isolation flags, mounts, environment. */
export function bwrapArgs(plan: MountPlan): string[] {
  const args = [
    '--unshare-all', // user, pid, net (no interfaces but a down loopback), ipc, uts, cgroup
    '--die-with-parent',
    // No --new-session: runSandboxed spawns bubblewrap detached, i.e. setsid() one step earlier, so
    // the sandbox already has its own session and no controlling terminal (no TIOCSTI injection);
    // bubblewrap's own setsid measured +3 ms per run.
    '--cap-drop', 'ALL',
    '--clearenv',
    '--uid', String(SANDBOX_UID),
    '--gid', String(SANDBOX_UID),
    '--hostname', 'judge',
    ...systemArgs(),
    '--dev', '/dev',
    '--proc', '/proc',
    '--size', String(plan.tmpfsBytes),
    '--tmpfs', '/tmp',
    '--ro-bind', plan.supervisor, SUPERVISOR_PATH,
    plan.workdirWritable ? '--bind' : '--ro-bind', plan.workdir, BOX,
  ];
  for (const path of plan.readOnly) args.push('--ro-bind', path, path);
  // bwrap's root and /dev are tmpfs mounts: left writable they would be an unbounded RAM disk.
  args.push('--remount-ro', '/dev', '--remount-ro', '/');
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/tmp', TMPDIR: '/tmp', LANG: 'C.UTF-8', ...plan.env };
  for (const [name, value] of Object.entries(env)) args.push('--setenv', name, value);
  args.push('--chdir', plan.cwd);
  return args;
}
