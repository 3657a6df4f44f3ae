import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { operations, type OperationItemError, type OperationRow } from './schema.js';

/** Names one operation. */
export interface OperationRef {
  workspaceId: string;
  operationId: string;
}

/** Item errors kept per operation; past it only `failed` counts. */
export const maxOperationErrors = 100;
/** How long a finished operation stays readable. */
export const operationRetentionDays = 7;

const thisOperation = (ref: OperationRef) => and(eq(operations.workspaceId, ref.workspaceId), eq(operations.id, ref.operationId));

/**
 * Opens one step of an operation, in the transaction that will do the step's work: locks the row
 * and marks it running. Answers null, and the step must do nothing, when the operation is over or
 * its checkpoint has moved past `checkpoint` (a step already committed, run again by a retry).
 */
export async function beginStep(tx: DbOrTx, ref: OperationRef, checkpoint: string | null): Promise<OperationRow | null> {
  const [row] = await tx.select().from(operations).where(thisOperation(ref)).for('update');
  if (!row || !['queued', 'running'].includes(row.status) || row.checkpoint !== checkpoint) return null;
  if (row.status === 'running') return row;
  const [running] = await tx
    .update(operations)
    .set({ status: 'running', started: sql`coalesce(${operations.started}, now())`, updated: sql`now()` })
    .where(thisOperation(ref))
    .returning();
  return running;
}

export interface StepProgress {
  /** Where the next step resumes. */
  checkpoint: string | null;
  /** Items this step handled (the failed ones included). */
  processed: number;
  errors: OperationItemError[];
  /** Nothing is left: the operation is done. */
  done: boolean;
}

/** Writes a step's progress, in the step's transaction (after beginStep). */
export async function advanceOperation(tx: DbOrTx, ref: OperationRef, step: StepProgress): Promise<void> {
  const kept = JSON.stringify(step.errors.slice(0, maxOperationErrors));
  await tx
    .update(operations)
    .set({
      checkpoint: step.checkpoint,
      processed: sql`${operations.processed} + ${step.processed}`,
      failedCount: sql`${operations.failedCount} + ${step.errors.length}`,
      // The first maxOperationErrors item errors of the whole operation.
      errors: sql`(select coalesce(jsonb_agg(e order by n), '[]'::jsonb) from (select e, n from jsonb_array_elements(${operations.errors} || ${kept}::jsonb) with ordinality as x(e, n) order by n limit ${maxOperationErrors}) first)`,
      error: null,
      updated: sql`now()`,
      ...(step.done
        ? { status: 'done' as const, finished: sql`now()`, expires: sql`now() + make_interval(days => ${operationRetentionDays})` }
        : {}),
    })
    .where(thisOperation(ref));
}

/**
 * Records why a step failed, outside its (rolled back) transaction: the operation stays queued for
 * the job's retry, or, when `final`, becomes failed. An operation already over is left alone.
 */
export async function recordStepFailure(db: DbOrTx, ref: OperationRef, message: string, final: boolean): Promise<void> {
  await db
    .update(operations)
    .set({
      error: message.slice(0, 1000),
      updated: sql`now()`,
      ...(final ? { status: 'failed' as const, finished: sql`now()`, expires: sql`now() + make_interval(days => ${operationRetentionDays})` } : {}),
    })
    .where(and(thisOperation(ref), inArray(operations.status, ['queued', 'running'])));
}
