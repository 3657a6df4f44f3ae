import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { newId } from '../ids.js';
import { postgresRateLimitStore } from './rate-limit-store.js';
import { sweepRateLimitsJob } from './sweep-rate-limits.js';
import { rateLimitHits } from './schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

type Store = { incr(key: string, callback: (error: Error | null, hit?: { current: number; ttl: number }) => void, timeWindow?: number): void; child(params: unknown): Store };

function storeFor(url: string): Store {
  const Root = postgresRateLimitStore(t.database.db) as unknown as new () => Store;
  return new Root().child({ routeInfo: { method: 'POST', url } });
}

const incr = (store: Store, key: string, windowMs: number) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) => store.incr(key, (error, hit) => (error ? reject(error) : resolve(hit!)), windowMs));

describe('rate-limit counters in the database', () => {
  it('counts within a window, starts again after it, and keeps routes apart', async () => {
    const client = newId();
    const store = storeFor('/limited');
    const window = 3_000;
    const first = await incr(store, client, window);
    expect(first.current).toBe(1);
    expect(first.ttl).toBeGreaterThan(0);
    expect(first.ttl).toBeLessThanOrEqual(window);
    expect((await incr(store, client, window)).current).toBe(2);
    expect((await incr(storeFor('/other'), client, window)).current).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, window + 100));
    expect((await incr(store, client, window)).current).toBe(1);
  });

  it('keeps client addresses hashed', async () => {
    await incr(storeFor('/hashed'), '203.0.113.9', 60_000);
    const keys = await t.database.db.select({ key: rateLimitHits.key }).from(rateLimitHits);
    expect(keys.some(({ key }) => key.includes('203.0.113.9'))).toBe(false);
  });

  it('sweeps counters of windows long past', async () => {
    const [old, recent] = [newId(), newId()];
    await t.database.db.insert(rateLimitHits).values([
      { key: old, windowStart: sql`now() - interval '2 days'`, hits: 5 },
      { key: recent, windowStart: sql`now()`, hits: 1 },
    ]);
    await sweepRateLimitsJob.run(t.runtime, undefined as never);
    const left = (await t.database.db.select({ key: rateLimitHits.key }).from(rateLimitHits)).map((row) => row.key);
    expect(left).toContain(recent);
    expect(left).not.toContain(old);
  });
});
