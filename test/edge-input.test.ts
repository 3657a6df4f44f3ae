import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { urlOf, type Operation } from './support/openapi.js';
import { inputSuite } from './support/input-suite.js';
import { validRequest } from './support/operation-request.js';
import { validQuery } from './support/schema-samples.js';
import { edgeBodies, edgeQueries, type EdgeCase } from './support/edge-values.js';
import { loadTenancyFixtures } from './support/tenancy-registry.js';

/**
 * Input the schema accepts but code may choke on (see ./support/edge-values.ts), sent to every
 * operation of the OpenAPI document, addressing a live object where the tenancy fixtures can make
 * one: any answer but a 5xx is fine. This is where a value the
 * validator lets through and PostgreSQL refuses (a NUL, an integer past int4, year 0001) shows up.
 */
const MAX_BODY_CASES = 100;
const MAX_QUERY_CASES = 30;

const { t, jsonBodyOps, queryOps, tenant, credentials } = await inputSuite('Edge input');

const fixtures = await loadTenancyFixtures();

/** Path parameters naming a live object of tenant A (from the tenancy fixtures), so the handler gets past its 404. */
async function liveParams(op: Operation): Promise<Record<string, string>> {
  const fixture = op.operationId ? fixtures.get(op.operationId)?.fixture : undefined;
  if (typeof fixture !== 'function') return {};
  return (await fixture({ runtime: t.runtime, tenant: tenant() })).params ?? {};
}

/** Dozens of requests per operation, some running SQL or code in a sandbox: room for a loaded machine (no timing is asserted). */
const caseBudgetMs = 180_000;

function expectNoServerError(c: EdgeCase, res: LightMyRequestResponse) {
  expect(res.statusCode, `${c.label}: ${JSON.stringify(c.value)?.slice(0, 160)} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
}

describe.skipIf(jsonBodyOps.length === 0)('schema-valid edge values in JSON bodies never answer 5xx', () => {
  it.each(jsonBodyOps.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const params = await liveParams(op);
    for (const c of edgeBodies(op.jsonBody!, MAX_BODY_CASES)) {
      const base = validRequest(op, { params });
      const res = await t.app.inject({ ...base, payload: JSON.stringify(c.value), headers: { ...base.headers, ...credentials(op), 'content-type': 'application/json' } });
      expectNoServerError(c, res);
    }
  }, caseBudgetMs);
});

// Object bodies only: an array body (a list of ids) has no fields to leave out.
const optionalBodyOps = jsonBodyOps.filter((op) => op.jsonBody!.type !== 'array' && !((op.jsonBody!.required as string[] | undefined) ?? []).length);
describe.skipIf(optionalBodyOps.length === 0)('a body whose fields are all optional may be missing or empty: it is {}', () => {
  it.each(optionalBodyOps.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    expect(op.bodyRequired, 'the document marks the body optional').toBe(false);
    const answers: Array<[string, LightMyRequestResponse]> = [];
    for (const [label, payload] of [['{}', '{}'], ['no body', undefined], ['an empty body', '']] as const) {
      // A fresh object each time: a removal must not make the next call a 404.
      const { payload: _generated, ...request } = validRequest(op, { params: await liveParams(op) });
      const headers = { ...request.headers, ...credentials(op), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) };
      answers.push([label, await t.app.inject({ ...request, headers, ...(payload !== undefined ? { payload } : {}) })]);
    }
    const [, withEmptyObject] = answers[0];
    for (const [label, res] of answers) {
      const where = `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`;
      expect(res.statusCode, where).toBeLessThan(500);
      expect(res.statusCode, `${where}\nbut {} → ${withEmptyObject.statusCode}`).toBe(withEmptyObject.statusCode);
      const fields = res.statusCode === 400 ? ((res.json().details ?? []) as Array<{ field: string }>).map((d) => d.field) : [];
      expect(fields, where).not.toContain('body');
    }
  });
});

describe.skipIf(queryOps.length === 0)('schema-valid edge values in query strings never answer 5xx', () => {
  it.each(queryOps.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const params = { ...validQuery(op.pathParams), ...(await liveParams(op)) };
    const base = validQuery(op.queryParams);
    for (const c of edgeQueries(op.queryParams, base, MAX_QUERY_CASES)) {
      const request = validRequest(op);
      const res = await t.app.inject({ ...request, url: urlOf(op, params, c.value as Record<string, string>), headers: { ...request.headers, ...credentials(op) } });
      expectNoServerError(c, res);
    }
  });
});
