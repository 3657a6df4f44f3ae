import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, type DbOrTx } from '../src/platform/db/client.js';
import { insertMany } from '../src/platform/db/insert-many.js';
import { createRuntime } from '../src/platform/create-runtime.js';
import type { Runtime } from '../src/platform/runtime.js';
import { modules } from '../src/modules/index.js';
import { createWorkspace } from '../src/modules/identity/workspaces/create-workspace.js';
import { answers, assessments, attempts, type AttemptRow } from '../src/modules/assessments/schema.js';
import { answerRows, attemptRow, insertAssessmentRevision } from '../src/modules/assessments/scoring/attempt-fixtures.js';
import { loadRevisions } from '../src/modules/assessments/scoring/load-scoring-input.js';
import { recalculateNextBatch, RECALCULATION_BATCH, type RecalculationSelection } from '../src/modules/assessments/scoring/recalculate-attempts.js';
import type { AttemptTenant } from '../src/modules/assessments/scoring/find-scored-attempt.js';
import { writeAttemptScores, type AttemptScoreWrite } from '../src/modules/assessments/scoring/write-attempt-scores.js';
import type { AttemptScore, ScoredAnswer } from '../src/modules/assessments/scoring/score-types.js';
import {
  answerTo, codingQuestion, essayQuestion, fastQuestion, multipleChoice, revisionOf, singleChoice, sqlQuestion,
} from '../src/modules/assessments/scoring/score-fixtures.js';
import { formatTable } from './measure.js';

/**
 * Recalculation of N finished attempts (BENCH_ATTEMPTS, default 100,000; 6 answers each: single and
 * multiple choice, fast, coding with hidden tests, SQL, a reviewed essay), in batches of
 * RECALCULATION_BATCH, each batch one transaction, exactly as the bulk recalculation job runs it.
 *
 * Baseline in the same run: the same batches read with the same statements (attempts locked, revisions,
 * answers) and written back with the same two UPDATE statements, but with the stored values instead of
 * scoring: what recalculation costs beyond moving the rows. Peak RSS is sampled every 50 ms per phase.
 */

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 100_000);
const INSERT_CHUNK = 10_000;

const review = { score: 1.5, reviewer_id: 'a'.repeat(24), reviewed_at: '2026-01-01T00:00:00.000Z' };
const revision = revisionOf([
  singleChoice('q1', { weight: 2, skill_ids: ['js'] }),
  multipleChoice('q2', { weight: 3, skill_ids: ['js', 'web'] }),
  fastQuestion('f1', { weight: 4, skill_ids: ['web'] }),
  codingQuestion('c1', Array.from({ length: 8 }, (_, i) => ({ _id: `t${i}`, hidden: i >= 2, weight: 1 + (i % 3) })), { weight: 5, skill_ids: ['py'] }),
  sqlQuestion('s1', { weight: 3, skill_ids: ['sql'] }),
  essayQuestion('e1', { weight: 2 }),
], { passing_score: 60 });

function savedAnswers(i: number) {
  const tests = Array.from({ length: 8 }, (_, t) => ({ _id: `t${t}`, hidden: t >= 2, passed: (i + t) % 3 !== 0, status: (i + t) % 3 !== 0 ? 'accepted' : 'wrong_answer' }));
  return [
    answerTo('q1', { choices: [i % 2 === 0 ? 'a' : 'b'] }),
    answerTo('q2', { choices: ['a', 'b', 'c', 'd', 'e'].filter((_, k) => (i >> k) % 2 === 1) }),
    answerTo('f1', { subanswers: { s1: [i % 3 === 0 ? 'b' : 'a'], s2: ['a', i % 2 === 0 ? 'b' : 'c'] } }),
    answerTo('c1', { language: 71, code: `print(${i})` }, { autoResult: { kind: 'coding', run_id: `run${i}`, language: 71, tests } }),
    answerTo('s1', { code: 'select 1' }, { autoResult: { kind: 'sql', passed: i % 4 !== 0, status: i % 4 !== 0 ? 'accepted' : 'wrong_answer' } }),
    answerTo('e1', { text: `Essay ${i}` }, { review }),
  ];
}

