import { describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { urlOf, type Operation } from './support/openapi.js';
import { inputSuite } from './support/input-suite.js';
import { validRequest } from './support/operation-request.js';
import { badBodies, badQueries, validQuery, type BadCase } from './support/schema-samples.js';
import { maxJsonDepth } from '../src/platform/http/parse-json-body.js';

/**
 * Generated bad input for every operation of the OpenAPI document: each case breaks one rule of
 * the schema and must answer 4xx in the error shape, naming the field when it is one. Cases are
 * derived deterministically from the schemas and capped per operation.
 */
const MAX_BODY_CASES = 24;
const MAX_QUERY_CASES = 12;

const { t, operations, jsonBodyOps, queryOps, credentials } = await inputSuite('Bad input');

function show(c: BadCase, res: LightMyRequestResponse): string {
  return `${c.label}: ${JSON.stringify(c.value)?.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
}

/**
 * Compat surfaces answer in their own seed's error shape (DESIGN.md): an operation whose x-seed ids
 * all belong to another seed than Coodesh is held to "4xx, never 5xx" only.
 */
function isCompat(op: Operation): boolean {
  return Array.isArray(op.seedIds) && op.seedIds.length > 0 && op.seedIds.every((id) => typeof id === 'string' && !id.startsWith('coodesh:'));
}

/** 4xx, in the core error shape, and naming the field when the case breaks one field. */
function expectRejected(op: Operation, c: BadCase, res: LightMyRequestResponse, status?: number) {
  const where = show(c, res);
  expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, where).toBeLessThan(500);
  if (isCompat(op)) return;
  if (status) expect(res.statusCode, where).toBe(status);
  let body: { statusCode?: unknown; error?: unknown; message?: unknown; details?: Array<{ field?: string }> } = {};
  expect(() => (body = res.json()), `${where}\nthe answer is not JSON`).not.toThrow();
  expect(body.statusCode, where).toBe(res.statusCode);
  expect(typeof body.error, where).toBe('string');
  expect(typeof body.message, where).toBe('string');
  if (c.field) {
    const fields = (body.details ?? []).map((d) => d.field ?? '');
    expect(
      fields.some((f) => f === c.field || f.startsWith(`${c.field}/`)),
      `${where}\nexpected details[].field to name ${c.field}`,
    ).toBe(true);
  }
}

function jsonRequest(op: Operation, payload: string): InjectOptions {
  const base = validRequest(op);
  return { ...base, payload, headers: { ...base.headers, ...credentials(op), 'content-type': 'application/json' } };
}

describe.skipIf(jsonBodyOps.length === 0)('invalid JSON bodies answer 4xx naming the field', () => {
  it.each(jsonBodyOps.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const cases = badBodies(op.jsonBody!, MAX_BODY_CASES);
    for (const c of cases) {
      const res = await t.app.inject(jsonRequest(op, JSON.stringify(c.value)));
      expectRejected(op, c, res, c.field ? 400 : undefined);
    }
  });
});

// Four times the configured limit, so a route that raises its own limit a little still refuses it.
const huge = JSON.stringify({ padding: 'x'.repeat(t.runtime.config.bodyLimit * 4) });
describe.skipIf(jsonBodyOps.length === 0)('a body over the limit answers 413', () => {
  it.each(jsonBodyOps.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const res = await t.app.inject(jsonRequest(op, huge));
    expectRejected(op, { label: 'huge body', value: '…' }, res, 413);
  });
});

describe.skipIf(jsonBodyOps.length === 0)('a body that is not JSON answers 400', () => {
  it.each(jsonBodyOps.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const res = await t.app.inject(jsonRequest(op, '{"unterminated": '));
    expectRejected(op, { label: 'malformed JSON', value: '{"unterminated": ' }, res, 400);
  });
});

// Deeper than any limit a parser could mean, and small (about 10 KB): the depth is refused, not the size.
const deepLevels = 5000;
const deep = `${'{"a":'.repeat(deepLevels)}1${'}'.repeat(deepLevels)}`;
const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const bodyOps = operations.filter((op) => op.jsonBody || bodyMethods.has(op.method));
describe.skipIf(bodyOps.length === 0)('a JSON body nested too deep answers 400 body_too_deep', () => {
  it.each(bodyOps.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    // Beside the operation's valid fields, so the schema passes and whatever walks the body meets the depth.
    const valid = validRequest(op).payload;
    const fields = valid && typeof valid === 'object' && !Array.isArray(valid) ? JSON.stringify(valid).slice(1, -1) : '';
    const res = await t.app.inject(jsonRequest(op, `{${fields}${fields ? ',' : ''}"nested":${deep}}`));
    expectRejected(op, { label: `${deepLevels} levels of nesting`, value: '{"a":{"a":…}}', field: 'body' }, res, 400);
    if (isCompat(op)) return;
    expect(res.json(), show({ label: 'deep', value: '…' }, res)).toMatchObject({ code: 'body_too_deep', message: expect.stringContaining(String(maxJsonDepth)) });
  });
});

describe.skipIf(queryOps.length === 0)('invalid query strings answer 400 naming the parameter', () => {
  it.each(queryOps.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const params = validQuery(op.pathParams);
    for (const c of badQueries(op.queryParams, MAX_QUERY_CASES)) {
      const base = validRequest(op);
      const res = await t.app.inject({ ...base, url: urlOf(op, params, c.value as Record<string, string>), headers: { ...base.headers, ...credentials(op) } });
      expectRejected(op, c, res, c.field ? 400 : undefined);
    }
  });
});

it('the suite sees the operations of the OpenAPI document', () => {
  expect(operations.map((op) => op.operationId)).toContain('health');
});
