import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/enqueue-job.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { startOperation } from '../../../platform/operations/start-operation.js';
import { advanceOperation, beginStep, recordStepFailure } from '../../../platform/operations/advance-operation.js';
import type { OperationItemError, OperationRow } from '../../../platform/operations/schema.js';
import { assessments, attempts, type AttemptRow, type AttemptStatus } from '../schema.js';
import { loadAnswers, loadRevisions } from './load-scoring-input.js';
import { scoreAttempt } from './score-attempt.js';
import type { AttemptScore } from './score-types.js';
import { writeAttemptScores, type AttemptScoreWrite } from './write-attempt-scores.js';
import { attemptScope, checkScorable, lockAttempt, type AttemptTenant } from './find-scored-attempt.js';
import { queueFinishedWebhook } from './announce-attempt-finished.js';

/** What rescoring reads of an attempt row. */
export type RescoredRow = Pick<AttemptRow, 'workspaceId' | 'id' | 'status' | 'revisionId'>;

export interface Recalculated<T extends RescoredRow = RescoredRow> {
  attempt: T;
  result: AttemptScore;
  status: AttemptStatus;
}

/** Statuses bulk recalculation covers (the seed: finished or blocked attempts). */
export const bulkRecalculableStatuses = ['finished', 'blocked'] as const;
/** Up to this many attempts are recalculated in the request, in one transaction; more go to a background job. */
export const INLINE_RECALCULATION_LIMIT = 1000;
/** Attempts per statement batch, and per background job run. */
export const RECALCULATION_BATCH = 500;

/**
 * Scores attempts again from their frozen revisions and stored answers and writes the results, with
 * no e-mail and no webhook. A blocked attempt keeps its status; any other takes the scored one.
 * Attempts without a revision are left out. Pass a transaction: the batch is written whole.
 */
export async function rescoreAttempts<T extends RescoredRow>(tx: DbOrTx, workspaceId: string, rows: readonly T[]): Promise<Array<Recalculated<T>>> {
  const scorable = rows.filter((row) => row.revisionId);
  const revisions = await loadRevisions(tx, workspaceId, scorable.map((row) => row.revisionId!));
  const answersOf = await loadAnswers(tx, workspaceId, scorable.map((row) => row.id));
  const done: Array<Recalculated<T>> = [];
  const writes: AttemptScoreWrite[] = [];
  for (const attempt of scorable) {
    const revision = revisions.get(attempt.revisionId!);
    if (!revision) continue;
    const answers = answersOf.get(attempt.id) ?? [];
    const result = scoreAttempt(revision, answers);
    const status = attempt.status === 'blocked' ? 'blocked' : result.status;
    writes.push({ attemptId: attempt.id, result, answers, status, stampFinished: false });
    done.push({ attempt, result, status });
  }
  await writeAttemptScores(tx, workspaceId, writes);
  return done;
}

/** One handed-in attempt recalculated (POST /assessments/participants/:participantId/recalculate). */
export async function recalculateAttempt(tx: DbOrTx, tenant: AttemptTenant, attemptId: string): Promise<Recalculated<AttemptRow>> {
  const attempt = await lockAttempt(tx, tenant, attemptId);
  checkScorable(attempt);
  const [done] = await rescoreAttempts(tx, tenant.workspaceId, [attempt]);
  if (!done) throw notFound('Assessment revision');
  return done;
}

/**
 * Recalculates one attempt and, when it is finished and has a webhook_url, pushes its result there
 * again (`attempt.finished`, the same body as at the finish). No e-mail.
 */
export async function syncAttempt(tx: DbOrTx, runtime: Runtime, tenant: AttemptTenant, attemptId: string): Promise<Recalculated<AttemptRow> & { webhookQueued: boolean }> {
  const done = await recalculateAttempt(tx, tenant, attemptId);
  const { attempt, result } = done;
  if (done.status !== 'finished' || !attempt.webhookUrl) return { ...done, webhookQueued: false };
  const [assessment] = await tx
    .select({ name: assessments.name })
    .from(assessments)
    .where(and(eq(assessments.workspaceId, attempt.workspaceId), eq(assessments.id, attempt.assessmentId)));
  const revisions = await loadRevisions(tx, attempt.workspaceId, [attempt.revisionId!]);
  const title = revisions.get(attempt.revisionId!)?.name ?? assessment?.name ?? '';
  return { ...done, webhookQueued: await queueFinishedWebhook(tx, runtime, attempt, result.score, title) };
}

