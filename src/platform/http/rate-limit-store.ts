import { sql } from 'drizzle-orm';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/client.js';
import { hashSecret } from '../ids.js';
import { rateLimitHits } from './schema.js';

interface Hit {
  current: number;
  ttl: number;
}

type Callback = (error: Error | null, hit?: Hit) => void;

/** One atomic upsert: a hit in the current window, or the first hit of a new one. */
async function hit(db: Db, key: string, windowMs: number): Promise<Hit> {
  const expired = sql`${rateLimitHits.windowStart} + ${windowMs} * interval '1 millisecond' <= now()`;
  const rows = await db
    .insert(rateLimitHits)
    .values({ key, windowStart: sql`now()`, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimitHits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimitHits.hits} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimitHits.windowStart} end`,
      },
    })
    .returning({
      hits: rateLimitHits.hits,
      ttl: sql<string>`ceil(extract(epoch from (${rateLimitHits.windowStart} + ${windowMs} * interval '1 millisecond' - now())) * 1000)`,
    });
  return { current: rows[0].hits, ttl: Math.max(0, Number(rows[0].ttl)) };
}

/**
 * A store for @fastify/rate-limit kept in PostgreSQL, so every API process counts against the same
 * limit (the plugin's own store is per process: N processes would allow N × max). Each route gets
 * its own counters; client keys are stored hashed.
 */
export function postgresRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore {
    /** The plugin constructs the root store with its options; routes get children scoped to them. */
    constructor(_options?: unknown, private readonly scope = '') {}

    /** The plugin passes each route's window (ms) as the third argument. */
    incr(key: string, callback: Callback, timeWindow = 60_000): void {
      hit(db, hashSecret(`${this.scope} ${key}`), timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    /** Called with the route's merged limit settings, which carry the route as `routeInfo`. */
    child(params: unknown) {
      const route = (params as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new PostgresRateLimitStore(undefined, `${String(route.method ?? '')} ${route.url ?? ''}`);
    }
  }
  return PostgresRateLimitStore;
}
