import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { testDatabase } from '../../../test/support/app.js';
import { workerRuntime } from '../../../test/support/worker-database.js';
import type { Database } from '../db/client.js';
import type { Tenant } from '../http/request-context.js';
import { effectivePermissions } from '../auth/permissions.js';
import { newId } from '../ids.js';
import { AppError } from '../errors.js';
import { startOperation } from './start-operation.js';
import { advanceOperation, beginStep, maxOperationErrors, recordStepFailure, type OperationRef } from './advance-operation.js';
import { findOperation } from './find-operation.js';
import { operationView } from './operation-view.js';
import { operations } from './schema.js';
import { sweepOperations } from './sweep-operations.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database?.close());

const db = () => database.db;
const admin = (workspaceId: string, scope: Partial<Tenant> = {}): Tenant => ({
  workspaceId,
  allowedSubaccountIds: [],
  role: 'admin',
  permissions: effectivePermissions('admin', []),
  ...scope,
});

async function started(tenant: Tenant, total: number | null = 10): Promise<OperationRef> {
  const row = await db().transaction((tx) => startOperation(tx, { tenant, type: 'test.bulk', permission: 'manage_attempts', authorId: null, total }));
  return { workspaceId: tenant.workspaceId, operationId: row.id };
}
const read = async (ref: OperationRef) =>
  (await db().select().from(operations).where(and(eq(operations.workspaceId, ref.workspaceId), eq(operations.id, ref.operationId))))[0];
const errorsOf = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ _id: `item-${from + i}`, code: 'bad_item', message: 'Bad item' }));

describe('operation progress', () => {
  it('goes queued → running → done, adding each step\'s counts once, at the checkpoint it was queued with', async () => {
    const ref = await started(admin(newId()));
    expect(operationView(await read(ref))).toMatchObject({ status: 'queued', processed: 0, total: 10, started: null, url: `/operations/${ref.operationId}` });

    await db().transaction(async (tx) => {
      expect(await beginStep(tx, ref, null)).toMatchObject({ status: 'running' });
      await advanceOperation(tx, ref, { checkpoint: 'c1', processed: 4, errors: errorsOf(1), done: false });
    });
    expect(await read(ref)).toMatchObject({ status: 'running', processed: 4, failedCount: 1, checkpoint: 'c1' });

    // The same step delivered again: its checkpoint has moved on, so it is told to do nothing.
    expect(await db().transaction((tx) => beginStep(tx, ref, null))).toBeNull();
    await db().transaction(async (tx) => {
      expect(await beginStep(tx, ref, 'c1')).not.toBeNull();
      await advanceOperation(tx, ref, { checkpoint: 'c2', processed: 6, errors: [], done: true });
    });
    const done = await read(ref);
    expect(done).toMatchObject({ status: 'done', processed: 10, failedCount: 1, errors: errorsOf(1) });
    expect(done.finished).not.toBeNull();
    expect(await db().transaction((tx) => beginStep(tx, ref, 'c2'))).toBeNull();
  });

  it('counts a rolled-back step nowhere', async () => {
    const ref = await started(admin(newId()));
    await expect(db().transaction(async (tx) => {
      await beginStep(tx, ref, null);
      await advanceOperation(tx, ref, { checkpoint: 'c1', processed: 5, errors: [], done: false });
      throw new Error('the batch failed');
    })).rejects.toThrow('the batch failed');
    expect(await read(ref)).toMatchObject({ status: 'queued', processed: 0, checkpoint: null });
  });

  it('keeps the first item errors only, and counts them all', async () => {
    const ref = await started(admin(newId()), 500);
    for (const [step, from] of [[null, 0], ['c1', 70], ['c2', 140]] as const) {
      await db().transaction(async (tx) => {
        await beginStep(tx, ref, step);
        await advanceOperation(tx, ref, { checkpoint: step === null ? 'c1' : step === 'c1' ? 'c2' : 'c3', processed: 100, errors: errorsOf(70, from), done: false });
      });
    }
    const row = await read(ref);
    expect(row.failedCount).toBe(210);
    expect(row.errors).toEqual(errorsOf(maxOperationErrors));
  });

  it('records a failed step for the retry, and the last one as failed', async () => {
    const ref = await started(admin(newId()));
    await db().transaction((tx) => beginStep(tx, ref, null));
    await recordStepFailure(db(), ref, 'The database went away', false);
    expect(await read(ref)).toMatchObject({ status: 'running', error: 'The database went away', finished: null });
    await recordStepFailure(db(), ref, 'Still away', true);
    const failed = await read(ref);
    expect(failed).toMatchObject({ status: 'failed', error: 'Still away' });
    expect(failed.finished).not.toBeNull();
    // Over: a late failure or step changes nothing.
    await recordStepFailure(db(), ref, 'Later', true);
    expect((await read(ref)).error).toBe('Still away');
    expect(await db().transaction((tx) => beginStep(tx, ref, null))).toBeNull();
  });
});

describe('findOperation', () => {
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    return error instanceof AppError ? error.statusCode : error;
  };

  it('answers the workspace\'s callers within the subaccounts it was made in, holding its permission; 404 to anyone else', async () => {
    const workspaceId = newId();
    const [sub1, sub2] = [newId(), newId()];
    const whole = await started(admin(workspaceId));
    const inSub1 = await started(admin(workspaceId, { subaccountId: sub1 }));

    expect((await findOperation(db(), admin(workspaceId), whole.operationId)).id).toBe(whole.operationId);
    expect(await refusal(findOperation(db(), admin(newId()), whole.operationId))).toBe(404);
    expect(await refusal(findOperation(db(), admin(workspaceId, { allowedSubaccountIds: [sub1] }), whole.operationId))).toBe(404);
    expect((await findOperation(db(), admin(workspaceId, { allowedSubaccountIds: [sub1] }), inSub1.operationId)).id).toBe(inSub1.operationId);
    expect(await refusal(findOperation(db(), admin(workspaceId, { subaccountId: sub2 }), inSub1.operationId))).toBe(404);
    const viewer = { ...admin(workspaceId), role: 'business' as const, permissions: effectivePermissions('business', []) };
    expect(viewer.permissions.has('manage_attempts')).toBe(false);
    expect(await refusal(findOperation(db(), viewer, whole.operationId))).toBe(403);

    await db().update(operations).set({ expires: sql`now() - interval '1 second'` }).where(eq(operations.id, whole.operationId));
    expect(await refusal(findOperation(db(), admin(workspaceId), whole.operationId))).toBe(404);
  });
});

describe('sweepOperations', () => {
  it('deletes the expired records and keeps the others', async () => {
    const runtime = await workerRuntime(database, { workers: false });
    try {
      const [kept, expired] = [await started(admin(newId())), await started(admin(newId()))];
      await db().update(operations).set({ expires: sql`now() - interval '1 second'` }).where(eq(operations.id, expired.operationId));
      expect(await sweepOperations(runtime)).toBeGreaterThanOrEqual(1);
      expect(await read(expired)).toBeUndefined();
      expect(await read(kept)).toBeDefined();
    } finally {
      await runtime.close();
    }
  });
});
