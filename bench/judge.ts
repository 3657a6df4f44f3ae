import { spawn } from 'node:child_process';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { pino } from 'pino';
import { loadConfig } from '../src/platform/config.js';
import { createRuntime } from '../src/platform/create-runtime.js';
import { modules } from '../src/modules/index.js';
import { createWorkspace } from '../src/modules/identity/workspaces/create-workspace.js';
import { languageCatalog } from '../src/modules/judge/language-catalog.js';
import type { Language } from '../src/modules/judge/languages.js';
import { resolveLimits, runSubmission, waitForRun } from '../src/modules/judge/run-submission.js';
import { runTest, withProgram, type RunLimits } from '../src/modules/judge/judge-code.js';
import { startJudgePool } from '../src/modules/judge/judge-pool.js';
import { BOX } from '../src/modules/judge/sandbox/bwrap-args.js';
import { sandboxHost } from '../src/modules/judge/sandbox/host.js';
import { SUM_PROGRAMS } from '../src/modules/judge/sum-programs.js';
import { formatTable } from './measure.js';

/**
 * The judge's cost: one test case in the sandbox (bubblewrap + supervisor + rlimits) against a bare
 * spawn of the same interpreter or binary from the same process, per language, interleaved so load
 * drifts hit both alike; then 200 queued Python submissions of 5 test cases through the judge_runs
 * queue and pool, against the same 1000 bare spawns on as many lanes as the pool has workers.
 */

const INPUT = '20 22\n';
const limits: RunLimits = resolveLimits({ time_ms: 5000, memory_kb: 256 * 1024 });

/** A bare spawn: same argv (with /box pointing at the host workdir), same clean environment. */
function bareRun(argv: string[], env: Record<string, string>, workdir: string, input: string): Promise<string> {
  const [command, ...args] = argv.map((arg) => arg.replace(BOX, workdir));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { PATH: '/usr/bin:/bin', HOME: tmpdir(), TMPDIR: tmpdir(), LANG: 'C.UTF-8', ...env }, cwd: tmpdir() });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

const quantile = (values: number[], q: number) => [...values].sort((x, y) => x - y)[Math.floor(values.length * q)];
const median = (values: number[]) => quantile(values, 0.5);

async function languageOverhead(language: Language, iterations: number): Promise<string[]> {
  const sandbox = await sandboxHost();
  if (!sandbox.available) throw new Error(sandbox.reason);
  const host = sandbox.host;
  return withProgram(host, language, SUM_PROGRAMS[language.id], async (workdir, compileError) => {
    if (compileError) return [language.name, 'compile error', '', '', ''];
    const step = language.run(limits.memory_kb);
    const sandboxed: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < iterations + 3; i += 1) {
      let started = performance.now();
      const inside = await runTest(host, language, workdir, INPUT, limits);
      const sandboxMs = performance.now() - started;
      started = performance.now();
      const outside = await bareRun(step.argv, step.env ?? {}, workdir, INPUT);
      const bareMs = performance.now() - started;
      if (inside.stdout !== '42\n' || outside !== '42\n') throw new Error(`${language.name}: unexpected output ${JSON.stringify([inside.stdout, inside.stderr, outside])}`);
      if (i < 3) continue; // warm-up: page cache, first-spawn costs
      sandboxed.push(sandboxMs);
      bare.push(bareMs);
    }
    return [
      language.name,
      median(bare).toFixed(1),
      median(sandboxed).toFixed(1),
      (median(sandboxed) - median(bare)).toFixed(1),
      (quantile(sandboxed, 0.1) - quantile(bare, 0.1)).toFixed(1),
    ];
  });
}

async function throughput(submissions: number, testsPerSubmission: number): Promise<string[][]> {
  const config = loadConfig(process.env, { embedded: 'memory', workers: false, logLevel: 'silent' });
  const runtime = await createRuntime(config, { modules, logger: pino({ level: 'silent' }) });
  const size = availableParallelism();
  const pool = startJudgePool(runtime, { size });
  try {
    const workspace = await createWorkspace(runtime.database.db, { name: 'Judge bench' });
    const tenant = { workspaceId: workspace.id };
    const tests = Array.from({ length: testsPerSubmission }, () => ({ input: INPUT, expected_output: '42' }));
    const source = SUM_PROGRAMS[71];

    // Warm the pool's first sandboxes and the interpreter's pages before timing.
    await runSubmission(runtime, tenant, { languageId: 71, source, tests, waitMs: 30_000 });

    let started = performance.now();
    const runs = await Promise.all(Array.from({ length: submissions }, () => runSubmission(runtime, tenant, { languageId: 71, source, tests, limits })));
    for (const run of runs) {
      let current = run;
      while (current.status !== 'done') current = await waitForRun(runtime, tenant, run.id, 30_000);
      if (current.verdicts?.status !== 'accepted') throw new Error(`run ${run.id}: ${JSON.stringify(current.verdicts)}`);
    }
    const judged = submissions / ((performance.now() - started) / 1000);

    const argv = ['/usr/bin/python3', '-I', `${BOX}/main.py`];
    const python = (await languageCatalog()).find((s) => s.language.id === 71)!.language;
    const spawned = await withProgram((await sandboxHost() as { host: Parameters<typeof withProgram>[0] }).host, python, source, async (workdir) => {
      let next = 0;
      started = performance.now();
      const lane = async () => {
        while (next < submissions) {
          next += 1;
          for (let i = 0; i < testsPerSubmission; i += 1) await bareRun(argv, {}, workdir, INPUT);
        }
      };
      await Promise.all(Array.from({ length: size }, lane));
      return submissions / ((performance.now() - started) / 1000);
    });
    return [
      ['path', 'submissions/s', 'tests/s', 'vs bare'],
      [`bare spawns (${size} lanes)`, spawned.toFixed(1), (spawned * testsPerSubmission).toFixed(0), '1.00x'],
      [`judge queue + pool (${size} workers)`, judged.toFixed(1), (judged * testsPerSubmission).toFixed(0), `${(judged / spawned).toFixed(2)}x`],
    ];
  } finally {
    await pool.stop();
    await runtime.close();
  }
}

export async function benchJudge(): Promise<void> {
  const sandbox = await sandboxHost();
  if (!sandbox.available) {
    console.log(`judge: skipped (${sandbox.reason})`);
    return;
  }
  console.log(`\n## judge — sandboxed test case vs bare spawn (load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs)\n`);
  // Wall times per test case: medians, and the difference of the 10th percentiles (the cost on an
  // idle moment; other load on the machine inflates the medians of multi-threaded runtimes).
  const rows = [['language', 'bare ms', 'sandbox ms', 'added ms', 'added p10 ms']];
  for (const status of await languageCatalog()) {
    if (!status.available) {
      rows.push([status.language.name, 'unavailable', '', '', '']);
      continue;
    }
    const iterations = status.language.id === 71 ? 100 : 20;
    rows.push(await languageOverhead(status.language, iterations));
  }
  console.log(formatTable(rows));
  console.log('\n## judge — 200 queued Python submissions × 5 test cases\n');
  console.log(formatTable(await throughput(200, 5)));
}
