import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { OUTBOX_CHANNEL } from './enqueue-job.js';
import { JOBS_CHANNEL } from './announce-jobs.js';

const RECONNECT_MS = 2_000;

export interface JobNotifications {
  /** A transaction that enqueued jobs committed (also called after a reconnect: some may be lost). */
  outbox(): void;
  /** A payload on JOBS_CHANNEL: a process announced jobs of a queue (PostgreSQL only). */
  announced?(payload: string): void;
}

/**
 * Calls `on.outbox` whenever a transaction that enqueued a job commits. On PGlite the notification
 * arrives on the one connection, and announcements of ready jobs never leave the process (see
 * ./announce-jobs.ts). On PostgreSQL a dedicated client (outside the pool) listens on both channels
 * and reconnects after errors, calling `on.outbox` again on reconnect since notifications sent
 * while it was away are lost. Returns the function that stops listening.
 */
export async function listenForOutbox(database: Database, on: JobNotifications, log: Logger): Promise<() => Promise<void>> {
  if (database.kind === 'pglite') {
    const unlisten = await database.pglite!.listen(OUTBOX_CHANNEL, () => on.outbox());
    return unlisten;
  }
  const options = database.pool!.options;
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(options);
    next.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL) on.outbox();
      else if (message.channel === JOBS_CHANNEL && message.payload) on.announced?.(message.payload);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'job outbox listener lost its connection');
      next.end().catch(() => undefined);
      if (client === next) client = undefined;
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
    if (on.announced) await next.query(`LISTEN ${JOBS_CHANNEL}`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
  };
  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect()
        .then(() => on.outbox())
        .catch((error) => {
          log.warn({ err: error }, 'job outbox listener could not reconnect');
          scheduleReconnect();
        });
    }, RECONNECT_MS);
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
