import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { unauthorized } from '../../../platform/errors.js';
import { PageQuery, Paginated } from '../../../platform/paging/paginate.js';
import { getWorkspace } from '../get-workspace.js';
import { listWorkspaces } from '../list-workspaces.js';
import { describePrincipal } from '../describe-principal.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const DateTime = Type.String({ format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);

const CurrentWorkspace = Type.Object(
  {
    _id: Type.String(),
    name: Type.String(),
    slug: Type.String(),
    plan: Type.String(),
    modules: Type.String({ description: 'all, assessments, skills or hiring' }),
    tech_size: NullableString,
    whitelabel: Type.Object({}, { additionalProperties: true, description: 'Branding shown on invitation pages' }),
    allow_password_login: Type.Boolean({ description: 'false: members sign in through SSO only' }),
    created: DateTime,
    updated: DateTime,
  },
  { title: 'CurrentWorkspace' },
);

const WorkspaceOfPrincipal = Type.Object(
  {
    _id: Type.String(),
    name: Type.String(),
    slug: Type.String(),
    roles: Type.String({ description: "The caller's role there (admin for an API key)" }),
    joined: Type.String({ format: 'date-time', description: 'When the user joined (the workspace creation for a key)' }),
  },
  { title: 'WorkspaceOfPrincipal' },
);

const Me = Type.Object(
  {
    kind: Type.Union([Type.Literal('user'), Type.Literal('api_key')]),
    user: Type.Union([
      Type.Object({
        _id: Type.String(),
        email: Type.String(),
        displayName: Type.String({ description: "The account's own name" }),
        firstName: NullableString,
        lastName: NullableString,
        provider: Type.String(),
        confirmed: Type.Boolean(),
        is_super_admin: Type.Boolean(),
        created: DateTime,
      }),
      Type.Null(),
    ]),
    api_key: Type.Union([
      Type.Object({
        _id: Type.String(),
        name: Type.String(),
        prefix: Type.String(),
        author: NullableString,
        parent_key_id: NullableString,
        created: DateTime,
      }),
      Type.Null(),
    ]),
    workspace: Type.Union([Type.Object({ _id: Type.String(), name: Type.String(), slug: Type.String() }), Type.Null()], {
      description: 'Where the request acts: x-workspace-id, else the session\'s workspace (the key\'s own for a key); null for a user in none',
    }),
    subaccount_id: Type.Union([Type.String(), Type.Null()], { description: 'x-subaccount-id, when sent' }),
    allowed_subaccount_ids: Type.Array(Type.String(), { description: 'Subaccounts the caller is confined to (empty: the whole workspace)' }),
    roles: Type.Union([Type.String(), Type.Null()], { description: 'Role in that workspace; an API key acts as its admin' }),
    roles_formatted: Type.Union([Type.String(), Type.Null()], { description: 'The role in the x-language' }),
    permissions: Type.Array(Type.String(), { description: "Effective permissions there: the role's and those granted one by one" }),
  },
  { title: 'Me' },
);

/** Where a request stands: the current workspace, the caller's workspaces, and the caller. */
export function currentRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = runtime.database;

  typed.get('/workspace', {
    schema: {
      operationId: 'getCurrentWorkspace',
      tags: ['Workspace'],
      summary: 'The workspace this request acts in (x-workspace-id, the session\'s workspace, or the key\'s)',
      response: { 200: CurrentWorkspace, 400: errorResponse('Both an API key and a Bearer token were sent (`ambiguous_credentials`).') },
    },
  }, async (request) => getWorkspace(db, tenantOf(request).workspaceId));

  typed.get('/workspaces', {
    config: { auth: 'principal' },
    schema: {
      operationId: 'listMyWorkspaces',
      tags: ['Workspace'],
      summary: "The workspaces the caller may act in: a user's active memberships, or an API key's one workspace",
      description: 'Paged like every list. orderBy: _id, name, created (the workspace\'s), joined.',
      querystring: Type.Object(PageQuery),
      response: { 200: Paginated(WorkspaceOfPrincipal) },
    },
  }, async (request) => {
    if (!request.principal) throw unauthorized();
    return listWorkspaces(db, request.principal, request.query);
  });

  typed.get('/me', {
    config: { auth: 'principal' },
    schema: {
      operationId: 'getCurrentPrincipal',
      tags: ['Authentication'],
      summary: 'Who is calling (user or API key) and, in the current workspace, with which role and permissions',
      response: { 200: Me },
    },
  }, async (request) => {
    if (!request.principal) throw unauthorized();
    return describePrincipal(db, request.principal, request.tenant, request.language);
  });
}
