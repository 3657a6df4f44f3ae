import { Type } from 'typebox';
import { permissions, roles } from '../../../platform/auth/permissions.js';
import { PageQuery } from '../../../platform/paging/paginate.js';
import { statusFilterValues } from './employee-filter.js';
import { employeeStatuses } from './labels.js';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
export const Id = Type.String({ pattern: '^[0-9a-f]{24}$', description: '24-hex id' });
export const RoleName = Type.Enum([...roles], { description: 'user, business, hunter, manager or admin' });
export const PermissionName = Type.Enum([...permissions]);
export const StatusName = Type.Enum([...employeeStatuses], { description: 'draft, invited, active, paused or inactive' });
export const UserParams = Type.Object({ id: Type.String({ maxLength: 64, description: 'User id' }) });

const careerNote = { description: 'From the careers module: null until it exists' };
const careerFields = {
  position: Type.Union([Type.String(), Type.Null()], careerNote),
  positionName: Type.Union([Type.String(), Type.Null()], careerNote),
  track: Type.Union([Type.String(), Type.Null()], careerNote),
  trackName: Type.Union([Type.String(), Type.Null()], careerNote),
  team: Type.Union([Type.String(), Type.Null()], careerNote),
  teamName: Type.Union([Type.String(), Type.Null()], careerNote),
};

export const Employee = Type.Object(
  {
    _id: Type.String(),
    displayName: Type.String({ description: "The name this workspace gave the person, else the account's own name" }),
    email: Type.String(),
    roles: Type.String({ description: 'Role in this workspace' }),
    status: Type.String(),
    created: Type.String({ format: 'date-time', description: 'When the person joined the workspace' }),
    updated: DateTime,
    last_login: NullableDateTime,
    last_authenticated_at: NullableDateTime,
    permissions: Type.Array(Type.String(), { description: 'Granted on top of the role' }),
    external_id: NullableString,
    tags: Type.Array(Type.String()),
    ...careerFields,
    subaccount_ids: Type.Array(Type.String()),
    status_formatted: Type.String({ description: 'status in the x-language' }),
    roles_formatted: Type.Array(Type.String()),
  },
  { title: 'Employee' },
);

const EmptyList = Type.Array(Type.Unknown());

export const Profile = Type.Object(
  {
    _id: Type.String(),
    displayName: Type.String(),
    email: Type.String(),
    firstName: NullableString,
    lastName: NullableString,
    status: Type.String(),
    status_formatted: Type.String(),
    roles: Type.Array(Type.String()),
    roles_formatted: Type.Array(Type.String()),
    integrations: Type.Object({}),
    social_medias: Type.Object({}),
    headline: NullableString,
    bio: NullableString,
    summary: NullableString,
    experiences: EmptyList,
    social_causes: EmptyList,
    languages: EmptyList,
    educations: EmptyList,
    address: Type.Object({}, { additionalProperties: true }),
    years_experience: Type.Number(),
    last_onboarding_interaction: NullableDateTime,
    completeness_index: Type.Number({ minimum: 0, maximum: 1 }),
    created: DateTime,
    last_login: NullableDateTime,
    last_authenticated_at: NullableDateTime,
    external_id: NullableString,
    tags: Type.Array(Type.String()),
    skills: EmptyList,
    highlighted_skills: EmptyList,
    certifications: EmptyList,
    ...careerFields,
  },
  { title: 'EmployeeProfile' },
);

export const EmployeeStats = Type.Object(
  { total: Type.Integer(), users_count: Type.Integer({ description: 'Employees who are not admins' }), admins_count: Type.Integer() },
  { title: 'EmployeeStats' },
);

const filterFields = {
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of name or e-mail' })),
  status: Type.Optional(Type.Enum([...statusFilterValues], { description: 'draft, invited, active, paused, inactive; pending = draft or invited', example: 'active' })),
};

const queryDescription =
  'JSONLogic filter, base64-encoded (plain JSON too). Fields: status, roles, external_id, tags, created, address.full_location, ' +
  'and educations.field_study, certifications.name, languages.code, projects.name — these four belong to modules not built yet and hold no value ' +
  '(== matches nobody, != everybody).';

const QueryParam = Type.Optional(Type.String({ maxLength: 8192, description: queryDescription, example: 'eyI9PSI6W3sidmFyIjoic3RhdHVzIn0sImFjdGl2ZSJdfQ==' }));

