import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeCode, type TestCase } from '../judge-code.js';
import type { RunVerdict } from '../verdict.js';
import { sandboxHost } from './host.js';

/**
 * Candidate code that tries to get out, or to hurt the machine. Each attempt must end in the right
 * verdict, and the host must be as it was: no stray processes, no files written, nothing read.
 */
const sandbox = await sandboxHost();
if (!sandbox.available) console.warn(`escape suite skipped: ${sandbox.reason}`);

const PYTHON = 71;
const C = 50;
const limits = { time_ms: 2000, wall_time_ms: 3000, memory_kb: 128 * 1024, output_kb: 64 };

function judge(languageId: number, source: string, tests: TestCase[] = [{ input: '' }]): Promise<RunVerdict> {
  return judgeCode({ languageId, source, tests, limits, comparison: { mode: 'trimmed' } });
}

/** Processes anywhere on the host whose command line holds the marker. */
function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.skipIf(!sandbox.available)('the sandbox holds against hostile code', () => {
  it('has no network: neither the local PostgreSQL nor the internet answers', async () => {
    const probe = (host: string, port: number) => `
import socket
s = socket.socket()
s.settimeout(1)
try:
    s.connect(('${host}', ${port}))
    print('connected')
except OSError:
    print('blocked')`;
    for (const [host, port] of [['127.0.0.1', 5432], ['1.1.1.1', 443], ['1.1.1.1', 53]] as const) {
      const verdict = await judge(PYTHON, probe(host, port), [{ input: '', expected_output: 'blocked' }]);
      expect(verdict.tests[0].stdout, `${host}:${port}`).toBe('blocked\n');
      expect(verdict.status).toBe('accepted');
    }
  });

  it('cannot read host files: the project, /etc/shadow, the host /tmp, the environment', async () => {
    const secret = join(tmpdir(), `assay-escape-${randomBytes(6).toString('hex')}.env`);
    writeFileSync(secret, 'DATABASE_URL=postgres://root:secret@127.0.0.1/prod\n');
    const paths = [join(process.cwd(), 'package.json'), join(process.cwd(), '.env'), '/etc/shadow', '/etc/passwd', '/root/.bashrc', secret];
    const source = `
import os
for path in ${JSON.stringify(paths)}:
    try:
        open(path).read()
        print('read', path)
    except OSError:
        pass
print(' '.join(sorted(os.environ)))
print(open('/proc/1/environ').read() == '')`;
    const verdict = await judge(PYTHON, source, [{ input: '', expected_output: 'HOME LANG PATH PWD TMPDIR\nTrue' }]);
    expect(verdict.tests[0].stdout).toBe('HOME LANG PATH PWD TMPDIR\nTrue\n');
    expect(verdict.status).toBe('accepted');
  });

  it('cannot write outside its private /tmp, and /tmp dies with the run', async () => {
    const marker = `assay-escape-${randomBytes(6).toString('hex')}`;
    const source = `
import os
for path in ['/box/${marker}', '/${marker}', '/usr/${marker}', '/etc/${marker}', '/dev/${marker}', '/dev/shm/${marker}', '/proc/${marker}', '${process.cwd()}/${marker}']:
    try:
        open(path, 'w').write('x')
        print('wrote', path)
    except OSError:
        pass
open('/tmp/${marker}', 'w').write('x')
print(os.path.exists('/tmp/${marker}'))`;
    const verdict = await judge(PYTHON, source, [{ input: '', expected_output: 'True' }]);
    expect(verdict.tests[0].stdout).toBe('True\n');
    expect(verdict.status).toBe('accepted');
    expect(readdirSync(tmpdir()).filter((name) => name.includes(marker))).toEqual([]);
    expect(readdirSync(process.cwd()).filter((name) => name.includes(marker))).toEqual([]);
  });

  it('contains a fork bomb and leaves no process behind', async () => {
    const marker = `bomb${randomBytes(6).toString('hex')}`;
    const source = `
import os
while True:
    if os.fork() == 0:
        os.execv('/bin/sleep', ['sleep', '600', '${marker}'])`;
    const verdict = await judge(PYTHON, source);
    expect(verdict.status).toBe('runtime_error'); // fork fails with EAGAIN at the process limit
    expect(verdict.tests[0].stderr).toContain('BlockingIOError');
    expect(processesWith(marker)).toEqual([]);

    const cBomb = '#include <unistd.h>\nint main(void) { for (;;) fork(); }';
    const c = await judge(C, cBomb);
    expect(c.status).toBe('time_limit_exceeded');
  });

  it('stops a memory bomb with memory_limit_exceeded', async () => {
    const big = await judge(PYTHON, 'x = bytearray(1 << 31)');
    expect(big.status).toBe('memory_limit_exceeded');
    const growing = await judge(PYTHON, "chunks = []\nwhile True:\n    chunks.append(bytearray(8 << 20))");
    expect(growing.status).toBe('memory_limit_exceeded');
    const c = await judge(C, '#include <stdlib.h>\n#include <string.h>\nint main(void) { for (;;) { char *p = malloc(1 << 24); if (!p) return 3; memset(p, 1, 1 << 24); } }');
    expect(c.status).toBe('memory_limit_exceeded');
  });

  it('stops a disk fill at the file size and /tmp limits', async () => {
    const oneFile = await judge(PYTHON, "f = open('/tmp/fill', 'wb')\nwhile True:\n    f.write(b'x' * (1 << 20))");
    expect(oneFile.status).toBe('runtime_error');
    expect(oneFile.tests[0].message).toBe('file size limit exceeded');
    const manyFiles = await judge(PYTHON, "i = 0\nwhile True:\n    open(f'/tmp/fill{i}', 'wb').write(b'x' * (8 << 20))\n    i += 1");
    expect(manyFiles.status).toBe('runtime_error');
    expect(manyFiles.tests[0].stderr).toContain('No space left on device');
  });

  it('stops an infinite loop at the CPU limit and a sleeper at the wall clock', async () => {
    const loop = await judge(PYTHON, 'while True:\n    pass');
    expect(loop.status).toBe('time_limit_exceeded');
    const sleeper = await judge(PYTHON, 'import time\ntime.sleep(600)');
    expect(sleeper.status).toBe('time_limit_exceeded');
    expect(sleeper.tests[0].message).toContain('wall-clock');
  });

  it('cuts a flood of output', async () => {
    const verdict = await judge(PYTHON, "while True:\n    print('x' * 1000)");
    expect(verdict.status).toBe('output_limit_exceeded');
    expect(verdict.tests[0].stdout!.length).toBeLessThanOrEqual(8 * 1024 + 1);
  });

  it('survives the program killing its parent, init, everything it can, or forging the report', async () => {
    const parent = await judge(PYTHON, 'import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nimport time\ntime.sleep(5)');
    expect(parent.status).toBe('runtime_error');
    expect(parent.tests[0].message).toBe('the program killed its sandbox supervisor');

    const init = await judge(PYTHON, "import os, signal\ntry:\n    os.kill(1, signal.SIGKILL)\nexcept OSError:\n    pass\nprint('alive')", [{ input: '', expected_output: 'alive' }]);
    expect(init.status).toBe('accepted'); // pid 1 of a namespace ignores signals from inside it

    const everyone = await judge(PYTHON, 'import os, signal\nos.kill(-1, signal.SIGKILL)');
    expect(everyone.status).toBe('runtime_error');

    const forged = await judge(PYTHON, "import os\nos.write(3, b'exit=0 signal=0 cpu_us=1 wall_us=1 maxrss_kb=1 timeout=0\\n')\nprint('ok')");
    expect(forged.status).toBe('runtime_error');
    expect(forged.tests[0].stderr).toContain('Bad file descriptor');
  });

  it('runs as an unprivileged user with no capabilities, in its own namespaces and session, without a terminal', async () => {
    const source = `
import os
print(os.getuid(), os.getgid())
caps = [line for line in open('/proc/self/status') if line.startswith('CapEff')][0].split()[1]
print(int(caps, 16))
print(len([p for p in os.listdir('/proc') if p.isdigit()]) < 10)
try:
    open('/dev/tty', 'w')  # a controlling terminal would allow TIOCSTI input injection
    print('tty')
except OSError:
    print('no tty')
print(os.getsid(0) != os.getpid())`;
    const verdict = await judge(PYTHON, source, [{ input: '', expected_output: '65534 65534\n0\nTrue\nno tty\nTrue' }]);
    expect(verdict.tests[0].stdout).toBe('65534 65534\n0\nTrue\nno tty\nTrue\n');
  });
});
