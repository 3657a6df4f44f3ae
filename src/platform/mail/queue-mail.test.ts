import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { jobOutbox } from '../jobs/schema.js';
import { testDatabase } from '../../../test/support/app.js';
import { uniqueEmail } from '../../../test/support/fixtures.js';
import { DELIVER_MAIL, MAIL_BATCH, queueMail, queueMails, type MailMessage } from './queue-mail.js';
import { mailOutbox } from './schema.js';

/** More than one statement's worth of rows (1000 a statement). */
const BATCH = 1200;

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database?.close();
});

const messages = (count: number): MailMessage[] =>
  Array.from({ length: count }, (_, i) => ({
    to: uniqueEmail(`mail${i}`),
    template: 'welcome',
    ...(i % 2 ? { language: 'pt', workspaceId: '0123456789abcdef01234567' } : {}),
    data: { name: `Person ${i}` },
  }));

async function outboxOf(ids: string[]) {
  const mails = await database.db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids));
  const jobs = await database.db.select().from(jobOutbox).where(inArray(jobOutbox.name, [DELIVER_MAIL]));
  const wanted = new Set(ids);
  const carried = (job: (typeof jobs)[number]) => (job.data as { outboxIds: string[] }).outboxIds;
  return {
    mails: new Map(mails.map((mail) => [mail.id, mail])),
    // In the order they were written: ids are time-ordered.
    jobs: jobs.filter((job) => carried(job).some((id) => wanted.has(id))).sort((a, b) => a.id.localeCompare(b.id)).map(carried),
  };
}

describe('queueMails', () => {
  it('queues every e-mail of a batch with one delivery job per MAIL_BATCH of them, answering the ids in order', async () => {
    const batch = messages(BATCH);
    const ids = await database.db.transaction((tx) => queueMails(tx, batch));

    expect(new Set(ids).size).toBe(BATCH);
    const { mails, jobs } = await outboxOf(ids);
    ids.forEach((id, i) => {
      expect(mails.get(id)).toMatchObject({
        to: batch[i].to,
        template: 'welcome',
        language: batch[i].language ?? 'en',
        workspaceId: batch[i].workspaceId ?? null,
        status: 'queued',
        data: batch[i].data,
      });
    });
    expect(jobs).toHaveLength(Math.ceil(BATCH / MAIL_BATCH));
    expect(jobs.every((carried) => carried.length <= MAIL_BATCH)).toBe(true);
    expect(jobs.flat()).toEqual(ids);
  });

  it('queues nothing, e-mail or job, when the transaction rolls back', async () => {
    let ids: string[] = [];
    await expect(
      database.db.transaction(async (tx) => {
        ids = await queueMails(tx, messages(BATCH));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');

    expect(ids).toHaveLength(BATCH);
    const { mails, jobs } = await outboxOf(ids);
    expect(mails.size).toBe(0);
    expect(jobs).toHaveLength(0);
  });

  it('queueMail queues one e-mail and its job, like a batch of one', async () => {
    const [message] = messages(1);
    const id = await queueMail(database.db, message);

    const { mails, jobs } = await outboxOf([id]);
    expect(mails.get(id)).toMatchObject({ to: message.to, language: 'en', workspaceId: null });
    expect(jobs).toEqual([[id]]);
  });
});
