import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import type { CsvColumn } from '../../../platform/exports/csv-export.js';
import { defineCsvExport } from '../../../platform/exports/define-export.js';
import { textCell } from '../../../platform/exports/csv-columns.js';
import { users } from '../../identity/schema.js';
import { memberships } from '../../identity/workspaces/schema.js';
import { employeeScope } from '../scope.js';
import { memberDisplayName } from './member-name.js';

const none = sql<string>`null::text`;

/** The documented columns: who, which certificate, for what, with which result, when, where to see it. */
const certificateColumns: CsvColumn[] = [
  { header: { en: 'Name', pt: 'Nome', es: 'Nombre' }, value: textCell(memberDisplayName) },
  { header: { en: 'E-mail', pt: 'E-mail', es: 'Correo' }, value: textCell(users.email) },
  { header: { en: 'Certificate', pt: 'Certificado', es: 'Certificado' }, value: none },
  { header: { en: 'Assessment', pt: 'Avaliação', es: 'Evaluación' }, value: none },
  { header: { en: 'Type', pt: 'Tipo', es: 'Tipo' }, value: none },
  { header: { en: 'Score', pt: 'Pontuação', es: 'Puntuación' }, value: none },
  { header: { en: 'Issued', pt: 'Emitido em', es: 'Emitido' }, value: none },
  { header: { en: 'Link', pt: 'Link', es: 'Enlace' }, value: none },
];

/**
 * The workspace's people with their certificates, one row per certificate. Certificates are issued
 * by the assessments module, which does not exist yet, so no person has one and the file holds only
 * the header row; the query already joins the people the rows will be about. The body's `locale`
 * is the language, which the route passes as such: no other parameter.
 */
export const certificatesCsvExport = defineCsvExport<Record<string, never>>({
  name: 'workspace_certificates',
  fileName: 'certificates',
  permission: 'read_user',
  spec: (tenant) => ({
    columns: certificateColumns,
    from: (select) => select.from(memberships).innerJoin(users, eq(users.id, memberships.userId)) as unknown as AnyPgSelect,
    where: and(eq(memberships.workspaceId, tenant.workspaceId), employeeScope(tenant), sql`false`)!,
    key: memberships.userId,
    joinedKeys: [users.id],
  }),
});
