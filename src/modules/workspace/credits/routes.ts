import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { PageQuery, Paginated } from '../../../platform/paging/paginate.js';
import { asyncExportNote, ExportHeaders, ExportQuery, exportResponses, sendExport } from '../../../platform/exports/send-export.js';
import { actorId, requireSuperAdmin } from '../actor.js';
import { creditActions, creditTypes } from './schema.js';
import { grantCredits } from './ledger.js';
import { creditView, findCreditEntry, listCreditHistory } from './history.js';
import { creditStats } from './stats.js';
import { creditFields } from './labels.js';
import { listCreditAuthors } from './authors.js';
import { creditsCsvExport } from './export.js';
import { FilterQuery } from '../../../platform/filters/json-logic.js';
import { creditFilterFields, creditHistoryFilter } from './filter.js';

const tags = ['Workspace: credits'];
const DateTime = Type.String({ format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const CreditAction = Type.Enum([...creditActions], { description: creditActions.join(', ') });
const CreditType = Type.Enum([...creditTypes], { description: 'hard_skills or soft_skills' });

const CreditEntry = Type.Object(
  {
    _id: Type.String(),
    action: CreditAction,
    action_formatted: Type.String({ description: 'action, translated per x-language' }),
    type: CreditType,
    type_formatted: Type.String(),
    amount: Type.Integer({ description: 'Signed: consumption and expiry are negative' }),
    author: Type.Union([Type.Object({ _id: Type.String(), displayName: NullableString, email: NullableString }), Type.Null()]),
    related: Type.Union([Type.Object({ type: Type.String({ example: 'attempt' }), _id: Type.String() }), Type.Null()], { description: 'What the credits were spent on' }),
    note: NullableString,
    expires: Type.Union([DateTime, Type.Null()], { description: 'When a grant stops counting' }),
    created: DateTime,
  },
  { title: 'CreditEntry' },
);

const TypeStats = Type.Object({
  balance: Type.Integer({ description: 'Spendable now' }),
  granted: Type.Integer(),
  usage: Type.Integer({ description: 'Consumed minus refunded' }),
  expired: Type.Integer({ description: 'Granted credits that lapsed unspent' }),
});

const CreditStats = Type.Object(
  {
    total: Type.Integer({ description: 'Spendable balance, both types' }),
    totalDocs: Type.Integer({ description: 'Rows in the credits history' }),
    hard_skills: TypeStats,
    soft_skills: TypeStats,
    usage: Type.Integer({ description: 'Credits consumed minus refunded, both types' }),
    granted: Type.Integer(),
    expired: Type.Integer(),
    updated: Type.Union([DateTime, Type.Null()], { description: 'Last change of the ledger' }),
  },
  { title: 'CreditStats' },
);

const Option = Type.Object({ value: Type.String(), label: Type.String() });
const CreditFields = Type.Object({ action: Type.Array(Option), type: Type.Array(Option) }, { title: 'CreditFields' });
const CreditAuthor = Type.Object({ _id: Type.String(), displayName: Type.String(), email: Type.String() }, { title: 'CreditAuthor' });

const HistoryQuery = Type.Object({ ...PageQuery, ...FilterQuery(creditFilterFields) });
const AuthorsQuery = Type.Object({ ...PageQuery, search: Type.Optional(Type.String({ maxLength: 200 })) });
const ExportBody = Type.Object({
  startDate: Type.Optional(Type.String({ maxLength: 40, description: 'YYYY-MM-DD or ISO date-time; from this moment on', example: '2026-01-01' })),
  endDate: Type.Optional(Type.String({ maxLength: 40, description: 'YYYY-MM-DD (whole day included) or ISO date-time', example: '2026-01-31' })),
  action: Type.Optional(CreditAction),
});
const GrantBody = Type.Object({
  type: CreditType,
  amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
  expires: Type.Optional(Type.String({ format: 'date-time', description: 'The grant stops counting at this moment' })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export async function creditRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/workspace/credits', {
    config: { permission: 'read_company' },
    schema: {
      operationId: 'listCreditsHistory',
      tags,
      summary: 'List credits history',
      description: 'Every grant, consumption, refund and expiry of the workspace, newest first by default. orderBy: _id, created, action, type, amount.',
      'x-seed': ['coodesh:workspace/list-credits-history'],
      querystring: HistoryQuery,
      response: { 200: Paginated(CreditEntry, { title: 'CreditHistoryPage' }) },
    },
  }, async (request) => {
    const tenant = tenantOf(request);
    return listCreditHistory(db, tenant, request.query, request.language, creditHistoryFilter(request.query.query));
  });

  typed.get('/workspace/credits/stats', {
    config: { permission: 'read_company' },
    schema: {
      operationId: 'getCreditsStats',
      tags,
      summary: 'Get credits stats',
      description: 'Balance (`total`), usage, grants and expiries, overall and per type, derived from the ledger.',
      'x-seed': ['coodesh:workspace/get-credits-stats'],
      response: { 200: CreditStats },
    },
  }, async (request) => creditStats(db, tenantOf(request)));

  typed.get('/workspace/credits/fields', {
    config: { permission: 'read_company' },
    schema: {
      operationId: 'listCreditsFields',
      tags,
      summary: 'List credits fields',
      description: 'Credit actions and types with labels in the x-language, for filtering the history.',
      'x-seed': ['coodesh:workspace/list-credits-fields'],
      response: { 200: CreditFields },
    },
  }, async (request) => creditFields(request.language));

  typed.get('/workspace/credits/authors', {
    config: { permission: 'read_company' },
    schema: {
      operationId: 'listCreditsAuthors',
      tags,
      summary: 'List credits authors',
      description: 'People who appear as author in the credits history; search over name and e-mail.',
      'x-seed': ['coodesh:workspace/list-credits-authors'],
      querystring: AuthorsQuery,
      response: { 200: Paginated(CreditAuthor, { title: 'CreditAuthorsPage' }) },
    },
  }, async (request) => listCreditAuthors(db, tenantOf(request), request.query));

  typed.post('/workspace/credits/export', {
    config: { permission: 'read_company' },
    schema: {
      operationId: 'exportCreditsCsv',
      tags,
      summary: 'Export credits CSV',
      description:
        'The credits history as a CSV download (oldest first), optionally within a date range and for one action. Headers follow x-language; ' +
        'times are UTC (`2026-01-31 14:05:09`).' + asyncExportNote,
      'x-seed': ['coodesh:exports/export-credits-csv'],
      querystring: ExportQuery,
      headers: ExportHeaders,
      body: ExportBody,
      response: exportResponses,
    },
  }, async (request, reply) => {
    const { startDate, endDate, action } = request.body ?? {};
    return sendExport(runtime, request, reply, creditsCsvExport, { startDate, endDate, action });
  });

  typed.post('/workspace/credits/grants', {
    schema: {
      operationId: 'grantCredits',
      tags,
      summary: 'Grant credits (instance super admin)',
      description: 'Adds credits to the workspace ledger. Only a signed-in super admin of the instance may grant; workspace admins and API keys get 403.',
      body: GrantBody,
      response: { 201: CreditEntry },
    },
  }, async (request, reply) => {
    requireSuperAdmin(request);
    const tenant = tenantOf(request);
    const { type, amount, expires, note } = request.body;
    const entry = await db.transaction((tx) =>
      grantCredits(tx, tenant, { type, amount, note, authorId: actorId(request), expires: expires ? new Date(expires) : null }),
    );
    const row = await findCreditEntry(db, tenant, entry.id);
    return reply.status(201).send(creditView(row!, request.language));
  });
}
