import { Worker } from 'node:worker_threads';
import { availableParallelism, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../platform/errors.js';
import type { FromWorker, JobOutcome, QueryOutcome, SetupOutcome, SqlJob } from './protocol.js';

export interface SqlPoolOptions {
  /** Most worker threads at once; each holds a PGlite (~150-300 MB). Default: CPUs, bounded by memory. */
  size?: number;
  /** Booted workers kept while idle, once the pool was used or warmed up. Default 2 (one survives a kill). */
  warm?: number;
  /** An idle worker beyond `warm` is stopped after this long. */
  idleMs?: number;
  /** Jobs waiting for a worker beyond this are refused with 503. */
  maxQueue?: number;
}

export interface SqlPoolStats {
  workers: number;
  idle: number;
  busy: number;
  queued: number;
}

/** Runs SQL jobs in throwaway PGlite databases, each on a worker thread killed at its deadline. */
export interface SqlPool {
  run(job: SqlJob): Promise<JobOutcome>;
  /** Boot the warm workers now, so the first run does not pay initdb; resolves when one is ready. */
  warmUp(): Promise<void>;
  stats(): SqlPoolStats;
  close(): Promise<void>;
}

const workerMemoryBytes = 512 * 1024 * 1024;

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / (4 * workerMemoryBytes))));
}

interface Active {
  job: SqlJob;
  setup?: SetupOutcome;
  queries: QueryOutcome[];
  phase?: { kind: 'setup' } | { kind: 'query'; index: number };
  phaseStarted: number;
  deadline?: NodeJS.Timeout;
  resolve(outcome: JobOutcome): void;
}

interface Slot {
  worker: Worker;
  state: 'booting' | 'idle' | 'busy' | 'gone';
  everReady: boolean;
  active?: Active;
  idleTimer?: NodeJS.Timeout;
}

/** How a phase ends when the worker does not report it: its deadline passed, or the thread died. */
type Interrupted = { kind: 'timeout'; timeMs: number } | { kind: 'error'; message: string; timeMs: number };

interface Waiting {
  job: SqlJob;
  resolve: (outcome: JobOutcome) => void;
  reject: (error: Error) => void;
}

const here = import.meta.url;

/** The empty PGlite data dir workers boot from: made once per process by the first worker (initdb). */
let processTemplate: Uint8Array | undefined;

/** tsx's ESM register API, found through its package's export map (require.resolve picks the CJS build). */
function tsxEsmApi(): string {
  const manifestPath = createRequire(here).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api'].import.default)).href;
}

/** The worker entry: compiled JavaScript when running from a build, TypeScript through tsx otherwise. */
function startWorker(template: Uint8Array | undefined): Worker {
  const options = { workerData: { template }, env: {}, stdout: true, stderr: true, resourceLimits: { maxOldGenerationSizeMb: 512 } };
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), options);
  const entry = new URL('./worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(boot, { ...options, eval: true });
}

