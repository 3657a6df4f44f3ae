import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signWebhook, webhookHeaders, webhookKey } from './signature.js';

describe('webhook signatures', () => {
  it('are accepted by the reference Standard Webhooks verifier', () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: 'attempt.finished', timestamp: new Date().toISOString(), data: { score: 97, name: 'Zoë' } });
    const headers = webhookHeaders(secret, 'msg_0123456789abcdef01234567', body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('are rejected for another secret or a changed body', () => {
    const secret = newWebhookSecret();
    const body = '{"a":1}';
    const headers = webhookHeaders(secret, 'msg_x', body);
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow();
  });

  it('match the Standard Webhooks reference vector', () => {
    // From the specification's test suite.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('need a whsec_ secret of at least 16 bytes', () => {
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(() => webhookKey('secret')).toThrow(/whsec_/);
    expect(() => webhookKey('whsec_c2hvcnQ=')).toThrow();
    expect(() => webhookKey('whsec_!!!!!!!!!!!!!!!!!!!!!!!!')).toThrow();
  });
});
