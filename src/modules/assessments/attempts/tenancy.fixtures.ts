import { and, eq } from 'drizzle-orm';
import type { TenancyContext, TenancyFixtures } from '../../../../test/support/tenancy-registry.js';
import { uniqueEmail } from '../../../../test/support/fixtures.js';
import { newId } from '../../../platform/ids.js';
import { assessmentLinks, attempts } from '../schema.js';
import { attemptToken } from './attempt-access.js';
import { fourKinds, insertAssessment, insertQuestion } from './attempt-fixtures.js';
import { findRevision } from './freeze-revision.js';
import { inviteAttempts } from './invite-attempts.js';
import { acceptTerms, startAttempt } from './start-attempt.js';

/** Attempts of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */

async function assessmentOfA({ runtime, tenant }: TenancyContext) {
  const db = runtime.database.db;
  const questionId = await insertQuestion(db, tenant.workspace.id, fourKinds.choice);
  return insertAssessment(db, tenant.workspace.id, { questionIds: [questionId] });
}

async function attemptOfA(context: TenancyContext) {
  const assessment = await assessmentOfA(context);
  const db = context.runtime.database.db;
  const [invited] = await inviteAttempts(
    { db, runtime: context.runtime, tenant: { workspaceId: context.tenant.workspace.id, allowedSubaccountIds: [] }, actorId: context.tenant.admin.id },
    assessment.id,
    [{ email: uniqueEmail('tenancy') }],
    { disable_email: true },
  );
  const [row] = await db.select().from(attempts).where(and(eq(attempts.workspaceId, context.tenant.workspace.id), eq(attempts.id, invited._id)));
  return { assessment, attempt: row };
}

/**
 * A started attempt and its token, for the public candidate operations: the tenancy suite skips
 * public operations, but the edge-input suite sends its values to this live attempt.
 */
async function startedAttemptOfA(context: TenancyContext) {
  const { attempt } = await attemptOfA(context);
  const db = context.runtime.database.db;
  await acceptTerms(db, attempt);
  const started = await startAttempt(db, attempt.workspaceId, attempt.id);
  return { attempt: started, token: attemptToken(context.runtime, started) };
}

async function candidateToken(context: TenancyContext) {
  return { params: { token: (await startedAttemptOfA(context)).token } };
}

async function candidateAnswer(context: TenancyContext) {
  const { attempt, token } = await startedAttemptOfA(context);
  const revision = await findRevision(context.runtime.database.db, attempt.workspaceId, attempt.revisionId!);
  return { params: { token, questionId: revision!.content.questions[0]._id } };
}

export const tenancyFixtures: TenancyFixtures = {
  createAssessmentAttempts: async (context) => {
    const assessment = await assessmentOfA(context);
    return { params: { id: assessment.id }, body: { participants: [{ email: uniqueEmail('tenancy') }], disable_email: true } };
  },
  inviteAssessmentParticipants: async (context) => {
    const { assessment, attempt } = await attemptOfA(context);
    return { params: { id: assessment.id }, body: { participants: [attempt.id] } };
  },
  sendInviteToParticipants: async (context) => {
    const { attempt } = await attemptOfA(context);
    return { body: { ids: [attempt.id] } };
  },
  generateAutoLoginLink: async (context) => {
    const { assessment, attempt } = await attemptOfA(context);
    return { body: { participations: [attempt.id], assessment: assessment.id } };
  },
  acceptCandidateTerms: async (context) => ({ params: { token: attemptToken(context.runtime, (await attemptOfA(context)).attempt) } }),
  startCandidateAttempt: candidateToken,
  finishCandidateAttempt: candidateToken,
  saveCandidateAnswer: candidateAnswer,
  runCandidateAnswer: candidateAnswer,
  saveAttemptNotes: async (context) => {
    const { attempt, token } = await startedAttemptOfA(context);
    return { params: { id: attempt.id }, query: { access_token: token } };
  },
  openShareLink: async (context) => {
    const assessment = await assessmentOfA(context);
    const token = `${context.tenant.workspace.id}${newId()}`;
    await context.runtime.database.db.insert(assessmentLinks).values({ workspaceId: context.tenant.workspace.id, id: newId(), assessmentId: assessment.id, token });
    return { params: { token } };
  },
};
