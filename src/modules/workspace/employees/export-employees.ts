import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import type { Static } from 'typebox';
import type { Database } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { roleLabel, roles } from '../../../platform/auth/permissions.js';
import { csvExport, type CsvColumn, type CsvExportSpec, type CsvStream } from '../../../platform/exports/csv-export.js';
import { codeListCell, labelCell, listCell, textCell, timeCell } from '../../../platform/exports/csv-columns.js';
import { dateRange } from '../../../platform/exports/date-range.js';
import { defineCsvExport } from '../../../platform/exports/define-export.js';
import { users } from '../../identity/schema.js';
import { memberships, subaccounts } from '../../identity/workspaces/schema.js';
import type { ScopedTenant } from '../scope.js';
import { employeeWhere, type EmployeeFilter } from './employee-filter.js';
import { statusLabels } from './labels.js';
import { memberDisplayName } from './member-name.js';
import type { ExportBody } from './schemas.js';

/**
 * Names of the employee's subaccounts, in name order, each guarded against formulas inside the
 * lookup (so it runs once per row); skipped for people in none, and a plain index lookup for people
 * in exactly one, which costs half of the sorted aggregate.
 */
const subaccountNames = sql`case cardinality(${memberships.subaccountIds}) when 0 then null
  when 1 then (select ${textCell(subaccounts.name)} from ${subaccounts}
   where ${subaccounts.workspaceId} = ${memberships.workspaceId} and ${subaccounts.id} = ${memberships.subaccountIds}[1])
  else (select string_agg(${textCell(subaccounts.name)}, '; ' order by ${subaccounts.name}) from ${subaccounts}
   where ${subaccounts.workspaceId} = ${memberships.workspaceId} and ${subaccounts.id} = any(${memberships.subaccountIds})) end`;

function employeeColumns(language: Language): CsvColumn[] {
  return [
    // Ids are 24-hex: no formula guard needed.
    { header: 'ID', value: sql`${memberships.userId}::text` },
    { header: { en: 'Name', pt: 'Nome', es: 'Nombre' }, value: textCell(memberDisplayName) },
    { header: { en: 'E-mail', pt: 'E-mail', es: 'Correo' }, value: textCell(users.email) },
    { header: { en: 'Role', pt: 'Papel', es: 'Rol' }, value: labelCell(memberships.roles, Object.fromEntries(roles.map((r) => [r, roleLabel(r, language)]))) },
    { header: { en: 'Status', pt: 'Status', es: 'Estado' }, value: labelCell(memberships.status, statusLabels(language)) },
    // Permission names are a closed set of ours: no formula guard needed.
    { header: { en: 'Permissions', pt: 'Permissões', es: 'Permisos' }, value: codeListCell(memberships.permissions) },
    { header: { en: 'Subaccounts', pt: 'Subcontas', es: 'Subcuentas' }, value: subaccountNames },
    { header: { en: 'External ID', pt: 'ID externo', es: 'ID externo' }, value: textCell(memberships.externalId) },
    { header: { en: 'Tags', pt: 'Tags', es: 'Etiquetas' }, value: listCell(memberships.tags) },
    { header: { en: 'Joined (UTC)', pt: 'Entrou em (UTC)', es: 'Se unió (UTC)' }, value: timeCell(memberships.created) },
    { header: { en: 'Last login (UTC)', pt: 'Último acesso (UTC)', es: 'Último acceso (UTC)' }, value: timeCell(users.lastLogin) },
  ];
}

function employeeExportSpec(tenant: ScopedTenant, filter: EmployeeFilter, language: Language): CsvExportSpec {
  return {
    columns: employeeColumns(language),
    from: (select) => select.from(memberships).innerJoin(users, eq(users.id, memberships.userId)) as unknown as AnyPgSelect,
    where: and(employeeWhere(tenant, filter))!,
    key: memberships.userId,
    joinedKeys: [users.id],
  };
}

/** The employees matching the filters, as a streamed CSV in id order. */
export function exportEmployees(database: Database, tenant: ScopedTenant, filter: EmployeeFilter, language: Language, batchSize?: number): Promise<CsvStream> {
  return csvExport(database, employeeExportSpec(tenant, filter, language), { language, batchSize });
}

/** POST /workspace/users/export: the request body is the filter. */
export const usersCsvExport = defineCsvExport<Static<typeof ExportBody>>({
  name: 'users',
  fileName: 'users',
  permission: 'read_user',
  spec: (tenant, { query, search, status, startDate, endDate }, language) =>
    employeeExportSpec(tenant, { query, search, status, range: dateRange(startDate, endDate) }, language),
});
