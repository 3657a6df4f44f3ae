import type { DbOrTx } from '../db/client.js';
import { newId } from '../ids.js';
import { insertMany } from '../db/insert-many.js';
import { inChunks } from '../db/chunks.js';
import { enqueueJobs } from '../jobs/enqueue-job.js';
import { mailOutbox } from './schema.js';

/** The queue of the delivery job (./deliver-mail.ts). */
export const DELIVER_MAIL = 'mail.deliver';

/**
 * Outbox rows one delivery job carries: it claims them in one statement, sends them over the pool
 * at once and records them in one statement, so a burst costs a few statements per batch, not per mail.
 */
export const MAIL_BATCH = 50;

/** Templates every module may queue; their texts (pt, en, es) live in ./templates. */
export type MailTemplate =
  | 'password_reset'
  | 'account_confirmation'
  | 'workspace_invite'
  | 'attempt_invitation'
  | 'welcome'
  | 'generated_password'
  | 'sign_up_existing_account'
  | 'sign_up_invite_only'
  | 'attempt_result_candidate'
  | 'attempt_result_author'
  | 'attempt_reopened'
  | 'attempt_results';

export interface MailMessage {
  to: string;
  template: MailTemplate;
  language?: string;
  workspaceId?: string | null;
  /** Values the template interpolates, e.g. { name, link, workspace }. */
  data: Record<string, string>;
}

/**
 * Queues an e-mail inside the caller's transaction; the delivery job is enqueued with it and runs
 * once the transaction commits (nothing is sent if it rolls back).
 */
export async function queueMail(db: DbOrTx, message: MailMessage): Promise<string> {
  const [id] = await queueMails(db, [message]);
  return id;
}

/**
 * Queues many e-mails with multi-row INSERTs, like `queueMail`, with one delivery job per
 * MAIL_BATCH of them; answers the outbox ids in the order of `messages`. Pass a transaction so
 * they all exist or none.
 */
export async function queueMails(db: DbOrTx, messages: MailMessage[]): Promise<string[]> {
  const rows = messages.map((message) => ({
    id: newId(),
    workspaceId: message.workspaceId ?? null,
    to: message.to,
    template: message.template,
    language: message.language ?? 'en',
    data: message.data,
  }));
  await insertMany(db, mailOutbox, rows);
  const ids = rows.map((row) => row.id);
  await enqueueJobs(db, DELIVER_MAIL, [...inChunks(ids, MAIL_BATCH)].map((outboxIds) => ({ outboxIds })));
  return ids;
}
