import type { Tenant } from '../../platform/http/request-context.js';
import type { Runtime } from '../../platform/runtime.js';
import type { ComparableResult } from '../judge/sql/compare.js';
import { runSqlSubmission } from '../judge/sql/run-sql.js';
import type { SqlVerdict } from '../judge/sql/sql-verdict.js';
import { refuseOverridesOnPublic, runnableQuestion } from './run-question-tests.js';

/** What an author may send to preview edits of the workspace's own SQL question. */
export interface SqlOverrides {
  dataset_id?: string;
  script?: string;
  solution?: string;
  expected_output?: ComparableResult;
  ordered?: boolean;
  multiple_statements?: boolean;
}

export interface SqlQuestionRunInput {
  code: string;
  mode?: 'default' | 'json';
  timeLimitMs?: number;
  overrides: SqlOverrides;
}

/**
 * Runs SQL against a SQL question's stored data (dataset and/or script) and judges it against its
 * stored solution; the workspace's own question may take overrides. The expected result (the
 * solution's output) is shown only for the workspace's own questions.
 */
export async function runQuestionSql(runtime: Runtime, tenant: Pick<Tenant, 'workspaceId'>, questionId: string, input: SqlQuestionRunInput): Promise<SqlVerdict> {
  const question = await runnableQuestion(runtime, tenant, questionId, ['sql']);
  refuseOverridesOnPublic(question, { ...input.overrides });
  const stored = question.content.sql;
  const { overrides } = input;
  const solution = overrides.solution ?? (overrides.expected_output ? undefined : stored?.solution);
  const verdict = await runSqlSubmission(runtime, tenant, {
    code: input.code,
    datasetId: overrides.dataset_id ?? stored?.dataset_id,
    script: overrides.script ?? stored?.script,
    solution,
    expectedOutput: overrides.expected_output,
    ordered: overrides.ordered ?? stored?.ordered,
    multipleStatements: overrides.multiple_statements ?? stored?.multiple_statements,
    timeLimitMs: input.timeLimitMs,
    mode: input.mode,
  });
  return question.scope === 'private' ? verdict : { ...verdict, expected_output: null };
}