export function createSqlPool(options: SqlPoolOptions = {}): SqlPool {
  const size = options.size ?? defaultPoolSize();
  const warm = Math.min(options.warm ?? 2, size);
  const idleMs = options.idleMs ?? 60_000;
  const maxQueue = options.maxQueue ?? 500;
  const slots: Slot[] = [];
  const queue: Waiting[] = [];
  const readyWaiters: Array<() => void> = [];
  let keepWarm = 0;
  let bootFailures = 0;
  let closed = false;

  function finish(slot: Slot): void {
    const active = slot.active;
    if (!active) return;
    clearTimeout(active.deadline);
    slot.active = undefined;
    const setup = active.setup ?? { kind: 'error', message: 'The SQL runner stopped before loading the data', timeMs: 0 };
    active.resolve({ setup, queries: active.queries });
  }

  /** Record what the interrupted phase ended as, then settle the job. */
  function interrupt(slot: Slot, outcome: (timeMs: number) => Interrupted): void {
    const active = slot.active;
    if (!active?.phase) return finish(slot);
    const result = outcome(performance.now() - active.phaseStarted);
    if (active.phase.kind === 'setup') active.setup = result;
    else active.queries[active.phase.index] = result;
    finish(slot);
  }

  function remove(slot: Slot): void {
    if (slot.state === 'gone') return;
    slot.state = 'gone';
    clearTimeout(slot.idleTimer);
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
  }

  function onPhase(slot: Slot, phase: NonNullable<Active['phase']>): void {
    const active = slot.active!;
    clearTimeout(active.deadline);
    active.phase = phase;
    active.phaseStarted = performance.now();
    const limit = phase.kind === 'setup' ? active.job.setupTimeoutMs : active.job.queries[phase.index].timeoutMs;
    active.deadline = setTimeout(() => {
      interrupt(slot, (timeMs) => ({ kind: 'timeout', timeMs }));
      remove(slot);
      adjust();
    }, limit);
  }

  function onMessage(slot: Slot, message: FromWorker): void {
    if (message.type === 'template') {
      processTemplate = message.dataDir;
      return adjust();
    }
    if (slot.state === 'gone') return;
    switch (message.type) {
      case 'ready':
        slot.state = 'idle';
        slot.everReady = true;
        // An idle worker must not keep the process alive; a busy or booting one does.
        slot.worker.unref();
        bootFailures = 0;
        for (const wake of readyWaiters.splice(0)) wake();
        return adjust();
      case 'phase':
        if (!slot.active) return;
        return onPhase(slot, message.phase === 'setup' ? { kind: 'setup' } : { kind: 'query', index: message.index });
      case 'setup':
        if (slot.active) slot.active.setup = message.outcome;
        return;
      case 'query':
        if (slot.active) slot.active.queries[message.index] = message.outcome;
        return;
      case 'done':
        slot.state = 'booting';
        return finish(slot);
      case 'failed':
        return onCrash(slot, message.message);
    }
  }

  function onCrash(slot: Slot, reason: string): void {
    if (slot.state === 'gone') return;
    if (!slot.everReady) bootFailures += 1;
    interrupt(slot, (timeMs) => ({ kind: 'error', message: `The SQL runner stopped: ${reason}`, timeMs }));
    remove(slot);
    if (bootFailures >= 3) {
      bootFailures = 0;
      for (const wake of readyWaiters.splice(0)) wake();
      for (const waiting of queue.splice(0)) waiting.reject(new AppError(503, 'sql_runner_unavailable', `The SQL runner cannot start: ${reason}`));
    }
    adjust();
  }

  function spawn(): void {
    const worker = startWorker(processTemplate);
    const slot: Slot = { worker, state: 'booting', everReady: false };
    slots.push(slot);
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (message: FromWorker) => onMessage(slot, message));
    worker.on('error', (error: Error) => onCrash(slot, error.message));
    worker.on('exit', (code) => onCrash(slot, `exit code ${code}`));
  }

  function assign(slot: Slot, waiting: Waiting): void {
    clearTimeout(slot.idleTimer);
    slot.worker.ref();
    slot.state = 'busy';
    slot.active = { job: waiting.job, queries: [], phaseStarted: performance.now(), resolve: waiting.resolve };
    slot.worker.postMessage({ type: 'run', job: waiting.job });
  }

  /** Hand queued jobs to idle workers, start workers the queue needs, retire surplus idle ones. */
  function adjust(): void {
    if (closed) return;
    for (const slot of slots) {
      if (slot.state === 'idle' && queue.length > 0) assign(slot, queue.shift()!);
    }
    // Only the first worker runs initdb; the others wait for its data dir.
    if (!processTemplate && slots.length > 0) return;
    const booting = slots.filter((s) => s.state === 'booting').length;
    const wanted = Math.max(queue.length - booting, keepWarm - slots.length);
    const room = size - slots.length;
    for (let i = 0; i < Math.min(wanted, room, processTemplate ? room : 1); i += 1) spawn();
    for (const slot of slots) {
      if (slot.state !== 'idle' || slot.idleTimer || slots.length <= keepWarm) continue;
      slot.idleTimer = setTimeout(() => {
        slot.idleTimer = undefined;
        if (slot.state === 'idle' && slots.length > keepWarm) remove(slot);
      }, idleMs);
      slot.idleTimer.unref();
    }
  }

  return {
    run(job) {
      if (closed) return Promise.reject(new AppError(503, 'sql_runner_closed', 'The SQL runner is shutting down'));
      if (queue.length >= maxQueue) return Promise.reject(new AppError(503, 'sql_runner_busy', 'Too many SQL runs are waiting; retry shortly'));
      keepWarm = warm;
      return new Promise<JobOutcome>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        adjust();
      });
    },
    warmUp() {
      keepWarm = warm;
      adjust();
      if (slots.some((s) => s.state === 'idle')) return Promise.resolve();
      return new Promise<void>((resolve) => readyWaiters.push(resolve));
    },
    stats() {
      return {
        workers: slots.length,
        idle: slots.filter((s) => s.state === 'idle').length,
        busy: slots.filter((s) => s.state === 'busy').length,
        queued: queue.length,
      };
    },
    async close() {
      closed = true;
      for (const wake of readyWaiters.splice(0)) wake();
      for (const waiting of queue.splice(0)) waiting.reject(new AppError(503, 'sql_runner_closed', 'The SQL runner is shutting down'));
      const all = [...slots];
      for (const slot of all) interrupt(slot, (timeMs) => ({ kind: 'error', message: 'The SQL runner is shutting down', timeMs }));
      for (const slot of all) remove(slot);
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
