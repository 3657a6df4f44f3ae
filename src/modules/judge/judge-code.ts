import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputMatches } from './compare-output.js';
import { languageStatus } from './language-catalog.js';
import type { Language } from './languages.js';
import { BOX } from './sandbox/bwrap-args.js';
import { sandboxHost, type SandboxHost } from './sandbox/host.js';
import { runSandboxed, type SandboxLimits, type SandboxOutcome } from './sandbox/run.js';
import { summarizeVerdicts, type Comparison, type RunVerdict, type TestVerdict, type VerdictStatus } from './verdict.js';

export interface TestCase {
  input: string;
  /**
   * Absent: the reference solution's output stands in for it, or without one the output is not
   * compared (a plain run, as for free-coding questions).
   */
  expected_output?: string;
  hidden?: boolean;
}

/** Limits of one run step (per test case). */
export interface RunLimits {
  /** CPU time. */
  time_ms: number;
  wall_time_ms: number;
  memory_kb: number;
  output_kb: number;
}

export interface CodeSubmission {
  languageId: number;
  source: string;
  tests: TestCase[];
  limits: RunLimits;
  comparison: Comparison;
  /** Run first on test cases without expected_output; its output becomes the expected one. */
  referenceSource?: string | null;
}

const KB = 1024;
/** What the response shows of outputs and compiler messages. */
export const PREVIEW_CHARS = 8 * KB;

// Compilers are trusted programs fed untrusted text: generous limits, still bounded.
const COMPILE_LIMITS: SandboxLimits = {
  cpuMs: 30_000,
  wallMs: 45_000,
  addressSpaceKb: 4 * KB * KB,
  processes: 128,
  fileSizeKb: 256 * KB,
  openFiles: 512,
  outputBytes: 64 * KB,
  tmpfsKb: 512 * KB,
};

// Messages runtimes print when an allocation fails under RLIMIT_AS (or their own heap cap).
const OUT_OF_MEMORY = [
  /MemoryError/, // Python
  /java\.lang\.OutOfMemoryError/,
  /heap out of memory|Array buffer allocation failed|Fatal process OOM|std::bad_alloc/, // Node, C++
  /NoMemoryError|failed to allocate memory/, // Ruby
  /Allowed memory size of \d+ bytes exhausted|Out of memory/, // PHP
  /runtime: out of memory|fatal error: out of memory|cannot allocate memory/i, // Go
  /memory allocation of \d+ bytes failed/, // Rust
];

/** Compiles once, then runs every test case in its own sandbox. Never throws for the candidate's code. */
export async function judgeCode(submission: CodeSubmission): Promise<RunVerdict> {
  const status = await languageStatus(submission.languageId);
  const sandbox = await sandboxHost();
  if (!status?.available || !sandbox.available) {
    const reason = status?.reason ?? (sandbox.available ? `language ${submission.languageId} is not supported` : sandbox.reason);
    return summarizeVerdicts(submission.tests.map((test, index) => failedTest(index, test, 'internal_error', reason)));
  }
  const { host } = sandbox;
  const { language } = status;
  const expected = await expectedOutputs(host, language, submission);
  return withProgram(host, language, submission.source, async (workdir, compileError) => {
    if (compileError !== undefined) {
      return summarizeVerdicts(submission.tests.map((test, index) => failedTest(index, test, 'compile_error', 'compilation failed')), compileError);
    }
    const verdicts: TestVerdict[] = [];
    for (const [index, test] of submission.tests.entries()) {
      const want = expected[index];
      if (want !== null && typeof want !== 'string') {
        verdicts.push(failedTest(index, test, 'internal_error', want.problem));
        continue;
      }
      const outcome = await runTest(host, language, workdir, test.input, submission.limits);
      verdicts.push(testVerdict(index, test, want, outcome, submission));
    }
    return summarizeVerdicts(verdicts);
  });
}

type Expected = string | null | { problem: string };

/** The expected output of each test case: given, produced by the reference solution, or null (not compared). */
async function expectedOutputs(host: SandboxHost, language: Language, submission: CodeSubmission): Promise<Expected[]> {
  const given = submission.tests.map((test) => test.expected_output ?? null);
  const reference = submission.referenceSource;
  if (!reference || given.every((value) => value !== null)) return given;
  return withProgram(host, language, reference, async (workdir, compileError) => {
    const filled: Expected[] = [];
    for (const [index, test] of submission.tests.entries()) {
      const value = given[index];
      if (value !== null) filled.push(value);
      else if (compileError !== undefined) filled.push({ problem: 'the reference solution does not compile' });
      else {
        const outcome = await runTest(host, language, workdir, test.input, submission.limits);
        const ok = outcome.exitCode === 0 && !outcome.timedOut && !outcome.outputExceeded && !outcome.supervisorLost;
        filled.push(ok ? outcome.stdout : { problem: `the reference solution failed on this test (${describeExit(outcome)})` });
      }
    }
    return filled;
  });
}

