import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { paginate, type PageQueryValues } from '../../platform/paging/paginate.js';
import { users } from '../identity/schema.js';
import { memberships } from '../identity/workspaces/schema.js';
import { memberDisplayName } from '../workspace/employees/member-name.js';
import { searchAny } from '../workspace/search.js';
import type { ScopedTenant } from '../workspace/scope.js';
import { questions } from './schema.js';
import { ownScope } from './visible-questions.js';

/** People who wrote the workspace's own questions, named as the workspace names them, with their question count. */
export async function pageQuestionAuthors(db: DbOrTx, tenant: ScopedTenant, query: PageQueryValues, filter: { ids?: string[]; search?: string }) {
  const written = db
    .select({ authorId: sql<string>`${questions.authorId}`.as('author_id'), questions: sql<number>`count(*)::int`.as('questions') })
    .from(questions)
    .where(and(ownScope(tenant), sql`${questions.authorId} is not null`))
    .groupBy(questions.authorId)
    .as('authors');
  const page = await paginate(db, query, {
    fields: { _id: written.authorId, name: memberDisplayName, email: users.email, questions: written.questions },
    from: (select) =>
      select
        .from(written)
        .innerJoin(users, eq(users.id, written.authorId))
        .leftJoin(memberships, and(eq(memberships.workspaceId, tenant.workspaceId), eq(memberships.userId, written.authorId))),
    where: and(filter.ids?.length ? inArray(written.authorId, filter.ids) : undefined, searchAny(filter.search, [memberDisplayName, users.email])) ?? sql`true`,
    sortable: { name: sql`lower(${memberDisplayName})`, questions: sql`${written.questions}` },
    id: written.authorId as never,
  });
  return { ...page, docs: page.docs.map((d) => ({ _id: d._id, name: d.name, email: d.email, questions: Number(d.questions) })) };
}
