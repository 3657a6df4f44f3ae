import { and, asc, eq, or, lt, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { newId } from '../../platform/ids.js';
import type { RunLimits, TestCase } from './judge-code.js';
import { judgeRuns, type JudgeRun } from './schema.js';
import type { Comparison, RunVerdict } from './verdict.js';

/** A run stuck in `running` this long lost its worker (process killed): another worker takes it. */
export const LEASE_SECONDS = 300;
/** A run whose workers died this many times is finished as an internal error instead of retried. */
export const MAX_ATTEMPTS = 3;

export interface NewRun {
  questionId?: string | null;
  answerId?: string | null;
  languageId: number;
  source: string;
  referenceSource?: string | null;
  tests: TestCase[];
  limits: RunLimits;
  comparison: Comparison;
}

export async function insertRun(db: DbOrTx, workspaceId: string, input: NewRun): Promise<JudgeRun> {
  const [run] = await db
    .insert(judgeRuns)
    .values({
      workspaceId,
      id: newId(),
      questionId: input.questionId ?? null,
      answerId: input.answerId ?? null,
      languageId: input.languageId,
      source: input.source,
      referenceSource: input.referenceSource ?? null,
      tests: input.tests,
      limits: input.limits,
      comparison: input.comparison,
    })
    .returning();
  return run;
}

export async function findRun(db: DbOrTx, workspaceId: string, id: string): Promise<JudgeRun | undefined> {
  const [run] = await db.select().from(judgeRuns).where(and(eq(judgeRuns.workspaceId, workspaceId), eq(judgeRuns.id, id)));
  return run;
}

/**
 * Takes up to `count` runs for this worker, oldest first: queued ones and those whose lease ran out.
 * SKIP LOCKED lets several processes claim at once without waiting on each other.
 */
export async function claimRuns(db: Db, count: number): Promise<JudgeRun[]> {
  const claimable = db
    .select({ workspaceId: judgeRuns.workspaceId, id: judgeRuns.id })
    .from(judgeRuns)
    .where(and(ne(judgeRuns.status, 'done'), or(eq(judgeRuns.status, 'queued'), lt(judgeRuns.claimedUntil, sql`now()`))))
    .orderBy(asc(judgeRuns.created))
    .limit(count)
    .for('update', { skipLocked: true });
  return db
    .update(judgeRuns)
    .set({
      status: 'running',
      attempts: sql`${judgeRuns.attempts} + 1`,
      startedAt: sql`now()`,
      claimedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
    })
    .where(sql`(${judgeRuns.workspaceId}, ${judgeRuns.id}) in (${claimable})`)
    .returning();
}

export async function finishRun(db: Db, run: Pick<JudgeRun, 'workspaceId' | 'id'>, verdicts: RunVerdict): Promise<void> {
  await db
    .update(judgeRuns)
    .set({ status: 'done', verdicts, finishedAt: sql`now()`, claimedUntil: null })
    .where(and(eq(judgeRuns.workspaceId, run.workspaceId), eq(judgeRuns.id, run.id)));
}
