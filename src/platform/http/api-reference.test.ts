import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { checkResponse } from './validation.js';
import { derivedErrorResponses, ErrorResponse } from './error-responses.js';

const t = await testApp();
afterAll(() => t.close());

interface RawResponse {
  description?: string;
  content?: Record<string, { schema?: { $ref?: string; title?: string } }>;
}
interface RawOperation {
  operationId: string;
  security?: unknown[];
  parameters?: Array<{ in: string }>;
  requestBody?: { required?: boolean; content: Record<string, { schema?: { required?: string[] } }> };
  responses: Record<string, RawResponse>;
}
const document = t.app.swagger() as unknown as { paths: Record<string, Record<string, RawOperation>>; components: { schemas: Record<string, unknown> } };
const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
const errorRef = '#/components/schemas/ErrorResponse';
const byId = (id: string) => operations.find((op) => op.operationId === id)!;

describe('the OpenAPI document', () => {
  it('describes every response, none as "Default Response"', () => {
    const vague = operations.flatMap((op) =>
      Object.entries(op.responses).filter(([, r]) => !r.description || r.description === 'Default Response').map(([status]) => `${op.operationId} ${status}`),
    );
    expect(operations.length).toBeGreaterThan(20);
    expect(vague).toEqual([]);
  });

  it('documents the errors each operation can give, from the shared ErrorResponse', () => {
    expect(document.components.schemas.ErrorResponse).toMatchObject({ required: ['statusCode', 'error', 'code', 'message'] });
    const missing: string[] = [];
    for (const op of operations) {
      const expected = [
        ...(op.security?.length ? ['401', '403', '404'] : []),
        ...(op.parameters?.some((p) => p.in === 'path') ? ['400', '404'] : []),
        ...(op.requestBody ? ['400', '413', '415'] : []),
      ];
      for (const status of expected) if (!op.responses[status]) missing.push(`${op.operationId} ${status}`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]/.test(status)) continue;
        const schema = response.content?.['application/json']?.schema;
        // A route's own error shape (with extra fields) carries its own title; every other is the shared one.
        if (schema?.$ref !== errorRef && !schema?.title) missing.push(`${op.operationId} ${status}: not ${errorRef}`);
      }
    }
    expect(missing).toEqual([]);
    expect(byId('signIn').responses['429']).toBeDefined();
    expect(byId('listEmployees').responses['429']).toBeUndefined();
    expect(byId('health').responses['400']).toBeUndefined();
  });

  it('says what the errors actually answered look like', async () => {
    const answers = [
      await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email: 'not an e-mail' } }),
      await t.app.inject({ method: 'GET', url: '/workspace/users' }),
      await t.app.inject({ method: 'GET', url: '/auth/reset/unknown-token' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([400, 401, 404]);
    for (const answer of answers) expect(checkResponse(ErrorResponse, answer.json())).toBeUndefined();
  });

  it('marks a body optional exactly when all its fields are', () => {
    const wrong = operations
      .filter((op) => op.requestBody?.content['application/json'])
      .filter((op) => op.requestBody!.required !== Boolean(op.requestBody!.content['application/json'].schema?.required?.length))
      .map((op) => op.operationId);
    expect(wrong).toEqual([]);
    expect(byId('updateEmployee').requestBody!.required).toBe(false);
    expect(byId('signIn').requestBody!.required).toBe(true);
  });
});

describe('derived error responses', () => {
  const route = { method: 'GET', url: '/things', auth: 'public' as const, schema: {}, rateLimited: false, bodyLimit: 1000 };

  it('follow what the route takes and who may call it', () => {
    expect(Object.keys(derivedErrorResponses(route))).toEqual([]);
    expect(Object.keys(derivedErrorResponses({ ...route, rateLimited: true }))).toEqual(['429']);
    expect(Object.keys(derivedErrorResponses({ ...route, url: '/things/:id', schema: { params: {} } }))).toEqual(['400', '404']);
    expect(Object.keys(derivedErrorResponses({ ...route, method: 'POST', schema: { body: {} } }))).toEqual(['400', '413', '415']);
    expect(Object.keys(derivedErrorResponses({ ...route, auth: 'workspace' }))).toEqual(['400', '401', '403', '404']);
    expect(derivedErrorResponses({ ...route, method: 'POST', schema: { body: {} } })['413']).toContain('1000 bytes');
    expect(derivedErrorResponses({ ...route, schema: { querystring: { properties: { after: {} } } } })['400']).toContain('invalid_cursor');
  });
});

describe('the reference page', () => {
  it('carries Assay\'s title, logo and icon', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Assay API reference</title>');
    expect(page.body).not.toContain('favicon-32x32.png');
    const logo = readFileSync(new URL('./assay-logo.svg', import.meta.url));
    const initializer = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.body).toContain(`data:image/svg+xml;base64,${logo.toString('base64')}`);
    const icon = await t.app.inject({ method: 'GET', url: '/docs/static/theme/assay.svg' });
    expect([icon.statusCode, icon.body]).toEqual([200, readFileSync(new URL('./assay-icon.svg', import.meta.url), 'utf8')]);
  });
});
