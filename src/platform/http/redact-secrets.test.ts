import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createRuntime } from '../create-runtime.js';
import type { Runtime } from '../runtime.js';
import { buildServer } from '../../server.js';
import { testConfig, testDatabase } from '../../../test/support/app.js';
import { appOperations, urlOf } from '../../../test/support/openapi.js';
import { validRequest } from '../../../test/support/operation-request.js';
import type { Database } from '../db/client.js';
import { newId, newSecret } from '../ids.js';
import { SecretRedactor, redacted } from './redact-secrets.js';

describe('the redaction rule', () => {
  const rule = new SecretRedactor();
  rule.addRoute('/auth/invite/:token');
  rule.addRoute('/things/:id');

  it('hides route parameters named like secrets, by the route the path matches', () => {
    expect(rule.url('/auth/invite/abc')).toBe(`/auth/invite/${redacted}`);
    expect(rule.url('/things/507f1f77bcf86cd799439011')).toBe('/things/507f1f77bcf86cd799439011');
  });

  it('hides our token shapes and random-looking segments where no route says', () => {
    const workspace = newId();
    expect(rule.url(`/nowhere/iv_${workspace}_${newSecret()}`)).toBe(`/nowhere/iv_${workspace}_${redacted}`);
    expect(rule.url(`/auth/reset/${newSecret()}/extra`)).toBe(`/auth/reset/${redacted}/extra`);
    expect(rule.url('/workspace/users/507f1f77bcf86cd799439011/a-long-but-ordinary-slug-of-words')).toBe('/workspace/users/507f1f77bcf86cd799439011/a-long-but-ordinary-slug-of-words');
  });

  it('hides the values of secret query parameters and keeps the others as sent', () => {
    expect(rule.url('/cb?code=c1&state=s1&page=2&ACCESS_TOKEN=t&q=a%20b&api%5Fkey=k&flag')).toBe(
      `/cb?code=${redacted}&state=${redacted}&page=2&ACCESS_TOKEN=${redacted}&q=a%20b&api%5Fkey=${redacted}&flag`,
    );
  });

  it('applies to free text such as error messages', () => {
    expect(rule.text('GET https://api.example/auth/invite/s3cr3t?password=pw failed')).toBe(`GET https://api.example/auth/invite/${redacted}?password=${redacted} failed`);
    expect(rule.text('request to /auth/invite/s3cr3t?password=pw failed')).toBe(`request to /auth/invite/${redacted}?password=${redacted} failed`);
  });
});

const database: Database = await testDatabase();
const runtimes: Runtime[] = [];
afterAll(async () => {
  for (const runtime of runtimes) await runtime.close();
  await database.close();
});

async function loggingServer() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const runtime = await createRuntime(testConfig({ logRequests: true }), { database, logger: pino({ level: 'info' }, sink) });
  runtimes.push(runtime);
  const app = await buildServer(runtime);
  return { app, lines };
}

describe('log lines', () => {
  it('never carry the token of a route with a token in its path, nor secret query parameters', async () => {
    const { app, lines } = await loggingServer();
    await app.ready();
    const tokenRoutes = appOperations(app).filter((op) => op.pathParams.some((p) => /token|secret/i.test(p.name)));
    expect(tokenRoutes.length, 'the reset, confirmation and invite routes at least').toBeGreaterThanOrEqual(5);
    const secrets: string[] = [];
    for (const op of tokenRoutes) {
      for (const shape of [(s: string) => s, (s: string) => `iv_${newId()}_${s}`]) {
        const secret = shape(newSecret());
        const querySecret = newSecret();
        secrets.push(secret, querySecret);
        const params = Object.fromEntries(op.pathParams.map((p) => [p.name, /token|secret/i.test(p.name) ? secret : newId()]));
        const base = validRequest(op, { params });
        const url = urlOf(op, params, { token: querySecret, code: querySecret, state: querySecret, password: querySecret, api_key: querySecret, page: 1 });
        await app.inject({ ...base, url });
      }
    }
    await app.close();
    const access = lines.map((line) => JSON.parse(line) as { msg: string; url?: string }).filter((line) => line.msg === 'request');
    expect(access).toHaveLength(tokenRoutes.length * 2);
    for (const line of access) expect(line.url).toMatch(new RegExp(`/${redacted.replace(/[[\]]/g, '\\$&')}.*\\?token=.*&page=1$`));
    for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret);
  });

  it('of errors carry no secret either, in the message, the stack or the url', async () => {
    const { app, lines } = await loggingServer();
    app.post('/test/explode/:token', { config: { auth: 'public' } }, async (request) => {
      throw new Error(`upstream refused ${request.url}`);
    });
    await app.ready();
    const secret = newSecret();
    const res = await app.inject({ method: 'POST', url: `/test/explode/${secret}?access_token=${secret}x` });
    await app.close();
    expect(res.statusCode).toBe(500);
    const errors = lines.map((line) => JSON.parse(line) as { msg: string; level: number }).filter((line) => line.level >= 50);
    expect(errors.map((line) => line.msg)).toContain('unhandled error');
    expect(lines.join('\n')).toContain('upstream refused /test/explode/');
    expect(lines.join('\n')).not.toContain(secret);
  });
});
