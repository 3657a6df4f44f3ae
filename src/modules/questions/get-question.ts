import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import type { Language } from '../../platform/http/request-context.js';
import { users } from '../identity/schema.js';
import { memberships, workspaces } from '../identity/workspaces/schema.js';
import { memberDisplayName } from '../workspace/employees/member-name.js';
import type { ScopedTenant } from '../workspace/scope.js';
import type { VisibleQuestion } from './find-questions.js';
import { skillsOfQuestion } from './question-skills.js';
import { questionView, type QuestionExpansions, type QuestionView } from './question-view.js';
import { publicQuestions, questions } from './schema.js';
import { findVisibleQuestion, fromPublicRow, fromWorkspaceRow, ownScope, publicScope } from './visible-questions.js';

export type Include = 'author' | 'skills' | 'company';

export function parseInclude(include: string | undefined): Set<Include> {
  return new Set((include ?? '').split(',').map((s) => s.trim()).filter(Boolean) as Include[]);
}

/**
 * The names `include` asks for. The author is named as the reading workspace names its people when
 * they are its members, else by their own account name.
 */
export async function expansionsOf(db: DbOrTx, tenant: ScopedTenant, question: VisibleQuestion, include: Set<Include>, language: Language): Promise<QuestionExpansions> {
  const expanded: QuestionExpansions = {};
  if (include.has('author') && question.authorId) {
    const [author] = await db
      .select({ name: memberDisplayName })
      .from(users)
      .leftJoin(memberships, and(eq(memberships.workspaceId, tenant.workspaceId), eq(memberships.userId, users.id)))
      .where(eq(users.id, question.authorId));
    expanded.author = author ? { _id: question.authorId, name: author.name } : { _id: question.authorId };
  }
  const company = question.scope === 'private' ? question.workspaceId : question.ownerWorkspaceId;
  if (include.has('company') && company) {
    const [row] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, company));
    expanded.company = row ? { _id: company, name: row.name } : { _id: company };
  }
  if (include.has('skills')) {
    expanded.skills = (await skillsOfQuestion(db, question.skillIds, language)).map((s) => (s.name === null ? { _id: s._id } : { _id: s._id, name: s.name }));
  }
  return expanded;
}

export async function getQuestion(db: DbOrTx, tenant: ScopedTenant, id: string, include: Set<Include>, language: Language): Promise<QuestionView> {
  const question = await findVisibleQuestion(db, tenant, id);
  return questionView(question, language, await expansionsOf(db, tenant, question, include, language));
}

/**
 * A question by slug: with credentials, the workspace's own first, then public ones; without,
 * published public questions only.
 */
export async function findQuestionBySlug(db: DbOrTx, tenant: ScopedTenant | undefined, slug: string): Promise<VisibleQuestion> {
  if (tenant) {
    const [own] = await db.select().from(questions).where(and(ownScope(tenant), eq(questions.slug, slug)));
    if (own) return fromWorkspaceRow(own);
  }
  const [shared] = await db.select().from(publicQuestions).where(and(eq(publicQuestions.slug, slug), publicScope(tenant?.workspaceId)));
  if (!shared) throw notFound('Question');
  return fromPublicRow(shared);
}
