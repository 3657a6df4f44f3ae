import { and, eq } from 'drizzle-orm';
import type { TenancyContext, TenancyFixtures } from '../../../../test/support/tenancy-registry.js';
import { answers } from '../schema.js';
import { finishedAttemptOfA } from '../scoring/tenancy.fixtures.js';

async function essayAnswerOfA(ctx: TenancyContext): Promise<string> {
  const { attempt } = await finishedAttemptOfA(ctx);
  const [answer] = await ctx.runtime.database.db
    .select({ id: answers.id })
    .from(answers)
    .where(and(eq(answers.workspaceId, attempt.workspaceId), eq(answers.attemptId, attempt.id), eq(answers.questionId, 'e1')));
  return answer.id;
}

export const tenancyFixtures: TenancyFixtures = {
  saveAssessmentAnswerReview: async (ctx) => ({ params: { id: await essayAnswerOfA(ctx) }, body: { score: 1, comment: 'Tenancy review' } }),
  bulkMoveAnswersToPendingReview: async (ctx) => ({ body: { ids: [await essayAnswerOfA(ctx)] } }),
};
