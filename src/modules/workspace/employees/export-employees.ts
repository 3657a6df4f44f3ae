import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import type { Readable } from 'node:stream';
import type { Database } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { roleLabel, roles } from '../../../platform/auth/permissions.js';
import { csvExport, type CsvColumn } from '../../../platform/exports/csv-export.js';
import { labelCell, listCell, textCell, timeCell } from '../../../platform/exports/csv-columns.js';
import { users } from '../../identity/schema.js';
import { memberships, subaccounts } from '../schema.js';
import type { ScopedTenant } from '../scope.js';
import { employeeWhere, type EmployeeFilter } from './employee-filter.js';
import { statusLabels } from './labels.js';

/**
 * Names of the employee's subaccounts, in name order, each guarded against formulas inside the
 * aggregate (so the lookup runs once per row); skipped for people in none.
 */
const subaccountNames = sql`case when cardinality(${memberships.subaccountIds}) = 0 then null else
  (select string_agg(${textCell(subaccounts.name)}, '; ' order by ${subaccounts.name}) from ${subaccounts}
   where ${subaccounts.workspaceId} = ${memberships.workspaceId} and ${subaccounts.id} = any(${memberships.subaccountIds})) end`;

function employeeColumns(language: Language): CsvColumn[] {
  return [
    // Ids are 24-hex: no formula guard needed.
    { header: 'ID', value: sql`${memberships.userId}::text` },
    { header: { en: 'Name', pt: 'Nome', es: 'Nombre' }, value: textCell(users.displayName) },
    { header: { en: 'E-mail', pt: 'E-mail', es: 'Correo' }, value: textCell(users.email) },
    { header: { en: 'Role', pt: 'Papel', es: 'Rol' }, value: labelCell(memberships.roles, Object.fromEntries(roles.map((r) => [r, roleLabel(r, language)]))) },
    { header: { en: 'Status', pt: 'Status', es: 'Estado' }, value: labelCell(memberships.status, statusLabels(language)) },
    { header: { en: 'Permissions', pt: 'Permissões', es: 'Permisos' }, value: listCell(memberships.permissions) },
    { header: { en: 'Subaccounts', pt: 'Subcontas', es: 'Subcuentas' }, value: subaccountNames },
    { header: { en: 'External ID', pt: 'ID externo', es: 'ID externo' }, value: textCell(memberships.externalId) },
    { header: { en: 'Tags', pt: 'Tags', es: 'Etiquetas' }, value: listCell(memberships.tags) },
    { header: { en: 'Joined', pt: 'Entrou em', es: 'Se unió' }, value: timeCell(memberships.created) },
    { header: { en: 'Last login', pt: 'Último acesso', es: 'Último acceso' }, value: timeCell(users.lastLogin) },
  ];
}

/** The employees matching the filters, as a streamed CSV in id order. */
export function exportEmployees(database: Database, tenant: ScopedTenant, filter: EmployeeFilter, language: Language, batchSize?: number): Promise<Readable> {
  return csvExport(
    database,
    {
      columns: employeeColumns(language),
      from: (select) => select.from(memberships).innerJoin(users, eq(users.id, memberships.userId)) as unknown as AnyPgSelect,
      where: and(employeeWhere(tenant, filter))!,
      key: memberships.userId,
      joinedKeys: [users.id],
    },
    { language, batchSize },
  );
}
