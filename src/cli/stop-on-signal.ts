import type { Logger } from 'pino';

/**
 * Runs `stop` on the first SIGINT or SIGTERM, logging one line, then exits 0 (1 if stopping failed).
 * Repeats are ignored while it drains: the terminal sends Ctrl-C to every process of its group and
 * npm forwards it too, so one keypress can arrive twice.
 */
export function stopOnSignal(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${signal}: shutting down (finishing requests and jobs in progress)`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
