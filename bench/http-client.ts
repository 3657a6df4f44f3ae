import { Agent, request as httpRequest } from 'node:http';
import { parentPort, Worker } from 'node:worker_threads';
import { measure, type Measurement, type MeasureOptions } from './measure.js';

/**
 * The HTTP load generator of the get-by-id bench, on a worker thread of its own: like wrk or
 * autocannon it does not share the server's event loop, so the server's figure is the server's
 * cost, not the client's. node:http with a keep-alive agent (fetch's WHATWG layer costs more per
 * call than the server under test).
 */
export interface HttpTarget {
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
}

function get(agent: Agent, target: HttpTarget): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ agent, host: target.host, port: target.port, path: target.path, headers: target.headers, method: 'GET' }, (res) => {
      res.on('error', reject);
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`GET ${target.path}: HTTP ${res.statusCode}`))));
      res.resume();
    });
    req.on('error', reject);
    req.end();
  });
}

if (parentPort) {
  const port = parentPort;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const answer = async ({ target, options }: { target: HttpTarget; options: MeasureOptions }) => {
    try {
      port.postMessage({ result: await measure(() => get(agent, target), options) });
    } catch (error) {
      port.postMessage({ error: String(error) });
    }
  };
  port.on('message', (message: { target: HttpTarget; options: MeasureOptions }) => void answer(message));
}

/** A client thread; `measure` runs one measurement there, `close` ends it. */
export function httpClient(): { measure(target: HttpTarget, options: MeasureOptions): Promise<Measurement>; close(): Promise<number> } {
  const worker = new Worker(new URL('./http-client-thread.mjs', import.meta.url));
  return {
    measure(target, options) {
      return new Promise((resolve, reject) => {
        worker.once('message', (message: { result?: Measurement; error?: string }) => (message.result ? resolve(message.result) : reject(new Error(`${target.host}:${target.port}${target.path}: ${message.error}`))));
        worker.postMessage({ target, options });
      });
    },
    close: () => worker.terminate(),
  };
}
