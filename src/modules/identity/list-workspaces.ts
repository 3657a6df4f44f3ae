import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/request-context.js';
import { paginate, type Page, type PageQueryValues } from '../../platform/paging/paginate.js';
import { memberships, workspaces } from './workspaces/schema.js';

export interface WorkspaceOfPrincipal {
  _id: string;
  name: string;
  slug: string;
  roles: string;
  joined: string;
}

const sortable = { name: workspaces.name, created: workspaces.created };

/**
 * The workspaces a caller may act in: a user's active memberships (with the role in each), or the
 * one workspace of an API key. Invited, paused and inactive memberships are not listed: the user
 * cannot act there.
 */
export async function listWorkspaces(db: DbOrTx, principal: Principal, query: PageQueryValues): Promise<Page<WorkspaceOfPrincipal>> {
  const page =
    principal.kind === 'user'
      ? await paginate(db, query, {
          fields: { _id: workspaces.id, name: workspaces.name, slug: workspaces.slug, roles: sql<string>`${memberships.roles}`, joined: memberships.created },
          from: (select) => select.from(memberships).innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId)),
          where: and(eq(memberships.userId, principal.userId), eq(memberships.status, 'active'))!,
          sortable: { ...sortable, joined: memberships.created },
          id: workspaces.id,
        })
      : await paginate(db, query, {
          fields: { _id: workspaces.id, name: workspaces.name, slug: workspaces.slug, roles: sql<string>`'admin'`, joined: workspaces.created },
          from: (select) => select.from(workspaces),
          where: eq(workspaces.id, principal.workspaceId),
          sortable: { ...sortable, joined: workspaces.created },
          id: workspaces.id,
        });
  return { ...page, docs: page.docs.map((row) => ({ ...row, joined: row.joined.toISOString() })) };
}
