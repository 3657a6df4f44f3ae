import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { badRequest } from '../errors.js';
import { newId } from '../ids.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import { webhookDisabledEndpoints, webhookMessages } from './schema.js';
import { webhookKey } from './signature.js';

export const DELIVER_WEBHOOK = 'webhook.deliver';

export interface DeliverWebhookData {
  workspaceId: string;
  messageId: string;
  /** 1 for the first attempt. */
  attempt: number;
}

export interface WebhookEvent {
  workspaceId: string;
  url: string;
  /** `whsec_` + base64, see newWebhookSecret(). */
  secret: string;
  /** e.g. `attempt.finished`. */
  eventType: string;
  payload: unknown;
}

/** Syntax only (http/https, bounded length); the address is checked at every delivery attempt. */
export function checkWebhookUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('invalid_webhook_url', 'the webhook URL is not a valid URL');
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || url.length > 2048 || parsed.username || parsed.password) {
    throw badRequest('invalid_webhook_url', 'the webhook URL must be an http(s) URL without credentials, at most 2048 characters');
  }
  return parsed;
}

/** The `webhook-id` header of a message: constant across its retries. */
export const webhookId = (messageId: string) => `msg_${messageId}`;

/**
 * Queues a signed event for delivery inside the caller's transaction. The body is
 * `{type, timestamp, data}` and is fixed now, so every retry sends the same bytes. To an endpoint
 * disabled by a 410 the message is recorded as `disabled` and not sent. Returns the message id.
 */
export async function enqueueWebhook(db: DbOrTx, event: WebhookEvent): Promise<string> {
  checkWebhookUrl(event.url);
  try {
    webhookKey(event.secret);
  } catch (error) {
    throw badRequest('invalid_webhook_secret', (error as Error).message);
  }
  const id = newId();
  const body = JSON.stringify({ type: event.eventType, timestamp: new Date().toISOString(), data: event.payload ?? null });
  const [disabled] = await db
    .select({ url: webhookDisabledEndpoints.url })
    .from(webhookDisabledEndpoints)
    .where(and(eq(webhookDisabledEndpoints.workspaceId, event.workspaceId), eq(webhookDisabledEndpoints.url, event.url)));
  await db.insert(webhookMessages).values({
    workspaceId: event.workspaceId,
    id,
    url: event.url,
    secret: event.secret,
    eventType: event.eventType,
    body,
    status: disabled ? 'disabled' : 'pending',
  });
  if (!disabled) await enqueueJob(db, DELIVER_WEBHOOK, { workspaceId: event.workspaceId, messageId: id, attempt: 1 } satisfies DeliverWebhookData);
  return id;
}

/** Sends to an endpoint again after it answered 410 (new messages only). */
export async function enableWebhookEndpoint(db: DbOrTx, workspaceId: string, url: string): Promise<void> {
  await db.delete(webhookDisabledEndpoints).where(and(eq(webhookDisabledEndpoints.workspaceId, workspaceId), eq(webhookDisabledEndpoints.url, url)));
}
