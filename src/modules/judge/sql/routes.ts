import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { idPattern } from '../../../platform/ids.js';
import { runSqlSubmission, sqlLimits } from './run-sql.js';
import { sqlVerdictSchema } from './sql-verdict.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const sqlText = (description: string) => Type.String({ minLength: 1, maxLength: 200_000, description });

const RunSqlBody = Type.Object(
  {
    code: sqlText("The candidate's SQL: one SELECT, unless multiple_statements is true"),
    dataset_id: Type.Optional(Type.String({ pattern: idPattern, description: 'Dataset used for file-based SQL questions (overrides settings.dataset_id)' })),
    script: Type.Optional(
      Type.String({ maxLength: 900_000, description: 'Schema script used when settings.format = script (overrides settings.script); runs after the dataset when both are sent' }),
    ),
    solution: Type.Optional(sqlText('Solution SQL; its result on the same data is the expected output')),
    language: Type.Optional(Type.String({ maxLength: 20, description: 'Editor language id (82 = SQL); informative only' })),
    mode: Type.Optional(Type.Union([Type.Literal('default'), Type.Literal('json')], { description: 'default: rows as arrays beside columns; json: rows as objects' })),
    ordered: Type.Optional(Type.Boolean({ description: 'Compare rows in order (the question asks for an ORDER BY). Default false' })),
    multiple_statements: Type.Optional(Type.Boolean({ description: 'Allow several statements (the last result set is the answer). Default false' })),
    time_limit: Type.Optional(
      Type.Integer({ minimum: sqlLimits.minTimeMs, maximum: sqlLimits.maxTimeMs, description: `Wall-clock limit per query in ms. Default ${sqlLimits.defaultTimeMs}` }),
    ),
    expected_output: Type.Optional(
      Type.Object(
        { columns: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200 }), rows: Type.Array(Type.Array(Type.Unknown()), { maxItems: sqlLimits.rowLimit }) },
        { description: 'An expected result given as is, when there is no solution query' },
      ),
    ),
  },
  { title: 'RunSqlQuestionBody' },
);

export async function sqlJudgeRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.post('/assessments/questions/:id/sql/run', {
    config: { permission: 'create_question' },
    schema: {
      operationId: 'runSqlQuestionPreview',
      tags: ['Assessments', 'Questions'],
      summary: 'Run SQL against a dataset or script in a throwaway database; compare with the solution',
      description:
        'Each run gets its own PGlite database loaded with the dataset and/or script. The candidate query runs read-only in a ' +
        `transaction that is rolled back, with a wall-clock limit and at most ${sqlLimits.rowLimit} rows. SQL errors and time ` +
        'limits are verdicts (runtime_error, time_limit_exceeded), not HTTP errors.',
      'x-seed': ['coodesh:questions/run-sql-question-preview'],
      params: Type.Object({ id: Type.String({ pattern: idPattern, description: 'The SQL question' }) }),
      body: RunSqlBody,
      response: {
        200: sqlVerdictSchema,
        503: errorResponse('The SQL runner is busy, starting or shutting down (`sql_runner_busy`, `sql_runner_unavailable`, `sql_runner_closed`); retry shortly.'),
      },
    },
  }, async (request) => {
    const body = request.body;
    return runSqlSubmission(runtime, tenantOf(request), {
      code: body.code,
      datasetId: body.dataset_id,
      script: body.script,
      solution: body.solution,
      expectedOutput: body.expected_output,
      ordered: body.ordered,
      multipleStatements: body.multiple_statements,
      timeLimitMs: body.time_limit,
      mode: body.mode,
    });
  });
}
