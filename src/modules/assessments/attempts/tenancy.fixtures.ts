import type { TenancyContext, TenancyFixtures } from '../../../../test/support/tenancy-registry.js';
import { uniqueEmail } from '../../../../test/support/fixtures.js';
import { fourKinds, insertAssessment, insertQuestion } from './attempt-fixtures.js';
import { inviteAttempts } from './invite-attempts.js';

/** Attempts of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */

async function assessmentOfA({ runtime, tenant }: TenancyContext) {
  const db = runtime.database.db;
  const questionId = await insertQuestion(db, tenant.workspace.id, fourKinds.choice);
  return insertAssessment(db, tenant.workspace.id, { questionIds: [questionId] });
}

async function attemptOfA(context: TenancyContext) {
  const assessment = await assessmentOfA(context);
  const [attempt] = await inviteAttempts(
    { db: context.runtime.database.db, runtime: context.runtime, tenant: { workspaceId: context.tenant.workspace.id, allowedSubaccountIds: [] }, actorId: context.tenant.admin.id },
    assessment.id,
    [{ email: uniqueEmail('tenancy') }],
    { disable_email: true },
  );
  return { assessment, attempt };
}

export const tenancyFixtures: TenancyFixtures = {
  createAssessmentAttempts: async (context) => {
    const assessment = await assessmentOfA(context);
    return { params: { id: assessment.id }, body: { participants: [{ email: uniqueEmail('tenancy') }], disable_email: true } };
  },
  inviteAssessmentParticipants: async (context) => {
    const { assessment, attempt } = await attemptOfA(context);
    return { params: { id: assessment.id }, body: { participants: [attempt._id] } };
  },
  sendInviteToParticipants: async (context) => {
    const { attempt } = await attemptOfA(context);
    return { body: { ids: [attempt._id] } };
  },
  generateAutoLoginLink: async (context) => {
    const { assessment, attempt } = await attemptOfA(context);
    return { body: { participations: [attempt._id], assessment: assessment.id } };
  },
};
