import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { PageQuery, Paginated } from '../../../platform/paging/paginate.js';
import { pageOf, pageRequest } from '../../../platform/paging/page-query.js';
import { asyncExportNote, ExportHeaders, ExportQuery, exportResponses, sendExport } from '../../../platform/exports/send-export.js';
import { actorId } from '../actor.js';
import { listEmployees } from './list-employees.js';
import { employeeStats } from './employee-stats.js';
import { employeeView, findEmployee, profileView } from './employee-view.js';
import { createEmployees } from './create-employees.js';
import { updateEmployee } from './update-employee.js';
import { removeEmployees } from './remove-employees.js';
import { usersCsvExport } from './export-employees.js';
import { certificatesCsvExport } from './export-certificates.js';
import * as S from './schemas.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const lastAdmin = errorResponse('The workspace would have no active admin left (`last_admin`).');

const tags = ['Workspace: employees'];

export async function employeeRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/workspace/users', {
    config: { permission: 'read_user' },
    schema: {
      operationId: 'listEmployees',
      tags,
      summary: 'List employees',
      description: 'Employees of the workspace (only those of the x-subaccount-id subaccount when sent). orderBy: _id, created, updated, displayName, email, status, roles.',
      'x-seed': ['coodesh:workspace/list-employees'],
      querystring: S.ListQuery,
      response: { 200: Paginated(S.Employee, { title: 'EmployeesPage' }) },
    },
  }, async (request) => listEmployees(db, tenantOf(request), request.query, request.language));

  typed.post('/workspace/users', {
    config: { permission: 'create_user' },
    schema: {
      operationId: 'createEmployees',
      tags,
      summary: 'Create employees',
      description:
        'Adds people to the workspace in one transaction: unknown e-mails get an account, each new employee is `invited` and receives the ' +
        '`workspace_invite` e-mail; the answer carries the invitation links. People who already are employees are left unchanged (`invited: false`). ' +
        'Nobody may give a role above their own or permissions they lack (403) unless they hold manage_permission.',
      'x-seed': ['coodesh:workspace/create-employees'],
      body: S.CreateBody,
      response: { 201: Type.Array(S.CreatedEmployee) },
    },
  }, async (request, reply) => {
    const created = await createEmployees(
      { db, config: runtime.config, tenant: tenantOf(request), actorId: actorId(request), language: request.language },
      request.body.users,
    );
    return reply.status(201).send(created);
  });

  typed.delete('/workspace/users', {
    config: { permission: 'delete_user' },
    schema: {
      operationId: 'removeEmployees',
      tags,
      summary: 'Remove employees',
      description:
        'Removes people from the workspace, all or none. `deleteAccount` (needs manage_user) also deletes the account when nobody ever used it ' +
        '(no password, never signed in, no linked identity) and it belongs to no other workspace; otherwise `account_deleted` is false.',
      'x-seed': ['coodesh:workspace/remove-employees'],
      body: S.RemoveManyBody,
      response: { 200: Type.Array(S.Removed), 409: lastAdmin },
    },
  }, async (request) => removeEmployees(db, tenantOf(request), request.body.users));

  typed.get('/workspace/users/stats', {
    config: { permission: 'read_user' },
    schema: {
      operationId: 'getEmployeesStats',
      tags,
      summary: 'Get employees stats',
      'x-seed': ['coodesh:workspace/get-employees-stats'],
      response: { 200: S.EmployeeStats },
    },
  }, async (request) => employeeStats(db, tenantOf(request)));

  typed.get('/workspace/users/export', {
    config: { permission: 'read_user' },
    schema: {
      operationId: 'listUsersExport',
      tags,
      summary: 'List users export',
      description: 'The rows the users CSV would hold, page by page, with the same filters.',
      'x-seed': ['coodesh:exports/list-users-export'],
      querystring: S.ExportListQuery,
      response: { 200: Paginated(S.Employee, { title: 'UsersExportPage' }) },
    },
  }, async (request) => listEmployees(db, tenantOf(request), request.query, request.language));

  typed.post('/workspace/users/export', {
    config: { permission: 'read_user' },
    schema: {
      operationId: 'exportUsersCsv',
      tags,
      summary: 'Export users CSV',
      description:
        'Employees matching search, status, JSONLogic query and join dates, streamed as a CSV download. Headers and labels follow x-language; ' +
        'times are UTC (`2026-01-31 14:05:09`).' + asyncExportNote,
      'x-seed': ['coodesh:exports/export-users-csv'],
      querystring: ExportQuery,
      headers: ExportHeaders,
      body: S.ExportBody,
      response: exportResponses,
    },
  }, async (request, reply) => sendExport(runtime, request, reply, usersCsvExport, request.body));

  typed.post('/workspace/users/certificates/export', {
    config: { permission: 'read_user' },
    schema: {
      operationId: 'exportWorkspaceCertificatesCsv',
      tags,
      summary: 'Export workspace people certificates CSV',
      description:
        'People of the workspace with their certificates (name, e-mail, certificate, assessment, type, score, issued, link). ' +
        'Certificates come from the assessments module, which does not exist yet: the file holds only the header row.' + asyncExportNote,
      'x-seed': ['coodesh:exports/export-workspace-people-certificates-csv'],
      querystring: ExportQuery,
      headers: ExportHeaders,
      body: S.CertificatesExportBody,
      response: exportResponses,
    },
  }, async (request, reply) => sendExport(runtime, request, reply, certificatesCsvExport, {}, request.body.locale ?? request.language));

  typed.get('/workspace/users/:id', {
    config: { permission: 'read_user' },
    schema: {
      operationId: 'getEmployee',
      tags,
      summary: 'Get employee',
      'x-seed': ['coodesh:workspace/get-employee'],
      params: S.UserParams,
      response: { 200: S.Employee },
    },
  }, async (request) => employeeView(await findEmployee(db, tenantOf(request), request.params.id), request.language));

  typed.put('/workspace/users/:id', {
    config: { permission: 'update_user' },
    schema: {
      operationId: 'updateEmployee',
      tags,
      summary: 'Update employee',
      description:
        'Changes role, status (or `active`), permissions, subaccounts, external_id and tags; fields left out stay. Only people whose role the caller ' +
        'could grant may be changed (403). Name and e-mail belong to the person: they change only for someone in this workspace alone, otherwise 409; ' +
        'the e-mail only on an account nobody used yet (403 `email_change_forbidden`) and before it is confirmed (409). ' +
        'A caller confined to subaccounts names at least one of theirs and keeps their own (403 `subaccount_confinement`). ' +
        'The last active admin cannot be demoted or deactivated (409). position/team are accepted and ignored until the careers module exists.',
      'x-seed': ['coodesh:workspace/update-employee'],
      params: S.UserParams,
      body: S.UpdateBody,
      response: {
        200: S.Employee,
        409: errorResponse('The name or e-mail belongs to the person (`shared_account`, `email_confirmed`), the e-mail is another account\'s (`email_taken`), the change would leave no active admin (`last_admin`) or an employee without a subaccount (`last_subaccount`).'),
      },
    },
  }, async (request) => {
    const updated = await updateEmployee(db, tenantOf(request), actorId(request), request.params.id, request.body);
    return employeeView(updated, request.language);
  });

  typed.delete('/workspace/users/:id', {
    config: { permission: 'delete_user' },
    schema: {
      operationId: 'removeEmployee',
      tags,
      summary: 'Remove employee',
      description:
        'Removes the person from the workspace; `deleteAccount` (needs manage_user) also deletes the account when nobody ever used it and it belongs ' +
        'to no other workspace; otherwise `account_deleted` is false.',
      'x-seed': ['coodesh:workspace/remove-employee'],
      params: S.UserParams,
      body: S.RemoveOneBody,
      response: { 200: S.Removed, 409: lastAdmin },
    },
  }, async (request) => {
    const [removed] = await removeEmployees(db, tenantOf(request), [{ _id: request.params.id, deleteAccount: request.body.deleteAccount }], () => 'params/id');
    return removed;
  });

  typed.get('/workspace/users/:id/profile', {
    config: { permission: 'read_user' },
    schema: {
      operationId: 'getUserProfile',
      tags,
      summary: 'Get user profile',
      description: 'The profile view. Experiences, educations, languages, skills and certifications are empty until their modules exist.',
      'x-seed': ['coodesh:workspace/get-user-profile'],
      params: S.UserParams,
      response: { 200: S.Profile },
    },
  }, async (request) => profileView(await findEmployee(db, tenantOf(request), request.params.id), request.language));

  typed.get('/workspace/users/:id/teams', {
    config: { permission: 'read_user' },
    schema: {
      operationId: 'listUserTeams',
      tags,
      summary: 'List user teams',
      description: 'Teams the person belongs to. Teams come from the careers module, which does not exist yet: always an empty page.',
      'x-seed': ['coodesh:workspace/list-user-teams'],
      params: S.UserParams,
      querystring: Type.Object(PageQuery),
      response: { 200: Paginated(S.Team, { title: 'UserTeamsPage' }) },
    },
  }, async (request) => {
    await findEmployee(db, tenantOf(request), request.params.id);
    const { limit, start } = pageRequest(request.query);
    const offset = start.kind === 'offset' ? start.offset : 0;
    return pageOf([], 0, limit, offset, start.kind === 'offset' ? start.page : undefined);
  });

  typed.get('/workspace/users/:id/skills', {
    schema: {
      operationId: 'findUserSkills',
      tags,
      summary: 'Find skills for a user',
      description: 'Skills of the person in this workspace; any workspace role may ask. Empty until the skills module exists.',
      'x-seed': ['coodesh:workspace/find-skills-for-a-user'],
      params: S.UserParams,
      response: { 200: S.Skills },
    },
  }, async (request) => {
    await findEmployee(db, tenantOf(request), request.params.id);
    return { skills: [] };
  });
}
