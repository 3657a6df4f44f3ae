import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` as a user runs it: a signal to any process of that tree (npm, or the node server under
 * it) stops the server gracefully, finishing the request in progress, with one shutdown line and
 * exit code 0, and leaves nothing listening. The server always uses its own embedded database here.
 */

const root = fileURLToPath(new URL('..', import.meta.url));

interface Started {
  npm: ChildProcess;
  /** The node process serving, from its log lines' `pid`. */
  serverPid: number;
  url: string;
  lines: string[];
}

function startWithNpm(env: NodeJS.ProcessEnv): Promise<Started> {
  const npm = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  npm.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let pending = '';
    npm.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        const listening = /Assay listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (listening) resolve({ npm, serverPid: (JSON.parse(line) as { pid: number }).pid, url: listening[1], lines });
      }
    });
    npm.on('exit', (code, signal) => reject(new Error(`npm start exited (${code ?? signal}) before listening: ${stderr.slice(-2000)}`)));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function exitCodeOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether anything answers on the server's port. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

const shutdownLines = (lines: string[], signal: string) => lines.filter((line) => line.includes(`"msg":"${signal}: shutting down`));

describe('stopping `npm start`', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-shutdown-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SMTP_URL: '' };
  delete env.DATABASE_URL;
  const started: Started[] = [];
  const start = async () => {
    const server = await startWithNpm(env);
    started.push(server);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    return server;
  };

  afterAll(() => {
    for (const { npm, serverPid } of started) {
      if (isRunning(serverPid)) process.kill(serverPid, 'SIGKILL');
      npm.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGTERM to npm stops the node server under it, after the request in progress', async () => {
    const server = await start();
    // A sign-up whose body is still on its way when the signal arrives.
    const body = JSON.stringify({ email: `shutdown.${Date.now()}@example.test`, password: 'a-long-password', displayName: 'Shut Down' });
    const answered = new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      void until(() => shutdownLines(server.lines, 'SIGTERM').length > 0, 'the shutdown line').then(() => req.end(body.slice(10)), reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.npm.kill('SIGTERM');

    expect(await answered).toBe(202);
    expect(await exitCodeOf(server.npm)).toBe(0);
    await until(() => !isRunning(server.serverPid), 'the node server to exit');
    expect(await answers(server.url)).toBe(false);
    expect(shutdownLines(server.lines, 'SIGTERM')).toHaveLength(1);
  }, 180_000);

  it('SIGTERM to the node server itself stops it, and npm with it', async () => {
    const server = await start();
    process.kill(server.serverPid, 'SIGTERM');
    expect(await exitCodeOf(server.npm)).toBe(0);
    await until(() => !isRunning(server.serverPid), 'the node server to exit');
    expect(await answers(server.url)).toBe(false);
    expect(shutdownLines(server.lines, 'SIGTERM')).toHaveLength(1);
  }, 180_000);

  it('SIGINT (Ctrl-C) to npm and the server at once stops it once', async () => {
    const server = await start();
    // The terminal sends Ctrl-C to the whole process group, and npm forwards it as well.
    server.npm.kill('SIGINT');
    process.kill(server.serverPid, 'SIGINT');
    await exitCodeOf(server.npm);
    await until(() => !isRunning(server.serverPid), 'the node server to exit');
    expect(await answers(server.url)).toBe(false);
    expect(shutdownLines(server.lines, 'SIGINT')).toHaveLength(1);
  }, 180_000);
});
