import { pino, type Logger } from 'pino';

/**
 * The process logger: JSON lines written asynchronously (flushed on exit). Lines logged while a
 * write is in flight go out together, so a busy server makes one write per batch of access lines
 * instead of one blocking syscall per line, and an idle one still writes each line at once.
 * `dest` defaults to standard output.
 */
export function createLogger(level: string, dest: number | string = 1): Logger {
  return pino({ level }, pino.destination({ dest, sync: false }));
}
