import type { DbOrTx } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { newId } from '../../platform/ids.js';
import type { QuestionAttachment, QuestionBootstrap } from './content.js';
import type { VisibleQuestion } from './find-questions.js';
import { freeSlug, slugify, type QuestionValues } from './question-values.js';
import { publicQuestions, questions } from './schema.js';
import { fromPublicRow, fromWorkspaceRow } from './visible-questions.js';

export interface InsertExtras {
  authorId: string | null;
  sourceQuestionId?: string | null;
  attachments?: QuestionAttachment[];
  bootstrap?: QuestionBootstrap | null;
}

/** Where a new question goes: a workspace's own questions, or the public ones (owned by that workspace). */
export type QuestionTarget = { scope: 'private'; workspaceId: string } | { scope: 'public'; ownerWorkspaceId: string };

/** Inserts a question with a fresh id and a free slug from its title (see freeSlug for the race). */
export async function insertQuestion(db: DbOrTx, target: QuestionTarget, values: QuestionValues, extras: InsertExtras): Promise<VisibleQuestion> {
  const id = newId();
  const base = slugify(values.title);
  const slug = await freeSlug(db, base, target.scope === 'public' ? 'public' : { workspaceId: target.workspaceId });
  const common = {
    ...values,
    id,
    authorId: extras.authorId,
    sourceQuestionId: extras.sourceQuestionId ?? null,
    attachments: extras.attachments ?? [],
    bootstrap: extras.bootstrap ?? null,
  };
  const insert = async (withSlug: string) => {
    if (target.scope === 'public') {
      const { subaccountIds: _none, ...shared } = common;
      void _none;
      const [row] = await db.insert(publicQuestions).values({ ...shared, slug: withSlug, ownerWorkspaceId: target.ownerWorkspaceId }).returning();
      return fromPublicRow(row);
    }
    const [row] = await db.insert(questions).values({ ...common, slug: withSlug, workspaceId: target.workspaceId }).returning();
    return fromWorkspaceRow(row);
  };
  try {
    return await insert(slug);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return insert(`${base}-${id}`);
  }
}
