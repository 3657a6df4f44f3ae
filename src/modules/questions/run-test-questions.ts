import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/ids.js';
import type { QuestionContent } from './content.js';
import { publicQuestions, questions, type QuestionType } from './schema.js';

/** Questions written straight into the tables, for tests and tenancy fixtures of this folder's routes. */
export interface TestQuestion {
  type: QuestionType;
  content?: QuestionContent;
  title?: string;
}

export async function insertOwnQuestion(db: Db, workspaceId: string, question: TestQuestion): Promise<string> {
  const id = newId();
  const title = question.title ?? `Test ${question.type} question`;
  await db.insert(questions).values({ workspaceId, id, slug: `test-${id}`, type: question.type, title, content: question.content ?? {} });
  return id;
}

export async function insertPublicQuestion(db: Db, question: TestQuestion): Promise<string> {
  const id = newId();
  const title = question.title ?? `Public ${question.type} question`;
  await db.insert(publicQuestions).values({ id, slug: `public-${id}`, type: question.type, status: 'published', title, content: question.content ?? {} });
  return id;
}
