import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { eq, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import type { Database } from '../db/client.js';
import { createRuntime } from '../create-runtime.js';
import type { Runtime } from '../runtime.js';
import { newId } from '../ids.js';
import { testConfig } from '../../../test/support/app.js';
import { uniqueEmail } from '../../../test/support/fixtures.js';
import { eventually, fastJobs, workerDatabase, type WorkerDatabase } from '../../../test/support/worker-database.js';
import { DELIVER_MAIL, MAIL_BATCH, queueMail, queueMails, type MailMessage } from './queue-mail.js';
import { SMTP_CONNECTIONS } from './mail-transport.js';
import { mailOutbox } from './schema.js';
import { sweepMail } from './sweep-mail.js';

/** A local SMTP server that keeps what arrives and can turn recipients away a number of times. */
async function smtpSink() {
  const arrived: ParsedMail[] = [];
  const refusals = new Map<string, number>();
  const connections = { opened: 0, closed: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections.opened += 1;
      callback();
    },
    onClose() {
      connections.closed += 1;
    },
    onRcptTo(address, _session, callback) {
      const left = refusals.get(address.address) ?? 0;
      if (left > 0) {
        refusals.set(address.address, left - 1);
        return callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          arrived.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    arrived,
    connections,
    refuse: (address: string, times: number) => refusals.set(address, times),
    to: (address: string) => arrived.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value.some((a) => a.address === address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function logCollector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('mail delivery', () => {
  let store: WorkerDatabase;
  let database: Database;
  let runtime: Runtime;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  const logs = logCollector();

  const queue = (message: MailMessage) => database.db.transaction((tx) => queueMail(tx, message));
  const row = async (id: string) => (await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0];
  const invites = (recipients: string[]): MailMessage[] =>
    recipients.map((to) => ({ to, template: 'workspace_invite', data: { name: 'Batch', workspace: 'Acme', link: 'https://app.example.test/i' } }));
  /** The pg-boss jobs whose batch holds the outbox row `id`. */
  const jobsCarrying = (id: string) =>
    database.query<{ id: string; state: string; retry_count: number; data: { outboxIds: string[] } }>(
      `SELECT id, state, retry_count, data FROM pgboss.job WHERE name = $1 AND data->'outboxIds' ? $2`,
      [DELIVER_MAIL, id],
    );

  beforeAll(async () => {
    smtp = await smtpSink();
    store = await workerDatabase();
    database = await store.open();
    runtime = await createRuntime(testConfig({ workers: true, smtpUrl: smtp.url }), {
      database,
      logger: logs.logger,
      jobs: { ...fastJobs, queueOptions: { 'mail.deliver': { retryLimit: 2, retryDelay: 1 } } },
    });
  });

  afterAll(async () => {
    await runtime?.close();
    await database?.close();
    await store?.drop();
    await smtp?.close();
  });

  it('sends a queued password reset in Portuguese once the transaction commits', async () => {
    const to = uniqueEmail('reset');
    const id = await queue({ to, template: 'password_reset', language: 'pt-BR', data: { name: 'Ana', link: 'https://app.example.test/reset?t=abc' } });
    const [mail] = await eventually(async () => (smtp.to(to).length ? smtp.to(to) : undefined), 20_000, 'the reset mail');
    expect(mail.subject).toBe('Redefina sua senha do Assay');
    expect(mail.text).toContain('Olá, Ana,');
    expect(mail.text).toContain('Redefinir senha: https://app.example.test/reset?t=abc');
    expect(mail.html).toContain('href="https://app.example.test/reset?t=abc"');
    expect(mail.from?.text).toContain('no-reply@assay.local');
    const sent = await eventually(async () => ((await row(id)).status === 'sent' ? row(id) : undefined), 20_000, 'status sent');
    expect(sent.attempts).toBe(1);
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it('sends a workspace invite in Spanish', async () => {
    const to = uniqueEmail('invite');
    await queue({ to, template: 'workspace_invite', language: 'es', data: { name: 'Luis', workspace: 'Acme <Labs>', link: 'https://app.example.test/invite/x' } });
    const [mail] = await eventually(async () => (smtp.to(to).length ? smtp.to(to) : undefined), 20_000, 'the invite');
    expect(mail.subject).toBe('Te invitaron a unirte a Acme <Labs> en Assay');
    expect(mail.text).toContain('Hola, Luis:');
    expect(mail.text).toContain('espacio de trabajo Acme <Labs> en Assay');
    expect(mail.html).toContain('Acme &lt;Labs&gt;');
    expect(mail.html).not.toContain('Acme <Labs>');
  });

  it('sends a burst over the pooled connections instead of one connection per mail', async () => {
    const burst = 4 * SMTP_CONNECTIONS;
    const before = smtp.connections.opened;
    const recipients = Array.from({ length: burst }, (_, n) => uniqueEmail(`burst${n}`));
    await database.db.transaction((tx) =>
      queueMails(tx, recipients.map((to) => ({ to, template: 'workspace_invite' as const, data: { name: 'Burst', workspace: 'Acme', link: 'https://app.example.test/i' } }))),
    );
    await eventually(async () => recipients.every((to) => smtp.to(to).length === 1), 20_000, 'the whole burst');
    expect(smtp.connections.opened - before).toBeLessThanOrEqual(SMTP_CONNECTIONS);
  });

  it('delivers a batch in one job; a mail turned away is retried alone while the rest of its batch is sent once', async () => {
    const recipients = Array.from({ length: 12 }, (_, n) => uniqueEmail(`partial${n}`));
    const refused = recipients[5];
    smtp.refuse(refused, 1);
    const ids = await database.db.transaction((tx) => queueMails(tx, invites(recipients)));

    const sent = await eventually(async () => ((await row(ids[5])).status === 'sent' ? row(ids[5]) : undefined), 20_000, 'the refused mail sent on retry');
    expect(sent.attempts).toBe(2);
    expect(sent.lastError).toBeNull();
    for (const [n, to] of recipients.entries()) {
      expect(smtp.to(to)).toHaveLength(1);
      expect(await row(ids[n])).toMatchObject({ status: 'sent', attempts: n === 5 ? 2 : 1, lockedUntil: null });
    }
    // One job carried the whole batch; it failed once for the refused mail and its retry succeeded.
    const [job, ...others] = await jobsCarrying(ids[0]);
    expect(others).toEqual([]);
    expect(job.data.outboxIds).toEqual(ids);
    expect(job).toMatchObject({ state: 'completed', retry_count: 1 });
  });

  it('marks the mail that keeps being turned away failed and the rest of its batch sent once', async () => {
    const recipients = Array.from({ length: 4 }, (_, n) => uniqueEmail(`spoiled${n}`));
    smtp.refuse(recipients[0], 100);
    const ids = await database.db.transaction((tx) => queueMails(tx, invites(recipients)));

    const failed = await eventually(async () => ((await row(ids[0])).status === 'failed' ? row(ids[0]) : undefined), 30_000, 'status failed');
    expect(failed).toMatchObject({ attempts: 3, lockedUntil: null, sentAt: null });
    expect(failed.lastError).toMatch(/451/);
    expect(smtp.to(recipients[0])).toHaveLength(0);
    for (const n of [1, 2, 3]) {
      expect(smtp.to(recipients[n])).toHaveLength(1);
      expect(await row(ids[n])).toMatchObject({ status: 'sent', attempts: 1 });
    }
    const [job] = await jobsCarrying(ids[0]);
    // The last attempt marked the mail failed instead of failing the job again.
    expect(job).toMatchObject({ state: 'completed', retry_count: 2 });
  });

  it('splits a large burst into jobs of MAIL_BATCH and sends every mail once', async () => {
    const recipients = Array.from({ length: 2 * MAIL_BATCH + 3 }, (_, n) => uniqueEmail(`split${n}`));
    const ids = await database.db.transaction((tx) => queueMails(tx, invites(recipients)));

    await eventually(async () => recipients.every((to) => smtp.to(to).length === 1), 30_000, 'every mail of the burst');
    await eventually(async () => (await Promise.all(ids.map(row))).every((mail) => mail.status === 'sent'), 20_000, 'every row sent');
    const jobs = new Map<string, string[]>();
    for (const id of [ids[0], ids[MAIL_BATCH], ids.at(-1)!]) for (const job of await jobsCarrying(id)) jobs.set(job.id, job.data.outboxIds);
    expect([...jobs.values()].map((batch) => batch.length).sort((a, b) => a - b)).toEqual([3, MAIL_BATCH, MAIL_BATCH]);
    expect([...jobs.values()].flat().sort()).toEqual([...ids].sort());
  });

  it('sends nothing again when a delivery job comes for mails already sent', async () => {
    const recipients = [uniqueEmail('again1'), uniqueEmail('again2')];
    const ids = await database.db.transaction((tx) => queueMails(tx, invites(recipients)));
    await eventually(async () => (await Promise.all(ids.map(row))).every((mail) => mail.status === 'sent'), 20_000, 'both sent');

    const jobId = await runtime.jobs.send(DELIVER_MAIL, { outboxIds: ids });
    await eventually(
      async () => (await database.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE id = $1`, [jobId]))[0]?.state === 'completed',
      20_000,
      'the duplicate job to finish',
    );
    for (const to of recipients) expect(smtp.to(to)).toHaveLength(1);
    expect((await row(ids[0])).attempts).toBe(1);
  });

  it('still delivers a job queued before batches, which names one outbox row', async () => {
    const to = uniqueEmail('legacy');
    const id = newId();
    await database.db.insert(mailOutbox).values({ id, to, template: 'welcome', language: 'en', data: { name: 'Old', workspace: 'Acme', link: 'https://app.example.test' } });
    await runtime.jobs.send(DELIVER_MAIL, { outboxId: id });
    const [mail] = await eventually(async () => (smtp.to(to).length ? smtp.to(to) : undefined), 20_000, 'the mail of the one-row job');
    expect(mail.subject).toBe('Welcome to Assay');
    await eventually(async () => (await row(id)).status === 'sent', 20_000, 'status sent');
  });

  it('mails a generated password but keeps it out of the logs and out of the outbox once sent', async () => {
    const to = uniqueEmail('generated');
    const password = 'Sekret-Generated-913';
    const id = await queue({ to, template: 'generated_password', language: 'en', data: { name: 'Bo', password, link: 'https://app.example.test/signin' } });
    const [mail] = await eventually(async () => (smtp.to(to).length ? smtp.to(to) : undefined), 20_000, 'the password mail');
    expect(mail.text).toContain(`Your password is: ${password}`);
    const sent = await eventually(async () => ((await row(id)).status === 'sent' ? row(id) : undefined), 20_000, 'status sent');
    expect(sent.data).toEqual({ name: 'Bo', link: 'https://app.example.test/signin' });
    expect(logs.lines.join('')).toContain(to);
    expect(logs.lines.join('')).not.toContain(password);
  });

  it('retries with backoff while the server turns the mail away, then delivers it', async () => {
    const to = uniqueEmail('busy');
    smtp.refuse(to, 1);
    const id = await queue({ to, template: 'welcome', language: 'en', data: { name: 'Cy', workspace: 'Acme', link: 'https://app.example.test' } });
    const [mail] = await eventually(async () => (smtp.to(to).length ? smtp.to(to) : undefined), 20_000, 'the welcome mail');
    expect(mail.subject).toBe('Welcome to Assay');
    expect(mail.text).toContain('You are now a member of Acme.');
    const sent = await eventually(async () => ((await row(id)).status === 'sent' ? row(id) : undefined), 20_000, 'status sent');
    expect(sent.attempts).toBe(2);
    expect(sent.lastError).toBeNull();
  });

  it('marks the mail failed once the retries are used up', async () => {
    const to = uniqueEmail('dead');
    smtp.refuse(to, 100);
    const id = await queue({ to, template: 'account_confirmation', language: 'en', data: { name: 'Di', link: 'https://app.example.test/c' } });
    const failed = await eventually(async () => ((await row(id)).status === 'failed' ? row(id) : undefined), 30_000, 'status failed');
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/451/);
    expect(smtp.to(to)).toHaveLength(0);
  });

  it('sweeps queued mails whose delivery job was lost', async () => {
    const to = uniqueEmail('lost');
    const id = newId();
    // As if the process died between commit and enqueue, long ago: a row and no job.
    await database.db.insert(mailOutbox).values({
      id,
      to,
      template: 'account_confirmation',
      language: 'pt',
      data: { name: 'Eva', link: 'https://app.example.test/c2' },
      created: new Date(Date.now() - 60 * 60 * 1000),
    });
    expect(await sweepMail(runtime)).toBeGreaterThanOrEqual(1);
    const [mail] = await eventually(async () => (smtp.to(to).length ? smtp.to(to) : undefined), 20_000, 'the swept mail');
    expect(mail.subject).toBe('Confirme seu endereço de e-mail');
  });
});

describe('mail transport shutdown', () => {
  it('keeps one pool for the runtime and closes its connections when the runtime closes', async () => {
    const smtp = await smtpSink();
    const store = await workerDatabase();
    const database = await store.open();
    const runtime = await createRuntime(testConfig({ workers: true, smtpUrl: smtp.url }), { database, logger: pino({ level: 'silent' }), jobs: fastJobs });
    try {
      const first = uniqueEmail('pool1');
      await database.db.transaction((tx) => queueMail(tx, { to: first, template: 'welcome', data: { name: 'P', workspace: 'Acme', link: 'https://app.example.test' } }));
      await eventually(async () => smtp.to(first).length === 1, 20_000, 'the first mail');
      const second = uniqueEmail('pool2');
      await database.db.transaction((tx) => queueMail(tx, { to: second, template: 'welcome', data: { name: 'Q', workspace: 'Acme', link: 'https://app.example.test' } }));
      await eventually(async () => smtp.to(second).length === 1, 20_000, 'the second mail');
      // Both went over the connection the first opened.
      expect(smtp.connections.opened).toBe(1);
      expect(smtp.connections.closed).toBe(0);
    } finally {
      await runtime.close();
      await database.close();
      await store.drop();
    }
    await eventually(async () => smtp.connections.closed === smtp.connections.opened, 20_000, 'the pooled connection to close');
    await smtp.close();
  });
});

describe('mail without SMTP', () => {
  it('marks the mails of a batch logged and logs their subjects and recipients, never the password', async () => {
    const store = await workerDatabase();
    const database = await store.open();
    const logs = logCollector();
    const runtime = await createRuntime(testConfig({ workers: true, smtpUrl: undefined }), { database, logger: logs.logger, jobs: fastJobs });
    try {
      const to = uniqueEmail('nosmtp');
      const other = uniqueEmail('nosmtp2');
      const password = 'Never-In-Logs-77';
      const ids = await database.db.transaction((tx) =>
        queueMails(tx, [
          { to, template: 'generated_password', language: 'es', data: { name: 'Fe', password, link: 'https://app.example.test' } },
          { to: other, template: 'welcome', data: { name: 'Gil', workspace: 'Acme', link: 'https://app.example.test' } },
        ]),
      );
      const rows = () => database.db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids));
      await eventually(async () => (await rows()).every((mail) => mail.status === 'logged'), 20_000, 'status logged');
      const line = logs.lines.find((l) => l.includes(to));
      expect(line).toContain('Tu cuenta y contraseña de Assay');
      expect(logs.lines.find((l) => l.includes(other))).toContain('Welcome to Assay');
      // The outbox is the mailbox here: the message stays readable in full.
      expect((await rows()).find((mail) => mail.to === to)?.data).toMatchObject({ password });
      expect(logs.lines.join('')).not.toContain(password);
    } finally {
      await runtime.close();
      await database.close();
      await store.drop();
    }
  });
});