export const ListQuery = Type.Object({
  ...PageQuery,
  ...filterFields,
  query: QueryParam,
  permissions: Type.Optional(Type.Array(PermissionName, { maxItems: 40, description: 'Employees holding all of these (by role or granted)' })),
});

export const ExportListQuery = Type.Object({ ...PageQuery, ...filterFields, query: QueryParam });

export const ExportBody = Type.Object({
  query: Type.Optional(Type.String({ maxLength: 8192, description: queryDescription })),
  ...filterFields,
  startDate: Type.Optional(Type.String({ maxLength: 40, description: 'Joined from (YYYY-MM-DD or ISO date-time)', example: '2024-01-01' })),
  endDate: Type.Optional(Type.String({ maxLength: 40, description: 'Joined until (a day-only date includes that day)', example: '2024-01-31' })),
});

export const CertificatesExportBody = Type.Object({
  locale: Type.Optional(Type.Enum(['en', 'pt', 'es'], { description: 'Language of the headers; overrides x-language' })),
});

export const NewEmployee = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  displayName: Type.Optional(Type.String({ maxLength: 50, description: "This workspace's name for the person (defaults to firstName + lastName); other workspaces never see it. Without one, the account's own name shows" })),
  firstName: Type.Optional(Type.String({ maxLength: 100 })),
  lastName: Type.Optional(Type.String({ maxLength: 100 })),
  roles: Type.Optional(RoleName),
  permissions: Type.Optional(Type.Array(PermissionName, { uniqueItems: true, maxItems: 40 })),
  subaccount_ids: Type.Optional(Type.Array(Id, { uniqueItems: true, maxItems: 500 })),
  external_id: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
});

export const CreateBody = Type.Object({ users: Type.Array(NewEmployee, { minItems: 1, maxItems: 10_000, description: 'People to add (CreateWorkspaceUserDto)' }) });

export const CreatedEmployee = Type.Object(
  {
    _id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    roles: Type.String(),
    status: Type.String(),
    invited: Type.Boolean({ description: 'false when the person already was an employee (left unchanged, no e-mail)' }),
    link: Type.Union([Type.String(), Type.Null()], { description: 'Invitation link, also e-mailed' }),
    expires: NullableDateTime,
  },
  { title: 'CreatedEmployee' },
);

export const UpdateBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: "This workspace's name for the person; the account and other workspaces keep theirs" })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  roles: Type.Optional(RoleName),
  permissions: Type.Optional(Type.Array(PermissionName, { maxItems: 40, description: 'Replaces the granted permissions' })),
  position: Type.Optional(Type.Unknown({ description: 'Accepted; ignored until the careers module exists' })),
  positionName: Type.Optional(Type.Unknown({ description: 'Accepted; ignored until the careers module exists' })),
  team: Type.Optional(Type.Unknown({ description: 'Accepted; ignored until the careers module exists' })),
  teamName: Type.Optional(Type.Unknown({ description: 'Accepted; ignored until the careers module exists' })),
  active: Type.Optional(Type.Boolean({ description: 'false = may not sign in (status inactive) unless status is sent' })),
  status: Type.Optional(StatusName),
  subaccount_ids: Type.Optional(Type.Array(Id, { maxItems: 500, description: 'Replaces the subaccounts' })),
  external_id: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
});

const DeleteAccount = Type.Boolean({
  default: false,
  description: 'Also delete the account when nobody ever used it (no password, never signed in, no linked identity) and it is in no other workspace (needs manage_user)',
});
export const RemoveOneBody = Type.Object({ deleteAccount: Type.Optional(DeleteAccount) });
export const RemoveManyBody = Type.Object({
  users: Type.Array(Type.Object({ _id: Type.String({ maxLength: 64 }), deleteAccount: Type.Optional(DeleteAccount) }), { minItems: 1, maxItems: 2000, description: 'RemoveEmployeeItemDto' }),
});
export const Removed = Type.Object(
  { _id: Type.String(), removed: Type.Boolean(), account_deleted: Type.Boolean() },
  { title: 'RemovedEmployee' },
);

export const Skills = Type.Object({ skills: Type.Array(Type.Unknown(), { description: 'Empty until the skills module exists' }) }, { title: 'EmployeeSkills' });
export const Team = Type.Object({ _id: Type.String(), name: Type.String() }, { title: 'EmployeeTeam' });
