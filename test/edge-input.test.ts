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
