import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import type { Language } from '../../../platform/http/request-context.js';
import type { CsvColumn } from '../../../platform/exports/csv-export.js';
import { defineCsvExport } from '../../../platform/exports/define-export.js';
import { labelCell, numberCell, textCell, timeCell } from '../../../platform/exports/csv-columns.js';
import { dateRange } from '../../../platform/exports/date-range.js';
import { users } from '../../identity/schema.js';
import { creditEntries, type CreditAction } from './schema.js';
import { creditActionLabels, creditTypeLabels } from './labels.js';

/** The request body of POST /workspace/credits/export. */
export interface CreditsExportParams {
  startDate?: string;
  endDate?: string;
  action?: CreditAction;
}

function creditColumns(language: Language): CsvColumn[] {
  return [
    { header: { en: 'Date (UTC)', pt: 'Data (UTC)', es: 'Fecha (UTC)' }, value: timeCell(creditEntries.created) },
    { header: { en: 'Action', pt: 'Ação', es: 'Acción' }, value: labelCell(creditEntries.action, creditActionLabels(language)) },
    { header: { en: 'Type', pt: 'Tipo', es: 'Tipo' }, value: labelCell(creditEntries.type, creditTypeLabels(language)) },
    { header: { en: 'Amount', pt: 'Quantidade', es: 'Cantidad' }, value: numberCell(creditEntries.amount) },
    { header: { en: 'Author', pt: 'Autor', es: 'Autor' }, value: textCell(users.displayName) },
    { header: { en: 'Author e-mail', pt: 'E-mail do autor', es: 'Correo del autor' }, value: textCell(users.email) },
    { header: { en: 'Related to', pt: 'Relacionado a', es: 'Relacionado con' }, value: textCell(sql`(${creditEntries.relatedType} || ':' || ${creditEntries.relatedId})`) },
    { header: { en: 'Expires (UTC)', pt: 'Expira em (UTC)', es: 'Vence (UTC)' }, value: timeCell(creditEntries.expires) },
    { header: { en: 'Note', pt: 'Observação', es: 'Nota' }, value: textCell(creditEntries.note) },
    { header: 'ID', value: textCell(creditEntries.id) },
  ];
}

/** The workspace's credits history, oldest first, within a date range and for one action. */
export const creditsCsvExport = defineCsvExport<CreditsExportParams>({
  name: 'credits',
  fileName: 'credits',
  permission: 'read_company',
  spec: (tenant, { startDate, endDate, action }, language) => {
    const range = dateRange(startDate, endDate);
    return {
      columns: creditColumns(language),
      from: (select) => select.from(creditEntries).leftJoin(users, eq(users.id, creditEntries.authorId)) as unknown as AnyPgSelect,
      where: and(
        eq(creditEntries.workspaceId, tenant.workspaceId),
        action ? eq(creditEntries.action, action) : undefined,
        range.from ? gte(creditEntries.created, range.from) : undefined,
        range.to ? lt(creditEntries.created, range.to) : undefined,
      )!,
      key: creditEntries.id,
    };
  },
});
