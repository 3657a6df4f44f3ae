import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { rolePermissions, roles, type Permission } from '../../../platform/auth/permissions.js';
import type { DateRange } from '../../../platform/exports/date-range.js';
import { jsonLogicFilter, type FilterFields } from '../../../platform/filters/json-logic.js';
import { users } from '../../identity/schema.js';
import { memberships } from '../../identity/workspaces/schema.js';
import { employeeScope, type ScopedTenant } from '../scope.js';
import { searchAny } from '../search.js';
import { memberDisplayName } from './member-name.js';

/** Nobody has values for these yet: their modules do not exist, so they compare as empty. */
const notYetKept = sql`null::text`;

/**
 * The employees' JSONLogic fields (catalog §3 item 2). educations.field_study,
 * certifications.name, languages.code and projects.name belong to profile modules that do not
 * exist yet: they are accepted and hold no value, so `==` matches nobody and `!=` everybody.
 */
export const employeeFilterFields: FilterFields = {
  status: { column: memberships.status, type: 'text' },
  roles: { column: memberships.roles, type: 'text' },
  external_id: { column: memberships.externalId, type: 'text' },
  tags: { column: memberships.tags, type: 'text[]' },
  created: { column: memberships.created, type: 'date' },
  'address.full_location': { column: sql`(${users.address} ->> 'full_location')`, type: 'text' },
  'educations.field_study': { column: notYetKept, type: 'text' },
  'certifications.name': { column: notYetKept, type: 'text' },
  'languages.code': { column: notYetKept, type: 'text' },
  'projects.name': { column: notYetKept, type: 'text' },
};

/** `pending` (the users-CSV wording) means not yet active: draft or invited. */
export const statusFilterValues = ['draft', 'invited', 'active', 'paused', 'inactive', 'pending'] as const;
export type StatusFilter = (typeof statusFilterValues)[number];

export interface EmployeeFilter {
  search?: string;
  status?: StatusFilter;
  /** base64 JSONLogic */
  query?: string;
  /** Employees holding all of these (through their role or granted one by one). */
  permissions?: Permission[];
  /** When they joined the workspace. */
  range?: DateRange;
}

function holds(permission: Permission): SQL {
  const byRole = roles.filter((role) => rolePermissions[role].includes(permission));
  return or(sql`${permission} = any(${memberships.permissions})`, byRole.length ? inArray(memberships.roles, byRole) : undefined) as SQL;
}

/** Tenant, subaccount scope and the request's filters, for a query over memberships joined to users. */
export function employeeWhere(tenant: ScopedTenant, filter: EmployeeFilter): SQL {
  return and(
    eq(memberships.workspaceId, tenant.workspaceId),
    employeeScope(tenant),
    filter.status === 'pending' ? inArray(memberships.status, ['draft', 'invited']) : filter.status ? eq(memberships.status, filter.status) : undefined,
    searchAny(filter.search, [memberDisplayName, users.email]),
    ...(filter.permissions ?? []).map(holds),
    filter.range?.from ? gte(memberships.created, filter.range.from) : undefined,
    filter.range?.to ? lt(memberships.created, filter.range.to) : undefined,
    jsonLogicFilter(filter.query, employeeFilterFields),
  ) as SQL;
}
