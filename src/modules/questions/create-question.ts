import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { VisibleQuestion } from './find-questions.js';
import { insertQuestion } from './insert-question.js';
import { checkReferences, checkTransition, mergeQuestion, newQuestionDefaults, type QuestionActor } from './question-values.js';
import type { CreateBody } from './schemas.js';

/**
 * A new question, status created unless published is asked for (a new question cannot start
 * archived). scope public (every workspace reads it) is for instance super admins only; the
 * question is then owned by the caller's workspace.
 */
export async function createQuestion(db: DbOrTx, actor: QuestionActor, body: CreateBody): Promise<VisibleQuestion> {
  const values = mergeQuestion(newQuestionDefaults, body);
  checkTransition('created', values.status);
  if (values.status === 'archived') throw new AppError(400, 'invalid_question', 'A new question starts created or published', [{ field: 'body/status', message: 'created or published' }]);
  if (body.scope === 'public') {
    if (!actor.superAdmin) {
      throw new AppError(403, 'super_admin_required', 'Only an instance super admin may create public questions', [{ field: 'body/scope', message: 'public needs a super admin' }]);
    }
    await checkReferences(db, actor.tenant, { ...values, subaccountIds: [] }, { subaccountsChanged: false, scope: 'public' });
    return insertQuestion(db, { scope: 'public', ownerWorkspaceId: actor.tenant.workspaceId }, { ...values, subaccountIds: [] }, { authorId: actor.actorId });
  }
  await checkReferences(db, actor.tenant, values, { subaccountsChanged: true, scope: 'private' });
  return insertQuestion(db, { scope: 'private', workspaceId: actor.tenant.workspaceId }, values, { authorId: actor.actorId });
}
