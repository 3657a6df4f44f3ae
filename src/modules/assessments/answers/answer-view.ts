import type { AnswerRow } from '../schema.js';
import type { AnswerMedia } from '../types.js';
import { withDownloadUrl } from '../../../platform/storage/file-id.js';
import type { FrozenQuestion } from '../types.js';
import { isLocked, type AttemptRecord } from '../admin/attempt-view.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Who reads an answer: a manager of the workspace, or the candidate who wrote it. */
export type AnswerReader = 'manager' | 'candidate';

/**
 * A candidate sees their scores and reviews once the results are theirs to see: the attempt is
 * finished, its results are not hidden (or were sent) and not locked. The machine results
 * (`auto_result`: verdicts, choice correctness) are for managers only.
 */
export function candidateSeesResults(record: AttemptRecord): boolean {
  const { attempt } = record;
  return attempt.status === 'finished' && !attempt.hiddenResults && !isLocked(record);
}

export function answerView(row: AnswerRow, question: FrozenQuestion | undefined, reader: AnswerReader, showResults: boolean) {
  const results = reader === 'manager' || showResults;
  return {
    _id: row.id,
    attempt: row.attemptId,
    question: row.questionId,
    type: question?.type ?? null,
    title: question?.title ?? null,
    status: row.status,
    response: row.response,
    revision: row.revision,
    saved_at: iso(row.savedAt),
    score: results ? row.score : null,
    max_score: results ? row.maxScore : null,
    auto_result: reader === 'manager' ? row.autoResult : null,
    review: results ? row.review : null,
    media: answerMediaView(row.id, row.media),
    created: row.created.toISOString(),
    updated: row.updated.toISOString(),
  };
}

export type AnswerView = ReturnType<typeof answerView>;

/** Position of each question in the attempt's revision (stable ids, never display order). */
export function questionOrder(questions: FrozenQuestion[]): (a: Pick<AnswerRow, 'questionId'>, b: Pick<AnswerRow, 'questionId'>) => number {
  const position = new Map(questions.map((q, i) => [q._id, i]));
  const rank = (questionId: string) => position.get(questionId) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => rank(a.questionId) - rank(b.questionId);
}


/**
 * The answer's files as answered, each with its download route (GET /assessments/answers/:id/media/:file;
 * a candidate adds `?access_token=`).
 */
export function answerMediaView(answerId: string, media: AnswerMedia[]): Array<AnswerMedia & { url: string }> {
  return media.map((file) => withDownloadUrl(file, `/assessments/answers/${answerId}/media`));
}
