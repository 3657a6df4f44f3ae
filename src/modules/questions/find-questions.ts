import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { publicQuestions, questions, type QuestionRow } from './schema.js';

/** A question as a workspace sees it: its own (scope private) or a public one. */
export type VisibleQuestion = Omit<QuestionRow, 'workspaceId' | 'subaccountIds'> & {
  scope: 'private' | 'public';
  workspaceId: string | null;
  subaccountIds: string[];
  ownerWorkspaceId: string | null;
};

function fromPublic(row: typeof publicQuestions.$inferSelect): VisibleQuestion {
  return { ...row, scope: 'public', workspaceId: null, subaccountIds: [] };
}

function fromWorkspace(row: QuestionRow): VisibleQuestion {
  return { ...row, scope: 'private', ownerWorkspaceId: row.workspaceId };
}

/** The questions of `ids` the workspace may read, own ones first, then public (reads fall back to public questions). */
export async function findQuestions(db: DbOrTx, workspaceId: string, ids: readonly string[]): Promise<Map<string, VisibleQuestion>> {
  const found = new Map<string, VisibleQuestion>();
  if (ids.length === 0) return found;
  const unique = [...new Set(ids)];
  const own = await db.select().from(questions).where(and(eq(questions.workspaceId, workspaceId), inArray(questions.id, unique)));
  for (const row of own) found.set(row.id, fromWorkspace(row));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    for (const row of await db.select().from(publicQuestions).where(inArray(publicQuestions.id, missing))) found.set(row.id, fromPublic(row));
  }
  return found;
}

export async function findQuestion(db: DbOrTx, workspaceId: string, id: string): Promise<VisibleQuestion | undefined> {
  return (await findQuestions(db, workspaceId, [id])).get(id);
}
