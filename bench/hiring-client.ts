import { Agent, request as httpRequest } from 'node:http';
import { parentPort, Worker } from 'node:worker_threads';

/**
 * The load generator of the hiring-event bench, on a worker thread of its own. Open loop: every
 * request has a time on a schedule fixed before the run, and is sent at that time whether or not
 * the earlier ones have answered, so a slow server cannot slow the load down. Latencies count from
 * the scheduled time, so a request waiting for a socket or for a late timer counts its wait.
 *
 * Candidate i arrives at ramp·i/N: open, accept the terms, start, read the questions (one chain, each
 * step after the previous answer). From then on, on the schedule: a save every `saveEvery` seconds
 * (questions in turn, the revision one higher each time) and a state read every `readEvery` seconds
 * (offset by half a save period), until ramp + window after its arrival, when it finishes. Every
 * candidate is in the middle of its session during [ramp, ramp + window): the measured window.
 */
export interface HiringQuestion {
  id: string;
  /** Choice ids of a choice question; undefined for an essay. */
  choices?: string[];
}

export interface HiringPlan {
  host: string;
  port: number;
  tokens: string[];
  questions: HiringQuestion[];
  rampSeconds: number;
  windowSeconds: number;
  saveEverySeconds: number;
  readEverySeconds: number;
  /** Keep-alive sockets of the client's pool. */
  sockets: number;
  /** A request not answered this long after its scheduled time is a time-out. */
  timeoutMs: number;
}

export interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface HiringResult {
  arrivals: number;
  /** Candidates whose open → terms → start → questions chain went through. */
  started: number;
  /** Arrival chain, from the scheduled arrival to the questions read. */
  arrival: Latencies;
  savesSent: number;
  /** Saves scheduled inside the measured window. */
  windowSaves: Latencies;
  reads: Latencies;
  finishes: Latencies;
  /** Error kinds (operation and HTTP status, socket error code or time-out) → count. */
  errors: Record<string, number>;
  /** Acknowledged (2xx) saves as triples: candidate index, question index, revision sent. */
  acked: Int32Array;
  /** The client's own lateness: the largest delay between a scheduled time and the send, ms. */
  maxTimerLagMs: number;
}

export function latencies(values: number[]): Latencies {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.length === 0 ? 0 : sorted[sorted.length - 1] };
}

const ARRIVE = 0;
const SAVE = 1;
const READ = 2;
const FINISH = 3;

interface Event {
  at: number;
  kind: number;
  candidate: number;
  /** The save's number (revision) for SAVE. */
  step: number;
}

function schedule(plan: HiringPlan): Event[] {
  const events: Event[] = [];
  const n = plan.tokens.length;
  const session = (plan.rampSeconds + plan.windowSeconds) * 1000;
  for (let c = 0; c < n; c += 1) {
    const arrival = (plan.rampSeconds * 1000 * c) / n;
    events.push({ at: arrival, kind: ARRIVE, candidate: c, step: 0 });
    for (let k = 1; k * plan.saveEverySeconds * 1000 < session; k += 1) events.push({ at: arrival + k * plan.saveEverySeconds * 1000, kind: SAVE, candidate: c, step: k });
    for (let k = 1; (k * plan.readEverySeconds - plan.saveEverySeconds / 2) * 1000 < session; k += 1) {
      events.push({ at: arrival + (k * plan.readEverySeconds - plan.saveEverySeconds / 2) * 1000, kind: READ, candidate: c, step: k });
    }
    events.push({ at: arrival + session, kind: FINISH, candidate: c, step: 0 });
  }
  return events.sort((a, b) => a.at - b.at);
}

function responseFor(question: HiringQuestion, step: number): unknown {
  if (question.choices) return { choices: [question.choices[step % question.choices.length]] };
  return { text: `Revision ${step}: I traced the bug to a race between two saves and fixed it with a conditional update on the revision.` };
}

class Failure extends Error {
  constructor(readonly kind: string) {
    super(kind);
  }
}