/** A private workdir holding the source, compiled when the language needs it; removed afterwards. */
export async function withProgram<T>(host: SandboxHost, language: Language, source: string, use: (workdir: string, compileError: string | undefined) => Promise<T>): Promise<T> {
  const workdir = mkdtempSync(join(host.scratch, 'run-'));
  try {
    chmodSync(workdir, 0o755);
    if (host.spawnAs) chownSync(workdir, host.spawnAs.uid, host.spawnAs.gid); // the compiler writes here as nobody
    writeFileSync(join(workdir, language.sourceFile), source, { mode: 0o644 });
    return await use(workdir, await compile(host, language, workdir));
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
}

export function runTest(host: SandboxHost, language: Language, workdir: string, input: string, limits: RunLimits): Promise<SandboxOutcome> {
  const step = language.run(limits.memory_kb);
  return runSandboxed(host, {
    argv: step.argv,
    stdin: input,
    limits: runLimits(language, limits),
    mounts: { workdir, workdirWritable: false, readOnly: step.readOnly ?? [], env: step.env ?? {}, cwd: '/tmp' },
  });
}

/** Returns the compiler's message when compiling failed, undefined when it succeeded (or nothing to compile). */
async function compile(host: SandboxHost, language: Language, workdir: string): Promise<string | undefined> {
  if (!language.compile) return undefined;
  const outcome = await runSandboxed(host, {
    argv: language.compile.argv,
    stdin: '',
    limits: COMPILE_LIMITS,
    mounts: { workdir, workdirWritable: true, readOnly: language.compile.readOnly ?? [], env: language.compile.env ?? {}, cwd: BOX },
  });
  if (outcome.sandboxFailed) throw new Error(`the compile sandbox failed to start: ${outcome.stderr.slice(0, 500)}`);
  if (outcome.exitCode === 0 && !outcome.outputExceeded && !outcome.timedOut) return undefined;
  const message = `${outcome.stdout}${outcome.stdout && outcome.stderr ? '\n' : ''}${outcome.stderr}`.trim();
  const why = outcome.timedOut ? 'the compiler ran past its time limit' : outcome.outputExceeded ? 'the compiler printed too much' : '';
  return truncate([message, why].filter(Boolean).join('\n') || `the compiler failed (${describeExit(outcome)})`);
}

function runLimits(language: Language, limits: RunLimits): SandboxLimits {
  return {
    cpuMs: limits.time_ms,
    wallMs: limits.wall_time_ms,
    addressSpaceKb: language.addressSpaceKb(limits.memory_kb),
    processes: language.processes + 2, // bubblewrap's init and the supervisor count too
    fileSizeKb: 16 * KB,
    openFiles: 256,
    outputBytes: limits.output_kb * KB,
    tmpfsKb: 32 * KB,
  };
}

function testVerdict(index: number, test: TestCase, expected: string | null, outcome: SandboxOutcome, submission: CodeSubmission): TestVerdict {
  const { limits } = submission;
  const base = {
    index,
    hidden: test.hidden === true,
    time_ms: Math.round(outcome.cpuMs * 10) / 10,
    memory_kb: outcome.memoryKb,
    exit_code: outcome.exitCode,
    signal: outcome.signal,
    stdout: test.hidden ? null : truncate(outcome.stdout),
    stderr: test.hidden ? null : truncate(outcome.stderr),
    expected_output: test.hidden ? null : expected,
  };
  const verdict = (status: VerdictStatus, message: string | null): TestVerdict => ({ ...base, status, message });

  if (outcome.sandboxFailed) return verdict('internal_error', 'the sandbox failed to start');
  if (outcome.supervisorLost) return verdict('runtime_error', 'the program killed its sandbox supervisor');
  if (outcome.outputExceeded) return verdict('output_limit_exceeded', `output past ${limits.output_kb} KiB`);
  if (outcome.timedOut) return verdict('time_limit_exceeded', `wall-clock limit of ${limits.wall_time_ms} ms`);
  if (outcome.cpuMs > limits.time_ms || outcome.signal === 'SIGXCPU') return verdict('time_limit_exceeded', `CPU time limit of ${limits.time_ms} ms`);
  const failed = outcome.exitCode !== 0;
  if (outcome.memoryKb > limits.memory_kb || (failed && OUT_OF_MEMORY.some((pattern) => pattern.test(outcome.stderr)))) {
    return verdict('memory_limit_exceeded', `memory limit of ${limits.memory_kb} KiB`);
  }
  // Killed by SIGXFSZ, or (runtimes that ignore it, like Python) failing with EFBIG.
  if (outcome.signal === 'SIGXFSZ' || (failed && /File too large|EFBIG/.test(outcome.stderr))) return verdict('runtime_error', 'file size limit exceeded');
  if (failed) return verdict('runtime_error', describeExit(outcome));
  if (expected === null) return verdict('accepted', 'no expected output: the output was not compared');
  if (!outputMatches(outcome.stdout, expected, submission.comparison)) return verdict('wrong_answer', null);
  return verdict('accepted', null);
}

/** The verdict of a test case that could not run (compile error, judge failure). */
export function failedTest(index: number, test: TestCase, status: VerdictStatus, message: string): TestVerdict {
  return {
    index,
    status,
    hidden: test.hidden === true,
    time_ms: 0,
    memory_kb: 0,
    exit_code: null,
    signal: null,
    stdout: null,
    stderr: null,
    expected_output: test.hidden ? null : (test.expected_output ?? null),
    message,
  };
}

function describeExit(outcome: SandboxOutcome): string {
  return outcome.signal ? `killed by ${outcome.signal}` : `exit code ${outcome.exitCode ?? 'unknown'}`;
}

function truncate(text: string): string {
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}
