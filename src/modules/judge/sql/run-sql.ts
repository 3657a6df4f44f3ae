import type { Runtime } from '../../../platform/runtime.js';
import { sqlPoolOf } from './sql-pool-of.js';
import { datasetScript, type DatasetTenant } from '../datasets/find-datasets.js';
import { datasetLoadTimeoutMs } from '../datasets/create-dataset.js';
import type { VerdictStatus } from '../verdict.js';
import { compareResults, type ComparableResult } from './compare.js';
import type { JobOutcome, QueryJob, QueryOutcome } from './protocol.js';
import type { SqlResultSet, SqlVerdict } from './sql-verdict.js';

export interface SqlRunInput {
  /** The candidate's SQL. */
  code: string;
  /** The data: a dataset the workspace may use, a schema script (settings.format = script), or both (dataset first). */
  datasetId?: string;
  script?: string;
  /** The expected result: the solution query's result on the same data, or a result given as is. */
  solution?: string;
  expectedOutput?: ComparableResult;
  /** Rows must come in the expected order (the question says ORDER BY matters). */
  ordered?: boolean;
  /** Several statements may run (DML questions); otherwise one read-only SELECT. */
  multipleStatements?: boolean;
  timeLimitMs?: number;
  /** `json` answers rows as objects keyed by column name; `default` as arrays beside `columns`. */
  mode?: 'default' | 'json';
}

export const sqlLimits = {
  rowLimit: 1000,
  maxBytes: 1024 * 1024,
  defaultTimeMs: 5_000,
  minTimeMs: 100,
  maxTimeMs: 30_000,
};

function queryJob(sql: string, input: SqlRunInput, timeoutMs: number): QueryJob {
  return { sql, multipleStatements: input.multipleStatements ?? false, rowLimit: sqlLimits.rowLimit, maxBytes: sqlLimits.maxBytes, timeoutMs };
}

function resultSet(result: ComparableResult & { truncated?: boolean }, mode: SqlRunInput['mode']): SqlResultSet {
  const rows =
    mode === 'json' ? result.rows.map((row) => Object.fromEntries(result.columns.map((name, i) => [name, row[i] ?? null]))) : result.rows;
  return { columns: result.columns, rows, row_count: result.rows.length, truncated: result.truncated ?? false };
}

function verdict(status: VerdictStatus, message: string | null, parts: Partial<SqlVerdict> = {}): SqlVerdict {
  return { status, passed: 0, total: 0, message, time_ms: 0, output: null, expected_output: null, ...parts };
}

function failedMessage(outcome: QueryOutcome | undefined, limitMs: number): string {
  if (!outcome) return 'it did not run';
  if (outcome.kind === 'timeout') return `it ran longer than ${limitMs} ms`;
  return outcome.kind === 'error' ? outcome.message : 'unexpected result';
}

/** Turns what the runner saw into a verdict: the candidate's fault or not, and matched or not. */
function judge(outcome: JobOutcome, input: SqlRunInput, timeoutMs: number): SqlVerdict {
  const mode = input.mode ?? 'default';
  if (outcome.setup.kind === 'timeout') return verdict('internal_error', `The question's data did not load within ${datasetLoadTimeoutMs / 1000} s`);
  if (outcome.setup.kind === 'error') return verdict('internal_error', `The question's data did not load: ${outcome.setup.message}`);
  const solution = input.solution ? outcome.queries[0] : undefined;
  const candidate = outcome.queries[input.solution ? 1 : 0];
  const expected: (ComparableResult & { truncated?: boolean }) | undefined = solution?.kind === 'rows' ? solution : input.expectedOutput;
  const expectedSet = expected ? resultSet(expected, mode) : null;
  if (!candidate) return verdict('internal_error', 'The SQL runner stopped before running the query', { expected_output: expectedSet });
  const time = { time_ms: Math.round(candidate.timeMs * 100) / 100, expected_output: expectedSet };
  if (candidate.kind === 'timeout') return verdict('time_limit_exceeded', `The query ran longer than ${timeoutMs} ms`, time);
  if (candidate.kind === 'error') return verdict('runtime_error', candidate.message, time);
  const judged = { ...time, output: resultSet(candidate, mode) };
  if (solution && solution.kind !== 'rows') {
    return verdict('internal_error', `The solution query failed: ${failedMessage(solution, timeoutMs)}`, judged);
  }
  if (!expected) return verdict('accepted', null, judged);
  const compared = { ...judged, total: 1 };
  if (expected.truncated) return verdict('internal_error', `The expected result has more than ${sqlLimits.rowLimit} rows and cannot be compared`, compared);
  if (candidate.truncated) return verdict('output_limit_exceeded', `The query returned more than ${sqlLimits.rowLimit} rows (or 1 MB)`, compared);
  const comparison = compareResults(expected, candidate, { ordered: input.ordered ?? false });
  if (!comparison.equal) return verdict('wrong_answer', comparison.reason, compared);
  return verdict('accepted', null, { ...compared, passed: 1 });
}

/**
 * Runs a candidate's SQL against the question's data in a throwaway PGlite and judges it against
 * the solution's result (run on the same data first) or a given expected output. SQL errors and
 * time limits are verdicts, not exceptions; only an unknown dataset (404) or a full queue (503) throw.
 */
export async function runSqlSubmission(runtime: Runtime, tenant: DatasetTenant, input: SqlRunInput): Promise<SqlVerdict> {
  const data = input.datasetId ? await datasetScript(runtime, tenant, input.datasetId) : '';
  const setup = input.script ? `${data}\n;\n${input.script}` : data;
  const timeoutMs = Math.min(Math.max(input.timeLimitMs ?? sqlLimits.defaultTimeMs, sqlLimits.minTimeMs), sqlLimits.maxTimeMs);
  const queries = [...(input.solution ? [queryJob(input.solution, input, timeoutMs)] : []), queryJob(input.code, input, timeoutMs)];
  const outcome = await sqlPoolOf(runtime).run({ setup, setupTimeoutMs: datasetLoadTimeoutMs, queries });
  return judge(outcome, input, timeoutMs);
}
