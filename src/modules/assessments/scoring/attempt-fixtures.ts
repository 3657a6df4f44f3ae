import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../../platform/db/client.js';
import { insertMany } from '../../../platform/db/insert-many.js';
import { newId } from '../../../platform/ids.js';
import { answers, assessmentRevisions, assessments, attempts, type AttemptRow, type AttemptStatus } from '../schema.js';
import type { RevisionContent } from '../types.js';
import type { ScorableAnswer } from './score-types.js';

/**
 * Assessments, revisions, attempts and answers written straight to the tables, for the scoring and
 * review tests, the tenancy fixtures and the recalculation benchmark (the attempts module's own
 * verbs are not needed to score an attempt, and a benchmark inserts 100,000 of them at once).
 */

export interface SavedRevision {
  assessmentId: string;
  revisionId: string;
}

export async function insertAssessmentRevision(db: DbOrTx, workspaceId: string, content: RevisionContent, authorId: string | null = null): Promise<SavedRevision> {
  const assessmentId = newId();
  const revisionId = newId();
  await db.insert(assessments).values({ workspaceId, id: assessmentId, name: content.name, status: 'published', language: 'en', authorId, settings: content.settings });
  const sha256 = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  await db.insert(assessmentRevisions).values({ workspaceId, id: revisionId, assessmentId, number: 1, sha256, content });
  return { assessmentId, revisionId };
}

export interface AttemptOptions {
  status?: AttemptStatus;
  email?: string;
  name?: string;
  userId?: string;
  webhookUrl?: string | null;
  disableEmail?: boolean;
  hiddenResults?: boolean;
  external?: Record<string, unknown>;
  subaccountIds?: string[];
}

let counter = 0;

export function attemptRow(workspaceId: string, revision: SavedRevision, options: AttemptOptions = {}): typeof attempts.$inferInsert {
  counter += 1;
  const started = new Date();
  return {
    workspaceId,
    id: newId(),
    assessmentId: revision.assessmentId,
    revisionId: revision.revisionId,
    userId: options.userId ?? newId(),
    email: options.email ?? `candidate.${counter}.${randomBytes(4).toString('hex')}@example.test`,
    name: options.name ?? `Candidate ${counter}`,
    status: options.status ?? 'started',
    tokenNonce: randomBytes(12).toString('hex'),
    seed: counter,
    durationSeconds: 3600,
    started,
    webhookUrl: options.webhookUrl ?? null,
    disableEmail: options.disableEmail ?? false,
    hiddenResults: options.hiddenResults ?? false,
    external: options.external ?? {},
    subaccountIds: options.subaccountIds ?? [],
  };
}

export function answerRows(workspaceId: string, attemptId: string, saved: readonly ScorableAnswer[]): Array<typeof answers.$inferInsert> {
  return saved.map((answer) => ({
    workspaceId,
    id: newId(),
    attemptId,
    questionId: answer.questionId,
    status: answer.response === null ? 'unanswered' : 'answered',
    response: answer.response,
    revision: 1,
    autoResult: answer.autoResult,
    review: answer.review,
  }));
}

export async function insertAttempt(db: DbOrTx, workspaceId: string, revision: SavedRevision, saved: readonly ScorableAnswer[], options: AttemptOptions = {}): Promise<AttemptRow> {
  const row = attemptRow(workspaceId, revision, options);
  const [attempt] = await db.insert(attempts).values(row).returning();
  await insertMany(db, answers, answerRows(workspaceId, attempt.id, saved));
  return attempt;
}
