import type { TenancyContext, TenancyFixtures } from '../../../../test/support/tenancy-registry.js';
import { insertAssessment, insertAttempt } from './test-factory.js';

/** Objects of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */

async function attemptOfA({ runtime, tenant }: TenancyContext) {
  const db = runtime.database.db;
  const assessment = await insertAssessment(db, tenant.workspace.id, { name: 'Tenancy assessment' });
  const attempt = await insertAttempt(db, assessment);
  return { assessment, attempt };
}

export const tenancyFixtures: TenancyFixtures = {
  findAssessmentAttemptResult: async (ctx) => {
    const { assessment, attempt } = await attemptOfA(ctx);
    return { params: { id: assessment.id, attemptId: attempt.id } };
  },
  listAssessmentAttempts: async (ctx) => ({ params: { id: (await attemptOfA(ctx)).assessment.id } }),
  listAttemptIds: async (ctx) => ({ params: { assessmentId: (await attemptOfA(ctx)).assessment.id } }),
  listUserAttempts: async (ctx) => ({ params: { id: (await attemptOfA(ctx)).attempt.userId } }),
};
