import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApp } from './support/app.js';
import { createTenant, type TenantFixture } from './support/fixtures.js';
import { appOperations, type Operation } from './support/openapi.js';
import { validRequest, type RequestOverrides } from './support/operation-request.js';
import { createSubaccount, loadTenancyFixtures, type TenancyTarget } from './support/tenancy-registry.js';

/**
 * Every non-public operation is tried with another workspace's credentials and ids. Operations are
 * read from the OpenAPI document, so a new route joins this suite by existing; one with path
 * parameters also needs a fixture in its module's tenancy.fixtures.ts (see test/README.md).
 */
const t = await testApp({ rateLimit: { max: 1_000_000, windowMs: 60_000 } });
afterAll(() => t.close());

const operations = appOperations(t.app).filter((op) => op.auth !== 'public');
const withPathParams = operations.filter((op) => op.pathParams.length > 0);
const fixtures = await loadTenancyFixtures();
const fixtureOf = (op: Operation) => (op.operationId ? fixtures.get(op.operationId)?.fixture : undefined);

let a: TenantFixture;
let b: TenantFixture;
let subaccountOfA: string;
beforeAll(async () => {
  a = await createTenant(t.runtime, 'Tenant A');
  b = await createTenant(t.runtime, 'Tenant B');
  subaccountOfA = await createSubaccount(t.runtime, a.workspace.id);
});

/** Tenant A's object for an operation, created once and reused by the header checks. */
const targets = new Map<string, Promise<TenancyTarget>>();
function targetOf(op: Operation): Promise<TenancyTarget> {
  const fixture = fixtureOf(op);
  if (typeof fixture !== 'function') return Promise.resolve({});
  if (!targets.has(op.name)) targets.set(op.name, fixture({ runtime: t.runtime, tenant: a }));
  return targets.get(op.name)!;
}

function describeResponse(res: LightMyRequestResponse): string {
  return `${res.statusCode} ${res.body.slice(0, 300)}`;
}

async function call(op: Operation, target: TenancyTarget, headers: Record<string, string>, overrides: RequestOverrides = {}) {
  return t.app.inject(validRequest(op, { params: target.params, query: target.query, body: target.body, ...overrides, headers }));
}

/** B's ways in: its API key (workspace routes only) and its admin's session in B, each with A's credentials of the same kind. */
function credentialsOfB(op: Operation): Array<[string, Record<string, string>, Record<string, string>]> {
  const list: Array<[string, Record<string, string>, Record<string, string>]> = [['B admin Bearer + x-workspace-id B', b.adminHeaders, a.adminHeaders]];
  if (op.auth === 'workspace') list.unshift(['B API key', b.keyHeaders, a.keyHeaders]);
  return list;
}

describe('tenancy registry', () => {
  it('every non-public operation with path parameters has a tenancy fixture', () => {
    const missing = withPathParams.filter((op) => !fixtureOf(op)).map((op) => `${op.name} (${op.method} ${op.path})`);
    expect(missing, `add these operationIds to a src/modules/<module>/tenancy.fixtures.ts (see test/README.md):\n${missing.join('\n')}`).toEqual([]);
  });

  it('every fixture names an operation of the document', () => {
    const known = new Set(appOperations(t.app).map((op) => op.operationId));
    const stale = [...fixtures.entries()].filter(([id]) => !known.has(id)).map(([id, { file }]) => `${id} (src/${file})`);
    expect(stale).toEqual([]);
  });
});

const crossTenant = withPathParams.filter((op) => typeof fixtureOf(op) === 'function');
describe.skipIf(crossTenant.length === 0)("another workspace's object answers 404", () => {
  it.each(crossTenant.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const target = await targetOf(op);
    const ids = Object.values(target.params ?? {}).filter((v) => v.length >= 6);
    for (const [label, headers, ownOfSameKind] of credentialsOfB(op)) {
      const res = await call(op, target, headers);
      expect([403, 404], `${label}: ${describeResponse(res)}`).toContain(res.statusCode);
      for (const id of ids) expect(res.body, `${label}: the answer reveals A's id ${id}`).not.toContain(id);
      // A 403 may only refuse the kind of credentials (A's own of that kind are refused alike), never reveal that A's object exists.
      if (res.statusCode === 403) {
        const own = await call(op, target, ownOfSameKind);
        expect([own.statusCode, own.json().code], `${label} got 403 where A's own got ${describeResponse(own)}`).toEqual([403, res.json().code]);
      }
    }
    // Control: the owner reaches the object, so the 404 above was about tenancy, not a wrong fixture.
    const own = await call(op, target, op.auth === 'workspace' ? a.keyHeaders : a.adminHeaders);
    expect(own.statusCode, `A's own call: ${describeResponse(own)}`).not.toBe(404);
    expect(own.statusCode, `A's own call: ${describeResponse(own)}`).toBeLessThan(500);
  });
});

describe.skipIf(operations.length === 0)('x-workspace-id of a workspace the caller does not belong to answers 404', () => {
  it.each(operations.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const target = await targetOf(op);
    const tries: Array<[string, Record<string, string>]> = [['B admin Bearer', { authorization: b.adminHeaders.authorization, 'x-workspace-id': a.workspace.id }]];
    if (op.auth === 'workspace') tries.push(['B API key', { ...b.keyHeaders, 'x-workspace-id': a.workspace.id }]);
    for (const [label, headers] of tries) {
      const res = await call(op, target, headers);
      expect(res.statusCode, `${label}: ${describeResponse(res)}`).toBe(404);
      expect(res.body).not.toContain(a.workspace.id);
    }
  });
});

describe.skipIf(operations.length === 0)("x-subaccount-id of another workspace's subaccount answers 404", () => {
  it.each(operations.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const target = await targetOf(op);
    const tries: Array<[string, Record<string, string>]> = [['B admin Bearer', { ...b.adminHeaders, 'x-subaccount-id': subaccountOfA }]];
    if (op.auth === 'workspace') tries.push(['B API key', { ...b.keyHeaders, 'x-subaccount-id': subaccountOfA }]);
    for (const [label, headers] of tries) {
      const res = await call(op, target, headers);
      expect(res.statusCode, `${label}: ${describeResponse(res)}`).toBe(404);
      expect(res.body).not.toContain(subaccountOfA);
    }
  });
});