async function prepare(runtime: Runtime): Promise<{ tenant: AttemptTenant; selection: RecalculationSelection; seconds: number }> {
  const db = runtime.database.db;
  const workspace = await createWorkspace(db, { name: 'Recalculation bench' });
  const saved = await insertAssessmentRevision(db, workspace.id, revision);
  const started = performance.now();
  for (let from = 0; from < ATTEMPTS; from += INSERT_CHUNK) {
    const count = Math.min(INSERT_CHUNK, ATTEMPTS - from);
    const rows = Array.from({ length: count }, () => attemptRow(workspace.id, saved, { status: 'finished' }));
    await db.transaction(async (tx) => {
      await insertMany(tx, attempts, rows);
      await insertMany(tx, answers, rows.flatMap((row, k) => answerRows(workspace.id, row.id, savedAnswers(from + k))));
    });
  }
  return {
    tenant: { workspaceId: workspace.id, allowedSubaccountIds: [] },
    selection: { attemptIds: [], assessmentIds: [saved.assessmentId] },
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The stored result of each attempt as writeAttemptScores takes it, without scoring anything: the
 * answers are read once, with the columns loadAnswers reads plus their stored scores.
 */
type StoredAttempt = Pick<AttemptRow, 'id' | 'status' | 'revisionId' | 'score' | 'totalScore' | 'maxScore' | 'breakdown'>;

/** The baseline's batch: the columns rescoring reads plus the stored result it writes back, locked like nextBatch. */
async function storedBatch(tx: DbOrTx, workspaceId: string, assessmentId: string, afterId: string | null): Promise<StoredAttempt[]> {
  const condition = and(eq(attempts.workspaceId, workspaceId), eq(attempts.assessmentId, assessmentId), inArray(attempts.status, ['finished', 'blocked']));
  return tx
    .select({ id: attempts.id, status: attempts.status, revisionId: attempts.revisionId, score: attempts.score, totalScore: attempts.totalScore, maxScore: attempts.maxScore, breakdown: attempts.breakdown })
    .from(attempts)
    .where(afterId ? and(condition, gt(attempts.id, afterId)) : condition)
    .orderBy(asc(attempts.id))
    .limit(RECALCULATION_BATCH)
    .for('update');
}

async function storedWrites(db: DbOrTx, workspaceId: string, batch: readonly StoredAttempt[]): Promise<AttemptScoreWrite[]> {
  await loadRevisions(db, workspaceId, batch.map((row) => row.revisionId!));
  const rows = await db
    .select({
      id: answers.id, attemptId: answers.attemptId, questionId: answers.questionId, response: answers.response, autoResult: answers.autoResult, review: answers.review,
      score: answers.score, maxScore: answers.maxScore, status: answers.status,
    })
    .from(answers)
    .where(and(eq(answers.workspaceId, workspaceId), inArray(answers.attemptId, batch.map((row) => row.id))));
  const answersOf = new Map<string, typeof rows>();
  for (const row of rows) answersOf.set(row.attemptId, [...(answersOf.get(row.attemptId) ?? []), row]);
  return batch.map((attempt) => {
    const list = answersOf.get(attempt.id) ?? [];
    const scored: ScoredAnswer[] = list.map((row) => ({
      questionId: row.questionId,
      score: row.score,
      maxScore: row.maxScore ?? 0,
      status: row.status === 'pending' || row.status === 'pending_review' ? row.status : 'scored',
      answered: row.status !== 'unanswered',
    }));
    const result: AttemptScore = {
      score: attempt.score,
      totalScore: attempt.totalScore ?? 0,
      maxScore: attempt.maxScore ?? 0,
      status: 'finished',
      answers: scored,
      breakdown: attempt.breakdown as AttemptScore['breakdown'],
    };
    const inputs = list.map((row) => ({ id: row.id, attemptId: row.attemptId, questionId: row.questionId, response: row.response, autoResult: row.autoResult, review: row.review }));
    return { attemptId: attempt.id, result, answers: inputs, status: attempt.status, stampFinished: false };
  });
}

interface Phase {
  attemptsPerSecond: number;
  seconds: number;
  peakRssMb: number;
  endRssMb: number;
}

async function phase(run: (afterId: string | null) => Promise<string | null>): Promise<Phase> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  let afterId: string | null = null;
  let batches = 0;
  try {
    for (;;) {
      const next = await run(afterId);
      if (next === null) break;
      afterId = next;
      batches += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = process.memoryUsage().rss;
  if (batches * RECALCULATION_BATCH < ATTEMPTS) throw new Error(`phase covered ${batches} batches, fewer than ${ATTEMPTS} attempts`);
  return { attemptsPerSecond: ATTEMPTS / seconds, seconds, peakRssMb: Math.max(peak, rss) / 2 ** 20, endRssMb: rss / 2 ** 20 };
}

async function benchDatabase(databaseUrl: string | undefined): Promise<string[][]> {
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  const config = loadConfig(process.env, { databaseUrl, embedded: 'memory', workers: false, logLevel: 'silent' });
  const runtime = await createRuntime(config, { modules, database, logger: pino({ level: 'silent' }) });
  const db = runtime.database.db;
  let workspaceId: string | undefined;
  try {
    const startRss = process.memoryUsage().rss / 2 ** 20;
    const { tenant, selection, seconds } = await prepare(runtime);
    workspaceId = tenant.workspaceId;
    const recalculate = (afterId: string | null) => db.transaction(async (tx) => (await recalculateNextBatch(tx, tenant, selection, afterId)).lastId);
    const writeBack = (afterId: string | null) =>
      db.transaction(async (tx) => {
        const batch = await storedBatch(tx, tenant.workspaceId, selection.assessmentIds[0], afterId);
        if (batch.length === 0) return null;
        await writeAttemptScores(tx, tenant.workspaceId, await storedWrites(tx, tenant.workspaceId, batch));
        return batch[batch.length - 1].id;
      });
    const first = await phase(recalculate);
    const baseline = await phase(writeBack);
    const steady = await phase(recalculate);
    const row = (name: string, result: Phase) => [
      database.kind, name, result.attemptsPerSecond.toFixed(0), result.seconds.toFixed(1), result.peakRssMb.toFixed(0), result.endRssMb.toFixed(0),
      (result.attemptsPerSecond / baseline.attemptsPerSecond).toFixed(2),
    ];
    return [
      [database.kind, `insert ${ATTEMPTS} attempts + ${ATTEMPTS * 6} answers (insertMany)`, (ATTEMPTS / seconds).toFixed(0), seconds.toFixed(1), '', (process.memoryUsage().rss / 2 ** 20).toFixed(0), `start ${startRss.toFixed(0)} MB`],
      row('recalculate, first (writes every row)', first),
      row('read + write back stored values (baseline)', baseline),
      row('recalculate, again (same result)', steady),
    ];
  } finally {
    // A PostgreSQL server keeps what the run wrote: remove it (attempts, answers and revisions cascade).
    if (workspaceId && database.kind === 'postgres') await db.delete(assessments).where(eq(assessments.workspaceId, workspaceId));
    await runtime.close();
    await database.close();
  }
}

export async function benchRecalculate(): Promise<void> {
  const rows: string[][] = [['db', 'phase', 'attempts/s', 'seconds', 'peak RSS MB', 'end RSS MB', '× baseline']];
  rows.push(...(await benchDatabase(undefined)));
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (url) rows.push(...(await benchDatabase(url)));
  console.log(`Recalculation of ${ATTEMPTS} finished attempts in batches of ${RECALCULATION_BATCH} (one transaction each)`);
  console.log(formatTable(rows));
  if (!url) console.log('postgres: skipped (set BENCH_DATABASE_URL or DATABASE_URL)');
}
