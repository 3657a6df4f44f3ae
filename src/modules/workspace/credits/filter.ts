import type { SQL } from 'drizzle-orm';
import { jsonLogicFilter, type FilterFields } from '../../../platform/filters/json-logic.js';
import { creditEntries } from './schema.js';

/** The JSONLogic fields of the credits history (catalog §3 item 2): author, action, type, created, expires. */
export const creditFilterFields: FilterFields = {
  author: { column: creditEntries.authorId, type: 'text' },
  action: { column: creditEntries.action, type: 'text' },
  type: { column: creditEntries.type, type: 'text' },
  created: { column: creditEntries.created, type: 'date' },
  expires: { column: creditEntries.expires, type: 'date' },
};

export function creditHistoryFilter(query: string | undefined): SQL | undefined {
  return jsonLogicFilter(query, creditFilterFields);
}
