import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgSelect } from 'drizzle-orm/pg-core';
import type { Language } from '../../../platform/http/request-context.js';
import type { CsvColumn } from '../../../platform/exports/csv-export.js';
import { defineCsvExport } from '../../../platform/exports/define-export.js';
import { labelCell, listCell, numberCell, textCell, timeCell } from '../../../platform/exports/csv-columns.js';
import { dateRange } from '../../../platform/exports/date-range.js';
import { assessments, attempts, type AttemptStatus } from '../schema.js';
import { assessmentScope } from './find-assessment.js';
import { attemptStatusLabels, stageLabels } from './labels.js';

/** The request body of POST /assessments/export (the seed's fields). */
export interface AssessmentsExportParams {
  ids?: string[];
  startDate?: string;
  endDate?: string;
  include_expired_participations?: boolean;
  include_pending_participations?: boolean;
  include_actions_plans?: boolean;
  include_integrity?: boolean;
  companies?: string[];
}

/** Not taken yet or still under way. */
export const pendingStatuses: AttemptStatus[] = ['draft', 'invited', 'scheduled', 'started', 'pending'];
/** Always in the file: the attempts that were taken. */
export const takenStatuses: AttemptStatus[] = ['finished', 'pending_review', 'blocked'];

const invitedAt = sql`coalesce(${attempts.invitationDate}, ${attempts.created})`;

function columns(language: Language): CsvColumn[] {
  return [
    { header: { en: 'Assessment', pt: 'Avaliação', es: 'Evaluación' }, value: textCell(assessments.name) },
    { header: { en: 'Candidate', pt: 'Candidato', es: 'Candidato' }, value: textCell(attempts.name) },
    { header: { en: 'E-mail', pt: 'E-mail', es: 'Correo' }, value: textCell(attempts.email) },
    { header: { en: 'Status', pt: 'Status', es: 'Estado' }, value: labelCell(attempts.status, attemptStatusLabels(language)) },
    { header: { en: 'Stage', pt: 'Etapa', es: 'Etapa' }, value: labelCell(attempts.stage, stageLabels(language)) },
    { header: { en: 'Score (%)', pt: 'Nota (%)', es: 'Puntuación (%)' }, value: numberCell(attempts.score) },
    { header: { en: 'Points', pt: 'Pontos', es: 'Puntos' }, value: numberCell(attempts.totalScore) },
    { header: { en: 'Max points', pt: 'Pontos máximos', es: 'Puntos máximos' }, value: numberCell(attempts.maxScore) },
    { header: { en: 'Invited (UTC)', pt: 'Convidado em (UTC)', es: 'Invitado (UTC)' }, value: timeCell(attempts.invitationDate) },
    { header: { en: 'Started (UTC)', pt: 'Iniciado em (UTC)', es: 'Iniciado (UTC)' }, value: timeCell(attempts.started) },
    { header: { en: 'Finished (UTC)', pt: 'Finalizado em (UTC)', es: 'Finalizado (UTC)' }, value: timeCell(attempts.finished) },
    { header: { en: 'Source', pt: 'Origem', es: 'Origen' }, value: textCell(attempts.source) },
    { header: { en: 'Tags', pt: 'Tags', es: 'Etiquetas' }, value: listCell(attempts.tags) },
    { header: { en: 'Assessment ID', pt: 'ID da avaliação', es: 'ID de la evaluación' }, value: textCell(assessments.id) },
    { header: { en: 'Attempt ID', pt: 'ID da tentativa', es: 'ID del intento' }, value: textCell(attempts.id) },
  ];
}

/**
 * One row per attempt of the assessments the request sees: finished, pending review and blocked
 * ones always; not yet finished ones (draft, invited, scheduled, started, pending) with
 * include_pending_participations; expired ones with include_expired_participations. startDate and
 * endDate bound the invitation date (else the attempt's creation).
 */
export const assessmentsCsvExport = defineCsvExport<AssessmentsExportParams>({
  name: 'assessments',
  fileName: 'assessments',
  permission: 'list_attempts',
  spec: (tenant, params, language) => {
    const range = dateRange(params.startDate, params.endDate);
    const statuses = [...takenStatuses, ...(params.include_pending_participations ? pendingStatuses : []), ...(params.include_expired_participations ? (['expired'] as const) : [])];
    const ids = params.ids && params.ids.length > 0 ? [...new Set(params.ids)] : undefined;
    return {
      columns: columns(language),
      from: (select) => select.from(attempts).innerJoin(assessments, and(eq(assessments.workspaceId, attempts.workspaceId), eq(assessments.id, attempts.assessmentId))) as unknown as AnyPgSelect,
      where: and(
        eq(attempts.workspaceId, tenant.workspaceId),
        assessmentScope(tenant),
        inArray(attempts.status, statuses),
        ids ? inArray(attempts.assessmentId, ids) : undefined,
        range.from ? sql`${invitedAt} >= ${range.from.toISOString()}::timestamptz` : undefined,
        range.to ? sql`${invitedAt} < ${range.to.toISOString()}::timestamptz` : undefined,
      )!,
      key: attempts.id,
    };
  },
});
