import { and, asc, count, desc, eq, getTableColumns } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { badRequest } from '../../../platform/errors.js';
import { pageRequest, type PageQueryValues } from '../../../platform/paging/paginate.js';
import { findQuestions } from '../../questions/find-questions.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessments } from '../schema.js';
import { assessmentWhere } from './assessment-filter.js';
import { levelLabel, questionTypeLabel, unitLabel } from './labels.js';

const sortable = { _id: assessments.id, created: assessments.created, updated: assessments.updated, name: assessments.name };

/**
 * The ATS integration list (the Coodesh help article's step 1): published assessments only, each
 * with its questions' public facts (never their content), as `{offset, total, limit, payload}`.
 */
export async function atsAssessments(db: DbOrTx, tenant: ScopedTenant, query: PageQueryValues & { _id?: string[]; search?: string }, language: Language) {
  const request = pageRequest(query);
  if (!Object.hasOwn(sortable, request.orderBy)) throw badRequest('invalid_order_by', `orderBy must be one of ${Object.keys(sortable).join(', ')}`, 'query/orderBy');
  if (request.start.kind === 'after') throw badRequest('invalid_cursor', 'This list pages by offset or page, not after', 'query/after');
  const where = and(assessmentWhere(tenant, { _id: query._id, search: query.search }), eq(assessments.status, 'published'))!;
  const key = sortable[request.orderBy as keyof typeof sortable];
  const direction = request.order === 'asc' ? asc : desc;
  const [{ n }] = await db.select({ n: count() }).from(assessments).where(where);
  const rows = request.limit === 0 ? [] : await db.select(getTableColumns(assessments)).from(assessments).where(where)
    .orderBy(direction(key), direction(assessments.id)).limit(request.limit).offset(request.start.offset);
  const questions = await findQuestions(db, tenant.workspaceId, rows.flatMap((row) => row.questions.map((q) => q._id)));
  return {
    offset: request.start.offset,
    total: Number(n),
    limit: request.limit,
    payload: rows.map((row) => ({
      assessment_id: row.id,
      name: row.name,
      description: row.description,
      default_locale: row.language,
      duration: row.duration,
      duration_unit: row.durationUnit,
      duration_unit_formatted: unitLabel(row.durationUnit, language),
      questions: row.questions.flatMap((entry) => {
        const question = questions.get(entry._id);
        if (!question) return [];
        return [{
          name: question.title,
          description: question.description,
          type: question.type,
          type_formatted: questionTypeLabel(question.type, language),
          level: question.level,
          level_formatted: levelLabel(question.level, language),
          duration: question.duration,
          duration_unit: question.durationUnit,
        }];
      }),
    })),
  };
}
