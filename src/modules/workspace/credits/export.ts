import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import type { Readable } from 'node:stream';
import type { Database } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { csvExport, type CsvColumn } from '../../../platform/exports/csv-export.js';
import { labelCell, numberCell, textCell, timeCell } from '../../../platform/exports/csv-columns.js';
import type { DateRange } from '../../../platform/exports/date-range.js';
import { users } from '../../identity/schema.js';
import { creditEntries, type CreditAction } from './schema.js';
import { creditActionLabels, creditTypeLabels } from './labels.js';
import type { CreditsTenant } from './ledger.js';

export interface CreditsExportFilter {
  range: DateRange;
  action?: CreditAction;
}

function creditColumns(language: Language): CsvColumn[] {
  return [
    { header: { en: 'Date', pt: 'Data', es: 'Fecha' }, value: timeCell(creditEntries.created) },
    { header: { en: 'Action', pt: 'Ação', es: 'Acción' }, value: labelCell(creditEntries.action, creditActionLabels(language)) },
    { header: { en: 'Type', pt: 'Tipo', es: 'Tipo' }, value: labelCell(creditEntries.type, creditTypeLabels(language)) },
    { header: { en: 'Amount', pt: 'Quantidade', es: 'Cantidad' }, value: numberCell(creditEntries.amount) },
    { header: { en: 'Author', pt: 'Autor', es: 'Autor' }, value: textCell(users.displayName) },
    { header: { en: 'Author e-mail', pt: 'E-mail do autor', es: 'Correo del autor' }, value: textCell(users.email) },
    { header: { en: 'Related to', pt: 'Relacionado a', es: 'Relacionado con' }, value: textCell(sql`(${creditEntries.relatedType} || ':' || ${creditEntries.relatedId})`) },
    { header: { en: 'Expires', pt: 'Expira em', es: 'Vence' }, value: timeCell(creditEntries.expires) },
    { header: { en: 'Note', pt: 'Observação', es: 'Nota' }, value: textCell(creditEntries.note) },
    { header: 'ID', value: textCell(creditEntries.id) },
  ];
}

/** The workspace's credits history as a streamed CSV, oldest first. */
export function exportCredits(database: Database, tenant: CreditsTenant, filter: CreditsExportFilter, language: Language): Promise<Readable> {
  return csvExport(
    database,
    {
      columns: creditColumns(language),
      from: (select) => select.from(creditEntries).leftJoin(users, eq(users.id, creditEntries.authorId)) as unknown as AnyPgSelect,
      where: and(
        eq(creditEntries.workspaceId, tenant.workspaceId),
        filter.action ? eq(creditEntries.action, filter.action) : undefined,
        filter.range.from ? gte(creditEntries.created, filter.range.from) : undefined,
        filter.range.to ? lt(creditEntries.created, filter.range.to) : undefined,
      )!,
      key: creditEntries.id,
    },
    { language },
  );
}
