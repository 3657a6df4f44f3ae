import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable } from './measure.js';

/**
 * Resident memory of an idle instance as a user starts it: `bin/assay.mjs start` on a fresh embedded
 * database (PGlite in ./data), sampled from /proc after it has answered /ready and sat idle for
 * `BENCH_IDLE_SECONDS` (default 15). The baseline is a bare `node -e` process kept alive for the same
 * time: what the runtime itself costs. Goal (issue 9): ≤ 400 MB on PGlite.
 */

const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 15);
const bin = fileURLToPath(new URL('../bin/assay.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function idleRss(args: string[], env: NodeJS.ProcessEnv, ready: (line: string) => string | undefined): Promise<number> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let pending = '';
      child.stdout.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        for (const line of pending.split('\n')) {
          const found = ready(line);
          if (found) resolve(found);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before it was ready`)));
      setTimeout(() => reject(new Error('not ready after 180 s')), 180_000).unref();
    });
    if (url.startsWith('http')) {
      const response = await fetch(`${url}/ready`);
      if (!response.ok) throw new Error(`/ready answered ${response.status}`);
    }
    await sleep(idleSeconds * 1000);
    return rssMb(child.pid!);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function benchIdleRss(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-idle-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SMTP_URL: '' };
    delete env.DATABASE_URL;
    const bare = await idleRss(['-e', 'console.log("ready"); setInterval(() => {}, 1000)'], env, (line) => (line.trim() === 'ready' ? 'bare' : undefined));
    const listening = (line: string) => /listening on (http:\/\/[^\s,)]+)/i.exec(line)?.[1];
    const first = await idleRss([bin, 'start'], env, listening);
    const again = await idleRss([bin, 'start'], env, listening);
    console.log(`idle-rss: RSS after /ready and ${idleSeconds} s idle; goal ≤ 400 MB on PGlite`);
    console.log(
      formatTable([
        ['process', 'RSS MB'],
        ['bare node (baseline)', bare.toFixed(0)],
        ['assay start, first start (migrations, catalogs)', first.toFixed(0)],
        ['assay start, restart on the same data', again.toFixed(0)],
      ]),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
