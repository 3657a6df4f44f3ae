import { pino, type Logger } from 'pino';

/**
 * The process logger: JSON lines through a buffered destination (flushed at 4 KB and on exit), so
 * a busy server makes one write per few dozen access lines instead of one syscall per line.
 * `dest` defaults to standard output.
 */
export function createLogger(level: string, dest: number | string = 1): Logger {
  return pino({ level }, pino.destination({ dest, sync: false, minLength: 4096 }));
}
