import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { conflict } from '../../platform/errors.js';
import type { VisibleQuestion } from './find-questions.js';
import { insertQuestion } from './insert-question.js';
import { checkReferences, checkTransition, mergeQuestion, touch, type QuestionActor } from './question-values.js';
import { publicQuestions, questions } from './schema.js';
import type { UpdateBody } from './schemas.js';
import { findVisibleQuestion, fromPublicRow, fromWorkspaceRow } from './visible-questions.js';

export const archivedReadOnly = () => conflict('question_archived', 'An archived question is read-only: unarchive it first (POST /assessments/questions/bulk/unarchive)');

/** A public question is edited in place only by a super admin of the workspace that owns it. */
export function editsInPlace(question: VisibleQuestion, actor: QuestionActor): boolean {
  return question.scope === 'private' || (actor.superAdmin && question.ownerWorkspaceId === actor.tenant.workspaceId);
}

export interface UpdateResult {
  question: VisibleQuestion;
  /** True when a public question was copied into the workspace instead of changed. */
  copied: boolean;
}

/**
 * Updates a question; fields left out stay. Archived questions are read-only (409
 * `question_archived`). A public question the caller may not edit in place (editsInPlace) is copied
 * into the workspace with the changes (copy-on-write: `source_question_id` names the original, which
 * stays as it was), and the answer is the copy.
 */
export async function updateQuestion(db: DbOrTx, actor: QuestionActor, id: string, body: UpdateBody): Promise<UpdateResult> {
  const found = await findVisibleQuestion(db, actor.tenant, id);
  if (found.status === 'archived') throw archivedReadOnly();
  const values = mergeQuestion(found, body);
  checkTransition(found.status, values.status);

  if (!editsInPlace(found, actor)) {
    const copy = { ...values, subaccountIds: body.subaccount_ids ? values.subaccountIds : [] };
    await checkReferences(db, actor.tenant, copy, { subaccountsChanged: true, scope: 'private' });
    const question = await insertQuestion(db, { scope: 'private', workspaceId: actor.tenant.workspaceId }, copy, {
      authorId: actor.actorId,
      sourceQuestionId: found.id,
      attachments: found.attachments,
      bootstrap: found.bootstrap,
    });
    return { question, copied: true };
  }

  await checkReferences(db, actor.tenant, values, { subaccountsChanged: found.scope === 'private' && body.subaccount_ids !== undefined, scope: found.scope });
  if (found.scope === 'public') {
    const { subaccountIds: _none, ...shared } = values;
    void _none;
    const [row] = await db
      .update(publicQuestions)
      .set({ ...shared, updated: touch() })
      .where(and(eq(publicQuestions.id, id), eq(publicQuestions.status, found.status)))
      .returning();
    if (!row) throw conflict('question_changed', 'The question changed while it was being updated; read it again');
    return { question: fromPublicRow(row), copied: false };
  }
  const [row] = await db
    .update(questions)
    .set({ ...values, updated: touch() })
    .where(and(eq(questions.workspaceId, actor.tenant.workspaceId), eq(questions.id, id), eq(questions.status, found.status)))
    .returning();
  if (!row) throw conflict('question_changed', 'The question changed while it was being updated; read it again');
  return { question: fromWorkspaceRow(row), copied: false };
}