/** What a bulk recalculation covers: attempts named by id, and every attempt of the assessments named. */
export interface RecalculationSelection {
  attemptIds: string[];
  assessmentIds: string[];
}

function selectionCondition(tenant: AttemptTenant, selection: RecalculationSelection) {
  const named = [
    selection.attemptIds.length > 0 ? inArray(attempts.id, selection.attemptIds) : undefined,
    selection.assessmentIds.length > 0 ? inArray(attempts.assessmentId, selection.assessmentIds) : undefined,
  ].filter((condition) => condition !== undefined);
  return and(attemptScope(tenant), or(...named), inArray(attempts.status, [...bulkRecalculableStatuses]));
}

/** Each id is an attempt or an assessment of the workspace; 404 naming the first that is neither. */
export async function resolveSelection(db: DbOrTx, tenant: AttemptTenant, ids: readonly string[]): Promise<RecalculationSelection> {
  const unique = [...new Set(ids)];
  const attemptRows = await db.select({ id: attempts.id }).from(attempts).where(and(attemptScope(tenant), inArray(attempts.id, unique)));
  const assessmentRows = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.workspaceId, tenant.workspaceId), inArray(assessments.id, unique)));
  const attemptIds = new Set(attemptRows.map((row) => row.id));
  const assessmentIds = new Set(assessmentRows.map((row) => row.id));
  const unknown = ids.findIndex((id) => !attemptIds.has(id) && !assessmentIds.has(id));
  if (unknown >= 0) {
    throw new AppError(404, 'attempt_not_found', 'No attempt or assessment of this workspace has this id', [{ field: `body/ids/${unknown}`, message: 'not an attempt or assessment id of this workspace' }]);
  }
  return { attemptIds: [...attemptIds].sort(), assessmentIds: [...assessmentIds].sort() };
}

/** The next batch of the selection after `afterId`, in id order, locked (only the columns rescoring reads). */
export async function nextBatch(tx: DbOrTx, tenant: AttemptTenant, selection: RecalculationSelection, afterId: string | null, limit: number): Promise<RescoredRow[]> {
  const condition = afterId ? and(selectionCondition(tenant, selection), gt(attempts.id, afterId)) : selectionCondition(tenant, selection);
  return tx
    .select({ workspaceId: attempts.workspaceId, id: attempts.id, status: attempts.status, revisionId: attempts.revisionId })
    .from(attempts)
    .where(condition)
    // The primary key's order: the batch is read off its index and stops at `limit`, where sorting by
    // id alone made the planner read and sort every remaining attempt of the selection per batch.
    .orderBy(asc(attempts.workspaceId), asc(attempts.id))
    .limit(limit)
    .for('update');
}

/** One batch recalculated: the rows it covered, the cursor after it, and the attempts it had to leave out. */
export interface RecalculatedBatch {
  /** Attempts of the selection read in this batch (the left-out ones included). */
  count: number;
  recalculated: number;
  /** The last id of the batch; null when none was left. */
  lastId: string | null;
  /** Fewer rows than the limit came: nothing is left after this batch. */
  last: boolean;
  leftOut: OperationItemError[];
}

/** Recalculates the next `limit` attempts of the selection after `afterId`. */
export async function recalculateNextBatch(tx: DbOrTx, tenant: AttemptTenant, selection: RecalculationSelection, afterId: string | null, limit = RECALCULATION_BATCH): Promise<RecalculatedBatch> {
  const batch = await nextBatch(tx, tenant, selection, afterId, limit);
  if (batch.length === 0) return { count: 0, recalculated: 0, lastId: null, last: true, leftOut: [] };
  const done = await rescoreAttempts(tx, tenant.workspaceId, batch);
  const scored = new Set(done.map((entry) => entry.attempt.id));
  const leftOut = batch
    .filter((row) => !scored.has(row.id))
    .map((row) => ({ _id: row.id, code: 'revision_missing', message: 'The attempt has no frozen revision to score it from' }));
  return { count: batch.length, recalculated: done.length, lastId: batch[batch.length - 1].id, last: batch.length < limit, leftOut };
}

export interface BulkRecalculation {
  total: number;
  recalculated: number;
  /** Attempts named by id that are not finished or blocked, left as they are. */
  skipped: string[];
  /** Set when the set was larger than INLINE_RECALCULATION_LIMIT: the background operation (GET /operations/:id). */
  operation: OperationRow | null;
}

