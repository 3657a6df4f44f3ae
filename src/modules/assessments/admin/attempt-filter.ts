import { and, eq, sql, type SQL } from 'drizzle-orm';
import { badRequest } from '../../../platform/errors.js';
import { jsonLogicFilter, type FilterFields } from '../../../platform/filters/json-logic.js';
import { searchAny } from '../../workspace/search.js';
import { attempts, type AttemptStatus } from '../schema.js';
import { groupingCondition, type Grouping } from './attempt-scope.js';

/** The JSONLogic fields of attempt lists. */
export const attemptFilterFields: FilterFields = {
  status: { column: attempts.status, type: 'text' },
  stage: { column: attempts.stage, type: 'text' },
  source: { column: attempts.source, type: 'text' },
  tags: { column: attempts.tags, type: 'text[]' },
  score: { column: attempts.score, type: 'number' },
  inviter: { column: attempts.inviterId, type: 'text' },
  assessment: { column: attempts.assessmentId, type: 'text' },
  email: { column: attempts.email, type: 'text' },
  name: { column: attempts.name, type: 'text' },
  hidden_results: { column: attempts.hiddenResults, type: 'boolean' },
  created: { column: attempts.created, type: 'date' },
  started: { column: attempts.started, type: 'date' },
  finished: { column: attempts.finished, type: 'date' },
  invitation_date: { column: attempts.invitationDate, type: 'date' },
};

export const attemptSortable = {
  created: attempts.created,
  updated: attempts.updated,
  status: attempts.status,
  stage: attempts.stage,
  email: attempts.email,
  name: attempts.name,
};

export interface AttemptFilter {
  status?: AttemptStatus;
  grouping?: Grouping;
  search?: string;
  query?: string;
  /** Attempts carrying every one of these tags. */
  tags?: string[];
}

/** `status` and `grouping` choose the same thing two ways: sending both is a 400. */
export function checkStatusOrGrouping(filter: Pick<AttemptFilter, 'status' | 'grouping'>): void {
  if (filter.status && filter.grouping) throw badRequest('status_or_grouping', 'Send status or grouping, not both', 'query/grouping');
}

export function attemptFilter(filter: AttemptFilter): SQL | undefined {
  checkStatusOrGrouping(filter);
  return and(
    filter.status ? eq(attempts.status, filter.status) : undefined,
    filter.grouping ? groupingCondition(filter.grouping) : undefined,
    searchAny(filter.search, [attempts.name, attempts.email]),
    filter.tags?.length ? sql`${attempts.tags} @> ${sql.param(filter.tags)}::text[]` : undefined,
    jsonLogicFilter(filter.query, attemptFilterFields),
  );
}
