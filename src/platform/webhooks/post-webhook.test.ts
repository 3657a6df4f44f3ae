import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForbiddenAddress } from './ssrf-guard.js';
import { parseRetryAfter, postWebhook } from './post-webhook.js';
import { nextAttemptDelay, webhookRetrySchedule } from './retry-schedule.js';
import { webhookReceiver } from '../../../test/support/webhook-receiver.js';

describe('outbound address guard', () => {
  it('forbids loopback, private, link-local, unique-local and IPv4-mapped addresses', () => {
    const forbidden = ['127.0.0.1', '127.8.9.10', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255'];
    const forbidden6 = ['::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:8.8.8.8', '64:ff9b::a00:1', 'ff02::1', '2002:a00:1::1'];
    for (const address of [...forbidden, ...forbidden6]) expect(isForbiddenAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '2a00:1450:4001::1']) {
      expect(isForbiddenAddress(address), address).toBe(false);
    }
  });

  it('refuses literal private addresses without connecting', async () => {
    for (const url of ['http://127.0.0.1:9/x', 'http://10.0.0.1/x', 'http://[::1]:9/x', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:7f00:1]/x', 'http://2130706433/x', 'https://0x7f.1/x']) {
      const outcome = await postWebhook(url, {}, '{}', { allowPrivate: false });
      expect(outcome.status, url).toBe('refused');
      expect(outcome.error, url).toMatch(/refused to call/);
    }
  });

  it('refuses a host name that resolves to a loopback address', async () => {
    const outcome = await postWebhook('http://localhost:9/x', {}, '{}', { allowPrivate: false });
    expect(outcome.status).toBe('refused');
  });
});

describe('posting a webhook', () => {
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  beforeAll(async () => {
    receiver = await webhookReceiver();
  });
  afterAll(() => receiver?.close());

  it('refuses the local receiver unless private outbound calls are allowed', async () => {
    const refused = await postWebhook(receiver.url('/guarded'), {}, '{}', { allowPrivate: false });
    expect(refused.status).toBe('refused');
    expect(receiver.at('/guarded')).toHaveLength(0);
    const allowed = await postWebhook(receiver.url('/guarded'), { 'webhook-id': 'msg_1' }, '{"a":1}', { allowPrivate: true });
    expect(allowed).toMatchObject({ status: 'succeeded', responseStatus: 200 });
    expect(receiver.at('/guarded')[0]).toMatchObject({ body: '{"a":1}' });
    expect(receiver.at('/guarded')[0].headers['content-type']).toBe('application/json');
  });

  it('follows at most three redirects, re-posting the same body, each target checked again', async () => {
    receiver.script('/r1', [{ status: 302, headers: { location: '/r2' } }]);
    receiver.script('/r2', [{ status: 307, headers: { location: receiver.url('/r3') } }]);
    receiver.script('/r3', [{ status: 308, headers: { location: '/r4' } }]);
    const followed = await postWebhook(receiver.url('/r1'), {}, '{"b":2}', { allowPrivate: true });
    expect(followed).toMatchObject({ status: 'succeeded', url: receiver.url('/r4') });
    expect(receiver.at('/r4')[0].body).toBe('{"b":2}');

    receiver.script('/loop', Array.from({ length: 10 }, () => ({ status: 301, headers: { location: '/loop' } })));
    const looping = await postWebhook(receiver.url('/loop'), {}, '{}', { allowPrivate: true });
    expect(looping).toMatchObject({ status: 'failed', responseStatus: 301 });
    expect(looping.error).toMatch(/more than 3 redirects/);
    expect(receiver.at('/loop')).toHaveLength(4);

    receiver.script('/elsewhere', [{ status: 302, headers: { location: 'file:///etc/passwd' } }]);
    const odd = await postWebhook(receiver.url('/elsewhere'), {}, '{}', { allowPrivate: true });
    expect(odd).toMatchObject({ status: 'failed', error: 'unsupported protocol file:' });
  });

  it('reports 410 as gone and reads Retry-After from a failure', async () => {
    receiver.script('/gone', [{ status: 410 }]);
    expect(await postWebhook(receiver.url('/gone'), {}, '{}', { allowPrivate: true })).toMatchObject({ status: 'gone', responseStatus: 410 });
    receiver.script('/busy', [{ status: 503, headers: { 'retry-after': '120' } }]);
    expect(await postWebhook(receiver.url('/busy'), {}, '{}', { allowPrivate: true })).toMatchObject({ status: 'failed', responseStatus: 503, retryAfterSeconds: 120 });
  });

  it('fails (to retry later) when nothing listens', async () => {
    const closed = await webhookReceiver();
    const url = closed.url('/x');
    await closed.close();
    const outcome = await postWebhook(url, {}, '{}', { allowPrivate: true });
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/ECONNREFUSED/);
  });
});

describe('retry schedule', () => {
  it('follows the Standard Webhooks schedule, then gives up', () => {
    expect(webhookRetrySchedule.slice(0, 5)).toEqual([0, 5, 300, 1800, 7200]);
    expect(nextAttemptDelay(1)).toBe(5);
    expect(nextAttemptDelay(2)).toBe(300);
    expect(nextAttemptDelay(4)).toBe(7200);
    expect(nextAttemptDelay(webhookRetrySchedule.length)).toBeNull();
  });

  it('lets Retry-After set the wait, within 1 s and a day', () => {
    expect(nextAttemptDelay(1, 60)).toBe(60);
    expect(nextAttemptDelay(3, 0)).toBe(1);
    expect(nextAttemptDelay(3, 10 ** 9)).toBe(86_400);
    expect(nextAttemptDelay(webhookRetrySchedule.length, 5)).toBeNull();
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(new Date(Date.now() + 90_000).toUTCString())).toBeGreaterThanOrEqual(89);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
