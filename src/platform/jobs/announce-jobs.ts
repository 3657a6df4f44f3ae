import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';

/** The channel on which a process tells the others that a queue has jobs ready; payload `origin:queue`. */
export const JOBS_CHANNEL = 'assay_jobs';

interface Signal {
  local: EventEmitter;
  /** Tells this process's own notifications apart from the others'. */
  origin: string;
  /** Queues announced this tick, told to the other processes in one NOTIFY statement. */
  pending: Set<string>;
  scheduled: boolean;
}

const signals = new WeakMap<Database, Signal>();

function signalOf(database: Database): Signal {
  let signal = signals.get(database);
  if (!signal) {
    signal = { local: new EventEmitter(), origin: randomUUID(), pending: new Set(), scheduled: false };
    signal.local.setMaxListeners(0);
    signals.set(database, signal);
  }
  return signal;
}

/**
 * Wakes the workers of these queues: at once in this process (PGlite has no other), and on
 * PostgreSQL in every other process too, through one NOTIFY statement per tick. A lost
 * announcement only delays the pickup to the workers' next poll, so a failed NOTIFY is not an error.
 */
export function announceJobs(database: Database, queues: Iterable<string>): void {
  const signal = signalOf(database);
  for (const queue of queues) {
    signal.local.emit('jobs', queue);
    if (database.kind === 'postgres') signal.pending.add(queue);
  }
  if (signal.pending.size === 0 || signal.scheduled) return;
  signal.scheduled = true;
  setImmediate(() => {
    const pending = [...signal.pending];
    signal.pending.clear();
    signal.scheduled = false;
    database
      .query(`SELECT pg_notify($1, $2 || ':' || queue) FROM unnest($3::text[]) AS queue`, [JOBS_CHANNEL, signal.origin, pending])
      .catch(() => undefined);
  });
}

/** Calls `listener` with the queue name whenever jobs are announced for it in this process. */
export function onJobsAnnounced(database: Database, listener: (queue: string) => void): () => void {
  const { local } = signalOf(database);
  local.on('jobs', listener);
  return () => local.off('jobs', listener);
}

/** The queue a notification on JOBS_CHANNEL names, or undefined when this process sent it (already woken). */
export function announcedQueue(database: Database, payload: string): string | undefined {
  const at = payload.indexOf(':');
  if (at < 0 || payload.slice(0, at) === signalOf(database).origin) return undefined;
  return payload.slice(at + 1);
}
