import type { TenancyContext, TenancyFixtures } from '../../../test/support/tenancy-registry.js';
import { createQuestion } from './create-question.js';
import { sampleQuestions } from './question-samples.js';

/** Objects of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */
async function questionOfA({ runtime, tenant }: TenancyContext) {
  const question = await createQuestion(
    runtime.database.db,
    { tenant: { workspaceId: tenant.workspace.id, allowedSubaccountIds: [] }, actorId: tenant.admin.id, superAdmin: false },
    sampleQuestions.choice,
  );
  return { params: { id: question.id } };
}

export const tenancyFixtures: TenancyFixtures = {
  getQuestion: questionOfA,
  updateQuestion: async (ctx) => ({ ...(await questionOfA(ctx)), body: { level: 'advanced' } }),
  duplicateQuestion: questionOfA,
  getQuestionRecommendations: questionOfA,
};

// Bulk routes take ids in the body: B naming A's questions must get the same 404 as an unknown id.
const idsOfA = async (ctx: TenancyContext) => ({ body: [(await questionOfA(ctx)).params.id] });
Object.assign(tenancyFixtures, { archiveQuestions: idsOfA, unarchiveQuestions: idsOfA, deleteQuestions: idsOfA });
