import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { OUTBOX_CHANNEL } from './enqueue-job.js';

const RECONNECT_MS = 2_000;

/**
 * Calls `onNotify` whenever a transaction that enqueued a job commits. On PGlite the notification
 * arrives on the one connection; on PostgreSQL a dedicated client (outside the pool) listens and
 * reconnects after errors, calling `onNotify` again on reconnect since notifications sent while it
 * was away are lost. Returns the function that stops listening.
 */
export async function listenForOutbox(database: Database, onNotify: () => void, log: Logger): Promise<() => Promise<void>> {
  if (database.kind === 'pglite') {
    const unlisten = await database.pglite!.listen(OUTBOX_CHANNEL, onNotify);
    return unlisten;
  }
  const options = database.pool!.options;
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(options);
    next.on('notification', onNotify);
    next.on('error', (error) => {
      log.warn({ err: error }, 'job outbox listener lost its connection');
      next.end().catch(() => undefined);
      if (client === next) client = undefined;
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
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
        .then(onNotify)
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
