import nodemailer, { type Transporter } from 'nodemailer';
import type { Runtime } from '../runtime.js';

/** Parallel SMTP connections of one process; sends beyond them wait in nodemailer's queue. */
export const SMTP_CONNECTIONS = 5;
/** Messages over one connection before nodemailer opens a fresh one. */
const MESSAGES_PER_CONNECTION = 1000;

const transports = new WeakMap<Runtime, Transporter>();

/**
 * The runtime's pooled SMTP transport: created with the first mail, reused by every delivery job
 * (no connection and greeting per message), closed once the job queue has stopped and its
 * running jobs have ended.
 */
export function mailTransport(runtime: Runtime, smtpUrl: string): Transporter {
  let transport = transports.get(runtime);
  if (!transport) {
    const created = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: SMTP_CONNECTIONS,
      maxMessages: MESSAGES_PER_CONNECTION,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    transports.set(runtime, created);
    runtime.jobs.afterStop(async () => {
      transports.delete(runtime);
      created.close();
    });
    transport = created;
  }
  return transport;
}
