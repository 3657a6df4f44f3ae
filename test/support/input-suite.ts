import { afterAll, beforeAll } from 'vitest';
import { testApp, type TestApp } from './app.js';
import { createTenant, type TenantFixture } from './fixtures.js';
import { appOperations, type Operation } from './openapi.js';

/**
 * What the input suites (bad-input, edge-input) share: the app with limits out of the way, its
 * operations, and tenant A's credentials so authentication is never what rejects the input.
 */
export interface InputSuite {
  t: TestApp;
  operations: Operation[];
  jsonBodyOps: Operation[];
  queryOps: Operation[];
  /** Tenant A, made before the tests run. */
  tenant: () => TenantFixture;
  /** Tenant A's credentials; none on public routes. */
  credentials: (op: Operation) => Record<string, string>;
}

export async function inputSuite(tenantName: string): Promise<InputSuite> {
  const t = await testApp({ rateLimit: { max: 1_000_000, windowMs: 60_000 } });
  afterAll(() => t.close());
  let a: TenantFixture | undefined;
  beforeAll(async () => {
    a = await createTenant(t.runtime, tenantName);
  });
  const tenant = () => {
    if (!a) throw new Error('tenant A is made in beforeAll');
    return a;
  };
  const operations = appOperations(t.app);
  return {
    t,
    operations,
    jsonBodyOps: operations.filter((op) => op.jsonBody),
    queryOps: operations.filter((op) => op.queryParams.length > 0),
    tenant,
    credentials: (op) => (op.auth === 'public' ? {} : op.auth === 'workspace' ? tenant().keyHeaders : tenant().adminHeaders),
  };
}
