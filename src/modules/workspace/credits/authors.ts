import { and, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { paginate, type Page, type PageQueryValues } from '../../../platform/paging/paginate.js';
import { users } from '../../identity/schema.js';
import { searchAny } from '../search.js';
import { creditEntries } from './schema.js';
import type { CreditsTenant } from './ledger.js';

export interface CreditAuthor {
  _id: string;
  displayName: string;
  email: string;
}

/** People who appear as author in the workspace's credits history. */
export async function listCreditAuthors(db: DbOrTx, tenant: CreditsTenant, query: PageQueryValues & { search?: string }): Promise<Page<CreditAuthor>> {
  const inLedger = sql`exists (select 1 from ${creditEntries} where ${creditEntries.workspaceId} = ${tenant.workspaceId} and ${creditEntries.authorId} = ${users.id})`;
  return paginate(db, query, {
    fields: { _id: users.id, displayName: users.displayName, email: users.email },
    from: (select) => select.from(users),
    where: and(inLedger, searchAny(query.search, [users.displayName, users.email])) as SQL,
    sortable: { displayName: users.displayName, email: users.email },
    id: users.id,
  });
}
