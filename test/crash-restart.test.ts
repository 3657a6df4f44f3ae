import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The deployed process, killed the hard way: `bin/assay.mjs start` is SIGKILLed right after it
 * accepted work, then started again on the same data. On PGlite this proves the data dir (and its
 * lock file) survive a crash; on both databases, that the accepted writes and the jobs they queued
 * are still there and get worked by the next process.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/assay.mjs');

interface Server {
  child: ChildProcess;
  url: string;
  /** Every log line so far. */
  lines: string[];
}

/** Where the child keeps its data: its own PGlite data dir, or its own database on the test server. */
async function ownData(): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  const base: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SMTP_URL: '' };
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'assay-crash-'));
    delete base.DATABASE_URL;
    return { env: { ...base, DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `assay_crash_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { env: { ...base, DATABASE_URL: own.href }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Starts the server and resolves once it listens (its URL read from the "Server listening" line). */
function start(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (listening) resolve({ child, url: listening[1], lines });
      }
    });
    child.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening: ${stderr.slice(-2000)}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('crash and restart of the deployed process', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps accepted writes and works their queued jobs after a SIGKILL', async () => {
    const data = await ownData();
    cleanups.push(data.drop);

    const bootstrap = spawnSync(process.execPath, [bin, 'create-api-key', '--name', 'crash'], { env: { ...data.env, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    expect(bootstrap.status, bootstrap.stderr).toBe(0);
    const key = bootstrap.stdout.trim().split('\n').at(-1)!;
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };

    // First process: API only, so the invitation e-mail's job stays queued; killed without warning.
    const first = await start({ ...data.env, WORKERS: 'false' });
    cleanups.push(async () => void first.child.kill('SIGKILL'));
    const email = `crash.${Date.now()}@example.test`;
    const created = await fetch(`${first.url}/workspace/users`, { method: 'POST', headers, body: JSON.stringify({ users: [{ email, displayName: 'Crash Test' }] }) });
    expect(created.status).toBe(201);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(first.lines.some((line) => line.includes('mail not sent'))).toBe(false);

    // Second process on the same data, with workers: the employee is there and the e-mail goes out.
    const second = await start(data.env);
    cleanups.push(async () => void second.child.kill('SIGKILL'));
    const listed = await fetch(`${second.url}/workspace/users?search=${encodeURIComponent(email)}`, { headers });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).toContain(email);
    await until(() => second.lines.some((line) => line.includes('mail not sent') && line.includes(email)), 30_000, 'the invitation e-mail job');

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 120_000);
});
