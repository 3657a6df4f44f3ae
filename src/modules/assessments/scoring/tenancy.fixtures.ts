import type { TenancyContext, TenancyFixtures } from '../../../../test/support/tenancy-registry.js';
import { insertAssessmentRevision, insertAttempt } from './attempt-fixtures.js';
import { startOperation } from '../../../platform/operations/start-operation.js';
import { RECALCULATION_OPERATION } from './recalculate-attempts.js';
import { answerTo, essayQuestion, revisionOf, singleChoice } from './score-fixtures.js';

/** A finished attempt of tenant A (a choice and a reviewed essay), with its answer ids. */
export async function finishedAttemptOfA({ runtime, tenant }: TenancyContext) {
  const db = runtime.database.db;
  const revision = await insertAssessmentRevision(db, tenant.workspace.id, revisionOf([singleChoice('q1'), essayQuestion('e1')]), tenant.admin.id);
  const review = { score: 1, reviewer_id: tenant.admin.id, reviewed_at: new Date().toISOString() };
  const attempt = await insertAttempt(db, tenant.workspace.id, revision, [answerTo('q1', { choices: ['a'] }), answerTo('e1', { text: 'Essay' }, { review })], { status: 'finished' });
  return { attempt, revision };
}

export const tenancyFixtures: TenancyFixtures = {
  recalculateAssessmentAttempt: async (ctx) => ({ params: { participantId: (await finishedAttemptOfA(ctx)).attempt.id } }),
  syncAssessmentAttempt: async (ctx) => ({ params: { attemptId: (await finishedAttemptOfA(ctx)).attempt.id } }),
  // The platform's progress read, with an operation of the kind this module starts.
  getOperation: async ({ runtime, tenant }) => {
    const operation = await runtime.database.db.transaction((tx) =>
      startOperation(tx, { tenant: { workspaceId: tenant.workspace.id, allowedSubaccountIds: [] }, type: RECALCULATION_OPERATION, permission: 'manage_attempts', authorId: tenant.admin.id, total: 1001 }));
    return { params: { id: operation.id } };
  },
  bulkRecalculateAttemptScores: async (ctx) => ({ body: { ids: [(await finishedAttemptOfA(ctx)).attempt.id] } }),
};
