import type { TenancyContext, TenancyFixtures } from '../../../test/support/tenancy-registry.js';
import { insertRun } from './run-queue.js';
import { resolveLimits } from './run-submission.js';

/** Coding runs of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */

async function codingRunOfA({ runtime, tenant }: TenancyContext) {
  const run = await insertRun(runtime.database.db, tenant.workspace.id, {
    languageId: 71,
    source: 'print(1)',
    tests: [{ input: '', expected_output: '1' }],
    limits: resolveLimits(),
    comparison: { mode: 'trimmed' },
  });
  return { params: { id: run.id } };
}

const questionOnly = 'the question id is recorded on the run, not looked up: the judge has no question of its own';

export const tenancyFixtures: TenancyFixtures = {
  getCodingRun: codingRunOfA,
  generateCodingStub: { skip: questionOnly },
};
