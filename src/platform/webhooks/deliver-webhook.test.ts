import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../db/client.js';
import type { Runtime } from '../runtime.js';
import { newId } from '../ids.js';
import { eventually, workerDatabase, workerRuntime, type WorkerDatabase } from '../../../test/support/worker-database.js';
import { webhookReceiver } from '../../../test/support/webhook-receiver.js';
import { enableWebhookEndpoint, enqueueWebhook, webhookId } from './enqueue-webhook.js';
import { webhookDeliveries, webhookDisabledEndpoints, webhookMessages } from './schema.js';
import { newWebhookSecret } from './signature.js';
import { sweepWebhooks } from './sweep-webhooks.js';

type Receiver = Awaited<ReturnType<typeof webhookReceiver>>;

function helpers(database: Database, workspaceId: string) {
  return {
    message: async (id: string) =>
      (await database.db.select().from(webhookMessages).where(and(eq(webhookMessages.workspaceId, workspaceId), eq(webhookMessages.id, id))))[0],
    deliveries: (id: string) =>
      database.db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.messageId, id)))
        .orderBy(asc(webhookDeliveries.attempt)),
    settled: (id: string) =>
      eventually(async () => {
        const [row] = await database.db.select().from(webhookMessages).where(and(eq(webhookMessages.workspaceId, workspaceId), eq(webhookMessages.id, id)));
        return row.status !== 'pending' ? row : undefined;
      }, 20_000, `message ${id} to settle`),
  };
}

describe('webhook delivery', () => {
  const workspaceId = newId();
  const secret = newWebhookSecret();
  let store: WorkerDatabase;
  let database: Database;
  let runtime: Runtime;
  let receiver: Receiver;
  let h: ReturnType<typeof helpers>;

  const send = (path: string, payload: unknown = { attemptId: 'a1', score: 88 }) =>
    database.db.transaction((tx) => enqueueWebhook(tx, { workspaceId, url: receiver.url(path), secret, eventType: 'attempt.finished', payload }));

  beforeAll(async () => {
    receiver = await webhookReceiver();
    store = await workerDatabase();
    database = await store.open();
    runtime = await workerRuntime(database, { allowPrivateOutbound: true });
    h = helpers(database, workspaceId);
  });

  afterAll(async () => {
    await runtime?.close();
    await database?.close();
    await store?.drop();
    await receiver?.close();
  });

  it('delivers a signed event the reference verifier accepts, and logs the attempt', async () => {
    const id = await send('/ok', { attemptId: 'a1', score: 88, name: 'Zoë' });
    expect((await h.settled(id)).status).toBe('delivered');
    const [request] = receiver.at('/ok');
    expect(request.headers['webhook-id']).toBe(webhookId(id));
    const verified = new Webhook(secret).verify(request.body, request.headers);
    expect(verified).toMatchObject({ type: 'attempt.finished', data: { attemptId: 'a1', score: 88, name: 'Zoë' } });
    const [attempt] = await h.deliveries(id);
    expect(attempt).toMatchObject({ attempt: 1, status: 'succeeded', responseStatus: 200, url: receiver.url('/ok'), error: null });
    expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('retries after a 500 at the time Retry-After asks, with the same id and body, then succeeds', async () => {
    receiver.script('/flaky', [{ status: 500, headers: { 'retry-after': '1' } }]);
    const id = await send('/flaky');
    expect((await h.settled(id)).status).toBe('delivered');
    const [first, second] = receiver.at('/flaky');
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);
    for (const request of [first, second]) expect(() => new Webhook(secret).verify(request.body, request.headers)).not.toThrow();
    const attempts = await h.deliveries(id);
    expect(attempts.map((a) => [a.attempt, a.status, a.responseStatus])).toEqual([
      [1, 'failed', 500],
      [2, 'succeeded', 200],
    ]);
    expect((await h.message(id)).attempts).toBe(2);
  });

  it('schedules the next attempt 5 s after a first failure without Retry-After', async () => {
    receiver.script('/later', [{ status: 502 }]);
    const before = Date.now();
    const id = await send('/later');
    const pending = await eventually(async () => {
      const row = await h.message(id);
      return row.attempts === 1 ? row : undefined;
    }, 20_000, 'the first attempt');
    expect(pending.status).toBe('pending');
    expect(pending.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 5_000);
    expect(receiver.at('/later')).toHaveLength(1);
  });

  it('stops at a 410, disables the endpoint, and sends there again only once re-enabled', async () => {
    receiver.script('/gone', [{ status: 410 }]);
    const id = await send('/gone');
    expect((await h.settled(id)).status).toBe('disabled');
    expect((await h.deliveries(id)).map((a) => a.status)).toEqual(['gone']);
    const disabled = await database.db.select().from(webhookDisabledEndpoints).where(eq(webhookDisabledEndpoints.workspaceId, workspaceId));
    expect(disabled.map((d) => d.url)).toEqual([receiver.url('/gone')]);

    const skipped = await send('/gone');
    expect((await h.message(skipped)).status).toBe('disabled');

    await enableWebhookEndpoint(database.db, workspaceId, receiver.url('/gone'));
    const again = await send('/gone');
    expect((await h.settled(again)).status).toBe('delivered');
    expect(receiver.at('/gone')).toHaveLength(2);
  });

  it('sweeps an overdue pending message whose job was lost', async () => {
    const id = newId();
    // As if every retry of its job had run out while the database was away: a row and no job.
    await database.db.insert(webhookMessages).values({
      workspaceId,
      id,
      url: receiver.url('/lost'),
      secret,
      eventType: 'attempt.finished',
      body: '{"type":"attempt.finished","data":{}}',
      created: new Date(Date.now() - 60 * 60 * 1000),
    });
    expect(await sweepWebhooks(runtime)).toBeGreaterThanOrEqual(1);
    expect((await h.settled(id)).status).toBe('delivered');
    expect(() => new Webhook(secret).verify(receiver.at('/lost')[0].body, receiver.at('/lost')[0].headers)).not.toThrow();
  });

  it('refuses a malformed URL or secret when enqueuing', async () => {
    await expect(enqueueWebhook(database.db, { workspaceId, url: 'ftp://example.test/x', secret, eventType: 'e', payload: {} })).rejects.toMatchObject({ code: 'invalid_webhook_url' });
    await expect(enqueueWebhook(database.db, { workspaceId, url: receiver.url('/x'), secret: 'plain', eventType: 'e', payload: {} })).rejects.toMatchObject({
      code: 'invalid_webhook_secret',
    });
  });
});

describe('webhook delivery to private addresses', () => {
  it('is refused, recorded and not retried when private outbound calls are not allowed', async () => {
    const receiver = await webhookReceiver();
    const store = await workerDatabase();
    const database = await store.open();
    const runtime = await workerRuntime(database, { allowPrivateOutbound: false });
    const workspaceId = newId();
    const h = helpers(database, workspaceId);
    try {
      const id = await database.db.transaction((tx) =>
        enqueueWebhook(tx, { workspaceId, url: receiver.url('/private'), secret: newWebhookSecret(), eventType: 'attempt.finished', payload: {} }),
      );
      expect((await h.settled(id)).status).toBe('failed');
      const [attempt] = await h.deliveries(id);
      expect(attempt).toMatchObject({ attempt: 1, status: 'refused', responseStatus: null });
      expect(attempt.error).toMatch(/refused to call/);
      expect(receiver.at('/private')).toHaveLength(0);
    } finally {
      await runtime.close();
      await database.close();
      await store.drop();
      await receiver.close();
    }
  });
});