export const RECALCULATE_ATTEMPTS = 'assessments.recalculate-attempts';
/** The operation type of a background recalculation. */
export const RECALCULATION_OPERATION = 'attempts.recalculate';

export interface RecalculateAttemptsData {
  /** The operation this run advances (its progress and checkpoint). */
  operationId: string;
  tenant: AttemptTenant;
  selection: RecalculationSelection;
  afterId: string | null;
}

/**
 * POST /assessments/attempts/bulk/recalculate: the finished and blocked attempts of the selection.
 * Up to INLINE_RECALCULATION_LIMIT in this request, in one transaction; more in a background
 * operation whose job works RECALCULATION_BATCH attempts per run, each run in its own transaction
 * with its progress and the next run (see recalculateAttemptsJob).
 */
export async function bulkRecalculate(db: Db, tenant: AttemptTenant, ids: readonly string[], authorId: string | null = null): Promise<BulkRecalculation> {
  return db.transaction(async (tx) => {
    const selection = await resolveSelection(tx, tenant, ids);
    const skippedRows = selection.attemptIds.length === 0 ? [] : await tx
      .select({ id: attempts.id })
      .from(attempts)
      .where(and(attemptScope(tenant), inArray(attempts.id, selection.attemptIds), sql`${attempts.status} not in ('finished', 'blocked')`));
    const skipped = skippedRows.map((row) => row.id).sort();
    const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(attempts).where(selectionCondition(tenant, selection));
    if (total > INLINE_RECALCULATION_LIMIT) {
      const operation = await startOperation(tx, { tenant, type: RECALCULATION_OPERATION, permission: 'manage_attempts', authorId, total });
      await enqueueJob(tx, RECALCULATE_ATTEMPTS, { operationId: operation.id, tenant, selection, afterId: null } satisfies RecalculateAttemptsData);
      return { total, recalculated: 0, skipped, operation };
    }
    let recalculated = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await recalculateNextBatch(tx, tenant, selection, afterId);
      recalculated += batch.recalculated;
      if (batch.last) break;
      afterId = batch.lastId;
    }
    return { total, recalculated, skipped, operation: null };
  });
}

/** What the operation's reader is told of a failure: our own errors as they are, others by their code only (the log has them whole). */
function publicMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  return `The recalculation could not go on (${typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error'})`;
}

/**
 * One run of a background recalculation, in one transaction: opens the operation's step at this
 * run's cursor (a run whose step is already committed, e.g. retried after a lost acknowledgement,
 * does nothing), recalculates one batch, writes the progress and queues the next run, or marks the
 * operation done with the last batch. A failure is recorded on the operation and retried; the last
 * retry marks it failed.
 */
export const recalculateAttemptsJob = defineJob<RecalculateAttemptsData>({
  name: RECALCULATE_ATTEMPTS,
  options: { retryLimit: 5, concurrency: 1 },
  async run(runtime, job) {
    const data = job.data;
    const ref = { workspaceId: data.tenant.workspaceId, operationId: data.operationId };
    const { db } = runtime.database;
    try {
      const step = await db.transaction(async (tx) => {
        const operation = await beginStep(tx, ref, data.afterId);
        if (!operation) return null;
        const batch = await recalculateNextBatch(tx, data.tenant, data.selection, data.afterId);
        await advanceOperation(tx, ref, { checkpoint: batch.lastId ?? data.afterId, processed: batch.count, errors: batch.leftOut, done: batch.last });
        if (!batch.last) await enqueueJob(tx, RECALCULATE_ATTEMPTS, { ...data, afterId: batch.lastId } satisfies RecalculateAttemptsData);
        return { processed: operation.processed + batch.count, total: operation.total, done: batch.last };
      });
      if (step) runtime.log.info({ operationId: data.operationId, workspaceId: ref.workspaceId, ...step }, 'attempt recalculation progress');
    } catch (error) {
      const final = job.retryCount >= job.retryLimit;
      await recordStepFailure(db, ref, publicMessage(error), final);
      runtime.log.warn({ operationId: data.operationId, workspaceId: ref.workspaceId, err: error }, final ? 'attempt recalculation failed for good' : 'attempt recalculation step failed; will retry');
      if (!final) throw error;
    }
  },
});
