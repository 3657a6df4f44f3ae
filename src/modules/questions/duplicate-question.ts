import type { DbOrTx } from '../../platform/db/client.js';
import type { VisibleQuestion } from './find-questions.js';
import { insertQuestion } from './insert-question.js';
import type { QuestionActor } from './question-values.js';
import { findVisibleQuestion } from './visible-questions.js';

/**
 * A copy of a question the workspace reads (its own or a public one) as a new private question of
 * the caller, status created: the same title, statement, locale, content, settings, skills and the
 * attachment and bootstrap metadata (the copy points at the same stored files). A copy of a public
 * question names it in `source_question_id`.
 */
export async function duplicateQuestion(db: DbOrTx, actor: QuestionActor, id: string): Promise<VisibleQuestion> {
  const source = await findVisibleQuestion(db, actor.tenant, id);
  return insertQuestion(
    db,
    { scope: 'private', workspaceId: actor.tenant.workspaceId },
    {
      type: source.type,
      status: 'created',
      level: source.level,
      title: source.title,
      description: source.description,
      locale: source.locale,
      duration: source.duration,
      durationUnit: source.durationUnit,
      weight: source.weight,
      skillIds: source.skillIds,
      categories: source.categories,
      questionDomains: source.questionDomains,
      topics: source.topics,
      content: source.content,
      settings: source.settings,
      internalNotes: source.internalNotes,
      subaccountIds: source.subaccountIds,
    },
    {
      authorId: actor.actorId,
      sourceQuestionId: source.scope === 'public' ? source.id : source.sourceQuestionId,
      attachments: source.attachments,
      bootstrap: source.bootstrap,
    },
  );
}
