import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { PageQuery, Paginated } from '../../../platform/paging/paginate.js';
import { actorId } from '../actor.js';
import { createSubaccount, removeSubaccount, updateSubaccount } from './save-subaccount.js';
import { getSubaccount } from './subaccount-view.js';
import { listSubaccountOptions, listSubaccounts } from './list-subaccounts.js';
import { subaccountStats } from './subaccount-stats.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const lastSubaccount = errorResponse('It would take away an employee\'s only subaccount (`last_subaccount`).');

const tags = ['Workspace: subaccounts'];
const DateTime = Type.String({ format: 'date-time' });
const NullableText = Type.Union([Type.String(), Type.Null()]);
const Id = Type.String({ pattern: '^[0-9a-f]{24}$', description: '24-hex id' });
const SubParams = Type.Object({ subId: Type.String({ maxLength: 64, description: 'Subaccount id' }) });

const SubaccountBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Subaccount name', example: 'Team A' }),
  department: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { description: 'Department name' })),
  region: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { description: 'Region name' })),
  user_ids: Type.Optional(Type.Array(Id, { uniqueItems: true, maxItems: 10_000, description: 'Employees of the subaccount (replaces the current set)' })),
});

const SubaccountUser = Type.Object({ _id: Type.String(), displayName: Type.String(), email: Type.String(), roles: Type.String(), status: Type.String() });
const Subaccount = Type.Object(
  {
    _id: Type.String(),
    name: Type.String(),
    department: NullableText,
    region: NullableText,
    created: DateTime,
    updated: DateTime,
    user_ids: Type.Array(Type.String()),
    users: Type.Array(SubaccountUser),
  },
  { title: 'Subaccount' },
);
const SubaccountListItem = Type.Object(
  { _id: Type.String(), name: Type.String(), department: NullableText, region: NullableText, created: DateTime, updated: DateTime, users_count: Type.Integer() },
  { title: 'SubaccountListItem' },
);
const SubaccountOptions = Type.Object(
  {
    docs: Type.Array(Type.Object({ _id: Type.String(), name: Type.String() })),
    totalDocs: Type.Integer(),
    totalPages: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'SubaccountOptions' },
);
const SubaccountStats = Type.Object(
  {
    assessments_count: Type.Integer(),
    questions_count: Type.Integer(),
    scorecards_count: Type.Integer(),
    skill_variants_count: Type.Integer(),
    teams_count: Type.Integer(),
    careers_count: Type.Integer(),
    users_count: Type.Integer(),
  },
  { title: 'SubaccountStats' },
);
const ListQuery = Type.Object({
  ...PageQuery,
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of name, department or region' })),
  _id: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 2000, description: 'Only these subaccounts' })),
});

export async function subaccountRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/workspace/subaccounts', {
    config: { permission: 'read_company' },
    schema: {
      operationId: 'listSubaccounts',
      tags,
      summary: 'List subaccounts',
      description: 'Subaccounts the request may see (only the x-subaccount-id one when sent). orderBy: _id, name, created, updated.',
      'x-seed': ['coodesh:workspace/list-subaccounts'],
      querystring: ListQuery,
      response: { 200: Paginated(SubaccountListItem, { title: 'SubaccountsPage' }) },
    },
  }, async (request) => listSubaccounts(db, tenantOf(request), request.query));

  typed.get('/workspace/subaccounts/options', {
    config: { permission: 'read_company' },
    schema: {
      operationId: 'listSubaccountsOptions',
      tags,
      summary: 'List subaccounts options',
      description: 'Subaccounts for selectors: `_id` and `name`, by name unless orderBy says otherwise.',
      'x-seed': ['coodesh:workspace/list-subaccounts-options'],
      querystring: ListQuery,
      response: { 200: SubaccountOptions },
    },
  }, async (request) => listSubaccountOptions(db, tenantOf(request), request.query));

  typed.post('/workspace/subaccounts', {
    config: { permission: 'manage_company' },
    schema: {
      operationId: 'createSubaccount',
      tags,
      summary: 'Create subaccount',
      description: 'Creates a subaccount; `user_ids` (employees of this workspace) become its members. Answers the created subaccount.',
      'x-seed': ['coodesh:workspace/create-subaccount'],
      body: SubaccountBody,
      response: { 201: Subaccount },
    },
  }, async (request, reply) => {
    const tenant = tenantOf(request);
    const created = await createSubaccount(db, tenant, request.body);
    return reply.status(201).send(await getSubaccount(db, { ...tenant, subaccountId: undefined, allowedSubaccountIds: [] }, created.id));
  });

  typed.get('/workspace/subaccounts/:subId', {
    config: { permission: 'read_company' },
    schema: {
      operationId: 'getSubaccount',
      tags,
      summary: 'Get subaccount',
      'x-seed': ['coodesh:workspace/get-subaccount'],
      params: SubParams,
      response: { 200: Subaccount },
    },
  }, async (request) => getSubaccount(db, tenantOf(request), request.params.subId));

  typed.put('/workspace/subaccounts/:subId', {
    config: { permission: 'manage_company' },
    schema: {
      operationId: 'updateSubaccount',
      tags,
      summary: 'Update a subaccount',
      description:
        'Updates name, department, region and, when `user_ids` is sent, replaces the members (employees the request may see). Answers `{redirect_to}`, ' +
        'the page of the subaccount in the web app. 409 `last_subaccount` when it would take away an employee\'s only subaccount (that would make ' +
        'them workspace-wide); a caller confined to the subaccount must stay in it (403).',
      'x-seed': ['coodesh:workspace/update-a-subaccount'],
      params: SubParams,
      body: SubaccountBody,
      response: { 200: Type.Object({ redirect_to: Type.String({ example: '/assessments/workspace/subaccounts/6501d432afe2730012f74d68' }) }), 409: lastSubaccount },
    },
  }, async (request) => updateSubaccount(db, tenantOf(request), actorId(request), request.params.subId, request.body));

  typed.delete('/workspace/subaccounts/:subId', {
    config: { permission: 'manage_company' },
    schema: {
      operationId: 'removeSubaccount',
      tags,
      summary: 'Remove subaccount',
      description:
        'Deletes the subaccount and removes it from its employees. Answers 204. 409 `last_subaccount` while it is an employee\'s only subaccount; ' +
        'members confined to subaccounts may not delete them (403).',
      'x-seed': ['coodesh:workspace/remove-subaccount'],
      params: SubParams,
      response: { 204: Type.Null({ description: 'Deleted' }), 409: lastSubaccount },
    },
  }, async (request, reply) => {
    await removeSubaccount(db, tenantOf(request), request.params.subId);
    return reply.status(204).send(null);
  });

  typed.get('/workspace/subaccounts/:subId/stats', {
    config: { permission: 'read_company' },
    schema: {
      operationId: 'getSubaccountStats',
      tags,
      summary: 'Get subaccount stats',
      description:
        'Counts of what is tagged with the subaccount. Only users_count is counted today: assessments, questions, scorecards, ' +
        'skill variants, teams and careers are 0 until their modules exist.',
      'x-seed': ['coodesh:workspace/get-subaccount-stats'],
      params: SubParams,
      response: { 200: SubaccountStats },
    },
  }, async (request) => subaccountStats(db, tenantOf(request), request.params.subId));
}
