/** Timing helpers for the benchmarks: warm up, then run N operations with a fixed concurrency. */

export interface MeasureOptions {
  warmup: number;
  iterations: number;
  concurrency: number;
}

export interface Measurement {
  opsPerSecond: number;
  /** Median latency of one operation, in milliseconds (with concurrency 1 it is the plain latency). */
  medianMs: number;
}

async function runBatch(operation: () => Promise<unknown>, count: number, concurrency: number, latencies?: number[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next += 1;
      const started = performance.now();
      await operation();
      latencies?.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

export async function measure(operation: () => Promise<unknown>, options: MeasureOptions): Promise<Measurement> {
  await runBatch(operation, options.warmup, options.concurrency);
  const latencies: number[] = [];
  const started = performance.now();
  await runBatch(operation, options.iterations, options.concurrency, latencies);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  return { opsPerSecond: options.iterations / seconds, medianMs: latencies[Math.floor(latencies.length / 2)] };
}

export function formatTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((cell, i) => (/^[\d.,x×%-]+$/.test(cell) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
