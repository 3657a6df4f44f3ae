import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Role } from '../../../platform/config.js';
import type { Language } from '../../../platform/http/request-context.js';
import { notFound } from '../../../platform/errors.js';
import { isId } from '../../../platform/ids.js';
import { users } from '../../identity/schema.js';
import { memberships } from '../../identity/workspaces/schema.js';
import { employeeScope, type ScopedTenant } from '../scope.js';
import { rolesFormatted, statusLabel, type EmployeeStatus } from './labels.js';
import { memberDisplayName, memberFirstName, memberLastName } from './member-name.js';

/** Position, track and team come from the careers and workforce modules; until then they are null. */
const noPlacement = { position: null, positionName: null, track: null, trackName: null, team: null, teamName: null };

export const employeeFields = {
  id: memberships.userId,
  displayName: memberDisplayName,
  email: users.email,
  firstName: memberFirstName,
  lastName: memberLastName,
  address: users.address,
  confirmedAt: users.confirmedAt,
  lastLogin: users.lastLogin,
  lastAuthenticatedAt: users.lastAuthenticatedAt,
  roles: memberships.roles,
  status: memberships.status,
  permissions: memberships.permissions,
  subaccountIds: memberships.subaccountIds,
  externalId: memberships.externalId,
  tags: memberships.tags,
  created: memberships.created,
  updated: memberships.updated,
};

export interface EmployeeRow {
  id: string;
  displayName: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  address: unknown;
  confirmedAt: Date | null;
  lastLogin: Date | null;
  lastAuthenticatedAt: Date | null;
  roles: Role;
  status: EmployeeStatus;
  permissions: string[];
  subaccountIds: string[];
  externalId: string | null;
  tags: string[];
  created: Date;
  updated: Date;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The seed's "Get employee" shape. Position, track and team come from the careers module, which
 * does not exist yet: they are null.
 */
export function employeeView(row: EmployeeRow, language: Language) {
  return {
    _id: row.id,
    displayName: row.displayName,
    email: row.email,
    roles: row.roles,
    status: row.status,
    created: row.created.toISOString(),
    updated: row.updated.toISOString(),
    last_login: iso(row.lastLogin),
    last_authenticated_at: iso(row.lastAuthenticatedAt),
    permissions: row.permissions,
    external_id: row.externalId,
    tags: row.tags,
    ...noPlacement,
    subaccount_ids: row.subaccountIds,
    status_formatted: statusLabel(row.status, language),
    roles_formatted: rolesFormatted(row.roles, language),
  };
}

export type EmployeeView = ReturnType<typeof employeeView>;

/** The employee when the request may see them; 404 for anyone else (other workspace, other subaccount). */
export async function findEmployee(db: DbOrTx, tenant: ScopedTenant, userId: string): Promise<EmployeeRow> {
  if (!isId(userId)) throw notFound('Employee');
  const [row] = await db
    .select(employeeFields)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, tenant.workspaceId), eq(memberships.userId, userId), employeeScope(tenant)));
  if (!row) throw notFound('Employee');
  return row;
}

const profileFields = ['displayName', 'email', 'firstName', 'lastName', 'address'] as const;

/**
 * The seed's "Get user profile". Experiences, educations, languages, skills and certifications
 * belong to modules that do not exist yet: empty until then. `completeness_index` is the share of
 * the profile fields kept today that are filled in.
 */
export function profileView(row: EmployeeRow, language: Language) {
  const filled = profileFields.filter((field) => {
    const value = row[field];
    return value !== null && value !== undefined && value !== '' && !(typeof value === 'object' && Object.keys(value).length === 0);
  }).length;
  const employee = employeeView(row, language);
  return {
    _id: row.id,
    displayName: row.displayName,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    status: row.status,
    status_formatted: employee.status_formatted,
    roles: [row.roles],
    roles_formatted: employee.roles_formatted,
    integrations: {},
    social_medias: {},
    headline: null,
    bio: null,
    summary: null,
    experiences: [],
    social_causes: [],
    languages: [],
    educations: [],
    address: (row.address ?? {}) as Record<string, unknown>,
    years_experience: 0,
    last_onboarding_interaction: null,
    completeness_index: Math.round((filled / profileFields.length) * 100) / 100,
    created: row.created.toISOString(),
    last_login: employee.last_login,
    last_authenticated_at: employee.last_authenticated_at,
    external_id: row.externalId,
    tags: row.tags,
    skills: [],
    highlighted_skills: [],
    certifications: [],
    ...noPlacement,
  };
}
