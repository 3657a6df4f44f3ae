/**
 * Rows for tests and tenancy fixtures, inserted directly: the assessments, attempts and answers
 * other parts of the module create through their own verbs. Not used by production code.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { DbOrTx } from '../../../platform/db/client.js';
import { newId } from '../../../platform/ids.js';
import type { QuestionType } from '../../questions/schema.js';
import { answers, assessmentRevisions, assessments, attempts, type AnswerRow, type AssessmentRow, type AttemptRow, type RevisionRow } from '../schema.js';
import type { FrozenQuestion, RevisionContent } from '../types.js';

export async function insertAssessment(db: DbOrTx, workspaceId: string, values: Partial<typeof assessments.$inferInsert> = {}): Promise<AssessmentRow> {
  const [row] = await db.insert(assessments).values({ workspaceId, id: newId(), name: 'Backend assessment', status: 'published', ...values }).returning();
  return row;
}

export function frozenQuestion(type: QuestionType, values: Partial<FrozenQuestion> = {}): FrozenQuestion {
  return {
    _id: newId(),
    type,
    level: 'intermediate',
    title: `A ${type} question`,
    description: '',
    locale: [],
    skill_ids: [],
    duration: 10,
    duration_unit: 'minute',
    weight: 1,
    section: null,
    content: {},
    settings: {},
    ...values,
  };
}

export async function insertRevision(db: DbOrTx, assessment: AssessmentRow, questions: FrozenQuestion[]): Promise<RevisionRow> {
  const content: RevisionContent = { name: assessment.name, description: '', language: assessment.language, duration_seconds: 3600, settings: assessment.settings, sections: [], questions };
  const sha256 = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  const [row] = await db.insert(assessmentRevisions).values({ workspaceId: assessment.workspaceId, id: newId(), assessmentId: assessment.id, number: 1, sha256, content }).returning();
  return row;
}

let counter = 0;
export async function insertAttempt(db: DbOrTx, assessment: Pick<AssessmentRow, 'workspaceId' | 'id'>, values: Partial<typeof attempts.$inferInsert> = {}): Promise<AttemptRow> {
  counter += 1;
  const [row] = await db
    .insert(attempts)
    .values({
      workspaceId: assessment.workspaceId,
      id: newId(),
      assessmentId: assessment.id,
      userId: newId(),
      email: `candidate.${counter}.${randomBytes(4).toString('hex')}@example.test`,
      name: `Candidate ${counter}`,
      status: 'invited',
      tokenNonce: randomBytes(16).toString('hex'),
      seed: randomInt(1, 2 ** 31 - 1),
      durationSeconds: 3600,
      invitationDate: new Date(),
      ...values,
    })
    .returning();
  return row;
}

/** A finished attempt with a score, on a revision of the given questions. */
export async function insertFinishedAttempt(db: DbOrTx, assessment: AssessmentRow, revision: RevisionRow, values: Partial<typeof attempts.$inferInsert> = {}): Promise<AttemptRow> {
  const started = new Date(Date.now() - 3_600_000);
  return insertAttempt(db, assessment, {
    revisionId: revision.id,
    status: 'finished',
    started,
    terms: started,
    finished: new Date(started.getTime() + 45 * 60_000),
    score: 75,
    totalScore: 3,
    maxScore: 4,
    ...values,
  });
}

export async function insertAnswer(db: DbOrTx, attempt: Pick<AttemptRow, 'workspaceId' | 'id'>, questionId: string, values: Partial<typeof answers.$inferInsert> = {}): Promise<AnswerRow> {
  const [row] = await db
    .insert(answers)
    .values({ workspaceId: attempt.workspaceId, id: newId(), attemptId: attempt.id, questionId, status: 'answered', response: { text: 'hello' }, revision: 1, savedAt: new Date(), ...values })
    .returning();
  return row;
}
