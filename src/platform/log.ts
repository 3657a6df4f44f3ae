import { pino, type Logger } from 'pino';
import { SecretRedactor } from './http/redact-secrets.js';

/**
 * The process logger: JSON lines written asynchronously (flushed on exit). Lines logged while a
 * write is in flight go out together, so a busy server makes one write per batch of access lines
 * instead of one blocking syscall per line, and an idle one still writes each line at once.
 * `dest` defaults to standard output. `url`, `req` and `err` fields pass the secret-redaction rule
 * (the HTTP app adds what its routes know on top).
 */
export function createLogger(level: string, dest: number | string = 1): Logger {
  return pino({ level, serializers: new SecretRedactor().serializers() }, pino.destination({ dest, sync: false }));
}
