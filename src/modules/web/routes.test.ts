import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { appOperations } from '../../../test/support/openapi.js';
import { assetPrefix } from './web-paths.js';

const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const shellOf = (body: string) => /<div id="root"><\/div>/.test(body);

describe('the web app served beside the API', () => {
  it('serves the app for an invitation link, and the hashed files it loads with a year of caching, compressed', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/take/0123456789abcdef01234567.89abcdef0123456789abcdef.not-a-real-mac', headers: { accept: '*/*' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(shellOf(page.body)).toBe(true);
    const scripts = [...page.body.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const path of scripts) {
      expect(path.startsWith(`/${assetPrefix}/`)).toBe(true);
      const asset = await t.app.inject({ method: 'GET', url: path, headers: { 'accept-encoding': 'gzip, br' } });
      expect(asset.statusCode, path).toBe(200);
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toContain('immutable');
      const plain = await t.app.inject({ method: 'GET', url: path });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.length).toBeGreaterThan(asset.rawPayload.length);
    }
  });

  it('answers a browser navigation to any path no route matches with the app, and API clients with the JSON 404', async () => {
    for (const url of ['/', '/app', '/app/questions/0123456789abcdef01234567', '/take']) {
      const page = await t.app.inject({ method: 'GET', url, headers: browser });
      expect([url, page.statusCode, shellOf(page.body)]).toEqual([url, 200, true]);
    }
    const api = await t.app.inject({ method: 'GET', url: '/app/questions', headers: { accept: 'application/json' } });
    expect([api.statusCode, api.json().code]).toEqual([404, 'route_not_found']);
    const fetchDefault = await t.app.inject({ method: 'GET', url: '/no-such-route', headers: { accept: '*/*' } });
    expect([fetchDefault.statusCode, fetchDefault.json().code]).toEqual([404, 'route_not_found']);
    const post = await t.app.inject({ method: 'POST', url: '/app/questions', headers: browser, payload: {} });
    expect([post.statusCode, post.json().code]).toEqual([404, 'route_not_found']);
  });

  it('never shadows an API route, not even for a browser asking for HTML', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/health', headers: browser });
    expect([health.statusCode, health.json()]).toEqual([200, { status: 'ok' }]);
    const attempt = await t.app.inject({ method: 'GET', url: '/candidate/attempts/nope', headers: browser });
    expect(attempt.statusCode).toBe(404);
    expect(attempt.headers['content-type']).toMatch(/^application\/json/);
    expect(attempt.json().code).not.toBe('route_not_found');
    const document = await t.app.inject({ method: 'GET', url: '/openapi.json', headers: browser });
    expect(document.json().openapi).toBe('3.1.0');
    const docs = await t.app.inject({ method: 'GET', url: '/docs', headers: browser });
    expect(shellOf(docs.body)).toBe(false);
  });

  it('keeps its file prefix and the invitation path free of API routes, and its files inside the build, hidden ones unserved', async () => {
    const paths = appOperations(t.app).map((operation) => operation.path);
    expect(paths.filter((path) => path.startsWith(`/${assetPrefix}`) || path.startsWith('/take/'))).toEqual([]);
    for (const url of [`/${assetPrefix}/../../package.json`, `/${assetPrefix}/%2e%2e/%2e%2e/package.json`, `/${assetPrefix}/missing.js`, `/${assetPrefix}/../index.html`, `/${assetPrefix}/%2e%2e/.vite/manifest.json`, `/${assetPrefix}/%2e%2e/.source-hash`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: '*/*' } });
      expect([url, res.statusCode]).toEqual([url, 404]);
      expect(res.body).not.toContain('"name": "assay"');
    }
  });
});
