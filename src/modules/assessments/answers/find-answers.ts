import { and, asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { SessionTokens } from '../../../platform/auth/jwt.js';
import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { tokenIds, tokenMatches } from '../attempt-tokens.js';
import { answers, type AnswerRow } from '../schema.js';
import type { AnswerMedia } from '../types.js';
import { listedFile } from '../../../platform/storage/file-id.js';
import { attemptForReader } from '../admin/attempt-access.js';
import { findAttemptRecord, isLocked, revisionQuestions, type AttemptRecord } from '../admin/attempt-view.js';
import { answerView, candidateSeesResults, questionOrder, type AnswerReader, type AnswerView } from './answer-view.js';

const lockedError = () => new AppError(403, 'attempt_locked', 'The results of this attempt are locked: unlock it first (bulk unlock)');

async function views(db: DbOrTx, record: AttemptRecord, reader: AnswerReader, rows: (typeof answers.$inferSelect)[]): Promise<AnswerView[]> {
  const questions = await revisionQuestions(db, record.attempt);
  const byId = new Map(questions.map((q) => [q._id, q]));
  const showResults = candidateSeesResults(record);
  return rows.sort(questionOrder(questions)).map((row) => answerView(row, byId.get(row.questionId), reader, showResults));
}

/**
 * GET /assessments/attempts/:attemptId/answers: a manager (workspace credentials with
 * list_attempts; 403 `attempt_locked` while the results are locked) or the candidate (no
 * credentials, `access_token` = the attempt's access token).
 */
export async function findAttemptAnswers(db: DbOrTx, tokens: SessionTokens, request: FastifyRequest, attemptId: string, accessToken?: string): Promise<AnswerView[]> {
  const { record, reader } = await attemptForReader(db, tokens, request, attemptId, accessToken, 'list_attempts');
  if (reader === 'manager' && isLocked(record)) throw lockedError();
  const rows = await db
    .select()
    .from(answers)
    .where(and(eq(answers.workspaceId, record.attempt.workspaceId), eq(answers.attemptId, record.attempt.id)))
    .orderBy(asc(answers.id));
  return views(db, record, reader, rows);
}

/** An answer, the attempt it belongs to, and who reads it. */
export interface ReadAnswer {
  row: AnswerRow;
  record: AttemptRecord;
  reader: AnswerReader;
}

/**
 * One answer as its reader may reach it. With workspace credentials (list_attempts): any answer
 * of the workspace within the caller's subaccounts (403 `attempt_locked` while locked). Without:
 * `access_token` is the candidate's attempt access token or this answer's own token (the media
 * link), checked against the attempt's current nonce; anything else is a 404.
 */
export async function answerForReader(db: DbOrTx, tokens: SessionTokens, request: FastifyRequest, answerId: string, accessToken?: string): Promise<ReadAnswer> {
  const tenant = request.tenant;
  if (tenant) {
    if (!tenant.permissions.has('list_attempts')) throw forbidden('Missing permission list_attempts', 'missing_permission');
    const [row] = await db.select().from(answers).where(and(eq(answers.workspaceId, tenant.workspaceId), eq(answers.id, answerId)));
    const record = row && (await findAttemptRecord(db, tenant, row.attemptId).catch(() => undefined));
    if (!row || !record) throw notFound('Answer');
    if (isLocked(record)) throw lockedError();
    return { row, record, reader: 'manager' };
  }
  const ids = accessToken ? tokenIds(accessToken) : undefined;
  if (!accessToken || !ids) throw notFound('Answer');
  const [row] = await db.select().from(answers).where(and(eq(answers.workspaceId, ids.workspaceId), eq(answers.id, answerId)));
  const record = row && (await findAttemptRecord(db, { workspaceId: ids.workspaceId, allowedSubaccountIds: [] }, row.attemptId).catch(() => undefined));
  if (!row || !record) throw notFound('Answer');
  const { workspaceId, id: attemptId, tokenNonce: nonce } = record.attempt;
  const valid = ids.id === row.id
    ? tokenMatches(tokens, 'answer', accessToken, { workspaceId, id: row.id, nonce })
    : ids.id === attemptId && tokenMatches(tokens, 'attempt', accessToken, { workspaceId, id: attemptId, nonce });
  if (!valid) throw notFound('Answer');
  return { row, record, reader: 'candidate' };
}

/** GET /assessments/answers/:id (answerForReader says who may). */
export async function findAnswer(db: DbOrTx, tokens: SessionTokens, request: FastifyRequest, answerId: string, accessToken?: string): Promise<AnswerView> {
  const { row, record, reader } = await answerForReader(db, tokens, request, answerId, accessToken);
  return (await views(db, record, reader, [row]))[0];
}

/** GET /assessments/answers/:id/media/:file: one file of the answer's media, for whoever may read the answer. */
export async function findAnswerMediaFile(db: DbOrTx, tokens: SessionTokens, request: FastifyRequest, answerId: string, fileId: string, accessToken?: string): Promise<AnswerMedia> {
  const { row } = await answerForReader(db, tokens, request, answerId, accessToken);
  const file = listedFile(row.media, fileId);
  if (!file) throw new AppError(404, 'media_not_found', 'The answer has no file with this id', [{ field: 'params/file', message: 'not a file of this answer' }]);
  return file;
}
