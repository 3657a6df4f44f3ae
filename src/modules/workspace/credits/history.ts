import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { paginate, type Page, type PageQueryValues } from '../../../platform/paging/paginate.js';
import { users } from '../../identity/schema.js';
import { creditEntries, type CreditAction, type CreditType } from './schema.js';
import { creditActionLabel, creditTypeLabel } from './labels.js';
import type { CreditsTenant } from './ledger.js';

export const creditRowFields = {
  id: creditEntries.id,
  action: creditEntries.action,
  type: creditEntries.type,
  amount: creditEntries.amount,
  note: creditEntries.note,
  relatedType: creditEntries.relatedType,
  relatedId: creditEntries.relatedId,
  expires: creditEntries.expires,
  created: creditEntries.created,
  authorId: creditEntries.authorId,
  authorName: users.displayName,
  authorEmail: users.email,
};

export interface CreditRow {
  id: string;
  action: CreditAction;
  type: CreditType;
  amount: number;
  note: string | null;
  relatedType: string | null;
  relatedId: string | null;
  expires: Date | null;
  created: Date;
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
}

/** A history row as the API shows it. */
export function creditView(row: CreditRow, language: Language) {
  return {
    _id: row.id,
    action: row.action,
    action_formatted: creditActionLabel(row.action, language),
    type: row.type,
    type_formatted: creditTypeLabel(row.type, language),
    amount: row.amount,
    author: row.authorId ? { _id: row.authorId, displayName: row.authorName, email: row.authorEmail } : null,
    related: row.relatedType && row.relatedId ? { type: row.relatedType, _id: row.relatedId } : null,
    note: row.note,
    expires: row.expires ? row.expires.toISOString() : null,
    created: row.created.toISOString(),
  };
}

export type CreditView = ReturnType<typeof creditView>;

/** The workspace's ledger, newest first by default; `filter` is an already-validated condition. */
export async function listCreditHistory(db: DbOrTx, tenant: CreditsTenant, query: PageQueryValues, language: Language, filter?: SQL): Promise<Page<CreditView>> {
  const page = await paginate(db, query, {
    fields: creditRowFields,
    from: (select) => select.from(creditEntries).leftJoin(users, eq(users.id, creditEntries.authorId)) as unknown as AnyPgSelect,
    where: and(eq(creditEntries.workspaceId, tenant.workspaceId), filter) as SQL,
    sortable: { created: creditEntries.created, action: creditEntries.action, type: creditEntries.type, amount: creditEntries.amount },
    id: creditEntries.id,
  });
  return { ...page, docs: page.docs.map((row) => creditView(row as CreditRow, language)) };
}

export async function findCreditEntry(db: DbOrTx, tenant: CreditsTenant, id: string): Promise<CreditRow | undefined> {
  const [row] = await db
    .select(creditRowFields)
    .from(creditEntries)
    .leftJoin(users, eq(users.id, creditEntries.authorId))
    .where(and(eq(creditEntries.workspaceId, tenant.workspaceId), eq(creditEntries.id, id)));
  return row;
}