export async function runHiring(plan: HiringPlan): Promise<HiringResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.sockets });
  const errors: Record<string, number> = {};
  const fail = (operation: string, error: unknown) => {
    const kind = `${operation} ${error instanceof Failure ? error.kind : (error as NodeJS.ErrnoException).code === 'ABORT_ERR' ? 'time-out' : `socket ${(error as NodeJS.ErrnoException).code ?? String(error)}`}`;
    errors[kind] = (errors[kind] ?? 0) + 1;
  };
  let t0 = 0;
  const send = (method: string, path: string, body: unknown, deadline: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
      const req = httpRequest(
        { agent, host: plan.host, port: plan.port, path, method, headers, signal: AbortSignal.timeout(Math.max(1, Math.ceil(deadline - performance.now()))) },
        (res) => {
          res.on('error', reject);
          res.on('end', () => (res.statusCode! >= 200 && res.statusCode! < 300 ? resolve() : reject(new Failure(`HTTP ${res.statusCode}`))));
          res.resume();
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  const events = schedule(plan);
  const n = plan.tokens.length;
  const started = new Uint8Array(n);
  const base = plan.tokens.map((token) => `/candidate/attempts/${encodeURIComponent(token)}`);
  const arrival: number[] = [];
  const saves: number[] = [];
  const reads: number[] = [];
  const finishes: number[] = [];
  const acked: number[] = [];
  const windowStart = plan.rampSeconds * 1000;
  const windowEnd = windowStart + plan.windowSeconds * 1000;
  let savesSent = 0;
  let maxTimerLagMs = 0;
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const fire = (event: Event) => {
    const scheduled = t0 + event.at;
    const deadline = scheduled + plan.timeoutMs;
    const path = base[event.candidate];
    const elapsed = () => performance.now() - scheduled;
    switch (event.kind) {
      case ARRIVE:
        track(
          (async () => {
            await send('GET', path, undefined, deadline);
            await send('POST', `${path}/terms`, undefined, deadline);
            await send('POST', `${path}/start`, undefined, deadline);
            await send('GET', `${path}/questions`, undefined, deadline);
            started[event.candidate] = 1;
            arrival.push(elapsed());
          })().catch((error) => fail('arrival', error)),
        );
        return;
      case SAVE: {
        if (!started[event.candidate]) return fail('save', new Failure('before the start answered'));
        const q = (event.candidate + event.step) % plan.questions.length;
        const question = plan.questions[q];
        savesSent += 1;
        const inWindow = event.at >= windowStart && event.at < windowEnd;
        track(
          send('PUT', `${path}/answers/${question.id}`, { response: responseFor(question, event.step), revision: event.step }, deadline).then(
            () => {
              acked.push(event.candidate, q, event.step);
              if (inWindow) saves.push(elapsed());
            },
            (error) => fail('save', error),
          ),
        );
        return;
      }
      case READ:
        if (!started[event.candidate]) return fail('read', new Failure('before the start answered'));
        track(send('GET', path, undefined, deadline).then(() => void reads.push(elapsed()), (error) => fail('read', error)));
        return;
      case FINISH:
        if (!started[event.candidate]) return fail('finish', new Failure('before the start answered'));
        track(send('POST', `${path}/finish`, undefined, deadline).then(() => void finishes.push(elapsed()), (error) => fail('finish', error)));
    }
  };

  await new Promise<void>((resolve) => {
    let next = 0;
    t0 = performance.now();
    const tick = () => {
      const now = performance.now() - t0;
      while (next < events.length && events[next].at <= now) {
        maxTimerLagMs = Math.max(maxTimerLagMs, now - events[next].at);
        fire(events[next]);
        next += 1;
      }
      if (next < events.length) setTimeout(tick, Math.min(5, Math.max(0, events[next].at - now)));
      else resolve();
    };
    tick();
  });
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  agent.destroy();
  return {
    arrivals: n,
    started: started.reduce((sum, s) => sum + s, 0),
    arrival: latencies(arrival),
    savesSent,
    windowSaves: latencies(saves),
    reads: latencies(reads),
    finishes: latencies(finishes),
    errors,
    acked: Int32Array.from(acked),
    maxTimerLagMs,
  };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (plan: HiringPlan) => {
    runHiring(plan).then(
      (result) => port.postMessage({ result }),
      (error) => port.postMessage({ error: String(error) }),
    );
  });
}

/** Runs one plan on a client thread of its own (./hiring-client-thread.mjs), which ends after. */
export function hiringClient(plan: HiringPlan): Promise<HiringResult> {
  const worker = new Worker(new URL('./hiring-client-thread.mjs', import.meta.url));
  return new Promise<HiringResult>((resolve, reject) => {
    worker.once('message', (message: { result?: HiringResult; error?: string }) => (message.result ? resolve(message.result) : reject(new Error(`hiring client: ${message.error}`))));
    worker.once('error', reject);
    worker.postMessage(plan);
  }).finally(() => void worker.terminate());
}
