import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponse } from '../../platform/http/error-responses.js';
import { tenantOf } from '../../platform/http/request-context.js';
import { idPattern } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { LIMIT_BOUNDS, MAX_WAIT_MS } from '../judge/run-submission.js';
import type { JudgeRun } from '../judge/schema.js';
import { sqlLimits } from '../judge/sql/run-sql.js';
import { sqlVerdictSchema } from '../judge/sql/sql-verdict.js';
import { comparisonSchema, verdictStatusSchema, type TestVerdict } from '../judge/verdict.js';
import { runQuestionSql } from './run-question-sql.js';
import { runQuestionTests } from './run-question-tests.js';

const Params = Type.Object({ id: Type.String({ maxLength: 64, description: 'A coding or free-coding question of the workspace, or a public one' }) });

const TestResult = Type.Object(
  {
    index: Type.Integer({ minimum: 0 }),
    test_id: Type.Union([Type.String(), Type.Null()], { description: 'The stored test case (`coding.tests[]._id`); null for tests sent in the body' }),
    hidden: Type.Boolean(),
    status: verdictStatusSchema,
    passed: Type.Boolean(),
    time_ms: Type.Optional(Type.Number({ minimum: 0, description: 'Visible tests only' })),
    memory_kb: Type.Optional(Type.Integer({ minimum: 0 })),
    exit_code: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    input: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Visible tests only: the standard input' })),
    stdout: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    stderr: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    expected_output: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    message: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { title: 'QuestionRunTest', description: 'A hidden test shows only index, test_id, hidden, status and passed' },
);

const QuestionRunView = Type.Object(
  {
    _id: Type.String({ description: 'The run: poll GET /assessments/questions/runs/:id while status is not done' }),
    question_id: Type.String(),
    language: Type.Integer(),
    status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done')]),
    created: Type.String({ format: 'date-time' }),
    verdict: Type.Union([
      Type.Object({
        status: verdictStatusSchema,
        passed: Type.Integer({ minimum: 0 }),
        total: Type.Integer({ minimum: 0 }),
        compile_output: Type.Union([Type.String(), Type.Null()]),
        time_ms: Type.Number({ minimum: 0 }),
        memory_kb: Type.Integer({ minimum: 0 }),
        tests: Type.Array(TestResult),
      }),
      Type.Null(),
    ], { description: 'Per-test results once status is done' }),
  },
  { title: 'QuestionRun' },
);

function testResult(verdict: TestVerdict, testId: string | null, input: string | undefined) {
  const base = { index: verdict.index, test_id: testId, hidden: verdict.hidden, status: verdict.status, passed: verdict.status === 'accepted' };
  if (verdict.hidden) return base;
  return {
    ...base,
    time_ms: verdict.time_ms,
    memory_kb: verdict.memory_kb,
    exit_code: verdict.exit_code,
    input: input ?? null,
    stdout: verdict.stdout,
    stderr: verdict.stderr,
    expected_output: verdict.expected_output,
    message: verdict.message,
  };
}

/** The run with hidden tests reduced to pass/fail and status: never their input, output or expected output. */
function questionRunView(run: JudgeRun, testIds: Array<string | null>) {
  const verdict = run.status === 'done' ? run.verdicts : null;
  return {
    _id: run.id,
    question_id: run.questionId ?? '',
    language: run.languageId,
    status: run.status,
    created: new Date(run.created).toISOString(),
    verdict: verdict
      ? { ...verdict, tests: verdict.tests.map((t) => testResult(t, testIds[t.index] ?? null, t.hidden ? undefined : run.tests[t.index]?.input)) }
      : null,
  };
}

const TestCaseBody = Type.Object({
  input: Type.String({ maxLength: 1024 * 1024, description: 'Standard input of the program' }),
  expected_output: Type.Optional(Type.String({ maxLength: 1024 * 1024, description: 'Absent: taken from the solution, or not compared' })),
  hidden: Type.Optional(Type.Boolean({ description: 'Hidden test cases answer only pass/fail and status' })),
});

const overrideNote = 'Own questions only (authors previewing edits): replaces the stored value. A public question answers 409 `public_question_read_only`.';

const sqlText = (description: string) => Type.String({ minLength: 1, maxLength: 200_000, description });

export async function questionRunRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.post('/assessments/questions/:id/run', {
    schema: {
      operationId: 'runCodingTests',
      tags: ['Questions', 'Judge'],
      summary: 'Run code against a coding question\'s stored tests in the sandbox; waits up to `wait` seconds for the verdicts (else 202 + poll)',
      description:
        'Loads the question (the workspace\'s own or a public one; 404 otherwise) and runs `code` (default: the question\'s reference solution ' +
        'in `language`) against its stored tests, hidden ones included, with its limits and comparison; tests without an expected output ' +
        'expect the reference solution\'s output. A free-coding question has no tests: one plain run on empty input. Hidden tests answer ' +
        'only pass/fail and status, never their input, output or expected output. `solution`, `tests`, `limits`, `max_execution_time` and ' +
        '`comparison` override the stored values for the workspace\'s own question only.',
      'x-seed': ['coodesh:questions/run-coding-question-tests'],
      params: Params,
      querystring: Type.Object({
        wait: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_WAIT_MS / 1000, default: 10, description: 'Seconds to wait for the verdicts before answering 202' })),
      }),
      body: Type.Object(
        {
          code: Type.Optional(Type.String({ maxLength: 256 * 1024, description: 'The program to run; absent: the reference solution runs' })),
          language: Type.Union([Type.Integer({ minimum: 1 }), Type.String({ minLength: 1, maxLength: 40 })], {
            description: 'Judge0 language id (63, 71, ...) or name ("python", "cpp", ...): one of the question\'s languages',
          }),
          solution: Type.Optional(Type.String({ maxLength: 256 * 1024, description: `Reference solution. ${overrideNote}` })),
          stub: Type.Optional(Type.String({ maxLength: 256 * 1024, description: 'Editor starting code; accepted for compatibility, not executed' })),
          tests: Type.Optional(Type.Array(TestCaseBody, { maxItems: 100, description: `Test cases. ${overrideNote}` })),
          max_execution_time: Type.Optional(
            Type.Number({ minimum: LIMIT_BOUNDS.time_ms.min / 1000, maximum: LIMIT_BOUNDS.time_ms.max / 1000, description: `CPU seconds per test case. ${overrideNote}` }),
          ),
          limits: Type.Optional(
            Type.Object(
              {
                time_ms: Type.Optional(Type.Integer({ minimum: LIMIT_BOUNDS.time_ms.min, maximum: LIMIT_BOUNDS.time_ms.max })),
                wall_time_ms: Type.Optional(Type.Integer({ minimum: LIMIT_BOUNDS.wall_time_ms.min, maximum: LIMIT_BOUNDS.wall_time_ms.max })),
                memory_kb: Type.Optional(Type.Integer({ minimum: LIMIT_BOUNDS.memory_kb.min, maximum: LIMIT_BOUNDS.memory_kb.max })),
                output_kb: Type.Optional(Type.Integer({ minimum: LIMIT_BOUNDS.output_kb.min, maximum: LIMIT_BOUNDS.output_kb.max })),
              },
              { description: overrideNote },
            ),
          ),
          comparison: Type.Optional({ ...comparisonSchema, description: overrideNote }),
        },
        { title: 'RunCodingTestsBody' },
      ),
      response: {
        200: { ...QuestionRunView, description: 'The run finished within `wait`: its per-test results' },
        202: { ...QuestionRunView, description: 'Still running after `wait` seconds: poll `GET /assessments/questions/runs/:id`' },
        400: errorResponse('The input breaks its schema (`validation_failed`), the language is unknown (`language_not_supported`) or not one of the question\'s (`language_not_allowed`), or there is nothing to run (`code_required`).'),
        404: errorResponse('No such question in the workspace nor public (`question_not_found`).'),
        409: errorResponse('Not a coding question (`question_type_mismatch`), or overrides sent for a public question (`public_question_read_only`).'),
        422: errorResponse('The language\'s toolchain is missing on this server (`language_unavailable`).'),
      },
    },
  }, async (request, reply) => {
    const { body } = request;
    const timeMs = body.limits?.time_ms ?? (body.max_execution_time !== undefined ? Math.round(body.max_execution_time * 1000) : undefined);
    const limits = body.limits || timeMs !== undefined ? { ...body.limits, time_ms: timeMs } : undefined;
    const { run, testIds } = await runQuestionTests(runtime, tenantOf(request), request.params.id, {
      code: body.code,
      language: body.language,
      overrides: { solution: body.solution, tests: body.tests, limits, comparison: body.comparison },
      waitMs: (request.query.wait ?? 10) * 1000,
    });
    return reply.status(run.status === 'done' ? 200 : 202).send(questionRunView(run, testIds));
  });

  typed.post('/assessments/questions/:id/sql/run', {
    config: { permission: 'create_question' },
    schema: {
      operationId: 'runSqlQuestionPreview',
      tags: ['Assessments', 'Questions'],
      summary: 'Run SQL against a SQL question\'s data in a throwaway database; compare with its solution',
      description:
        'Loads the question (the workspace\'s own or a public one; 404 otherwise) and runs `code` against its dataset and/or script in a ' +
        'fresh PGlite, read-only in a transaction that is rolled back, with a wall-clock limit and at most ' +
        `${sqlLimits.rowLimit} rows, then compares with its solution's result (row order when the question says \`ordered\`). SQL errors and ` +
        'time limits are verdicts (runtime_error, time_limit_exceeded), not HTTP errors. `dataset_id`, `script`, `solution`, ' +
        '`expected_output`, `ordered` and `multiple_statements` override the stored values for the workspace\'s own question only; the ' +
        'expected result is shown for own questions only (null for public ones).',
      'x-seed': ['coodesh:questions/run-sql-question-preview'],
      params: Type.Object({ id: Type.String({ pattern: idPattern, description: 'The SQL question' }) }),
      body: Type.Object(
        {
          code: sqlText("The candidate's SQL: one SELECT, unless multiple_statements is true"),
          dataset_id: Type.Optional(Type.String({ pattern: idPattern, description: `Dataset holding the data. ${overrideNote}` })),
          script: Type.Optional(Type.String({ maxLength: 900_000, description: `Script that builds the data (runs after the dataset when both are set). ${overrideNote}` })),
          solution: Type.Optional(sqlText(`Solution SQL; its result on the same data is the expected output. ${overrideNote}`)),
          language: Type.Optional(Type.String({ maxLength: 20, description: 'Editor language id (82 = SQL); informative only' })),
          mode: Type.Optional(Type.Union([Type.Literal('default'), Type.Literal('json')], { description: 'default: rows as arrays beside columns; json: rows as objects' })),
          ordered: Type.Optional(Type.Boolean({ description: `Compare rows in order. ${overrideNote}` })),
          multiple_statements: Type.Optional(Type.Boolean({ description: `Allow several statements (the last result set is the answer). ${overrideNote}` })),
          time_limit: Type.Optional(
            Type.Integer({ minimum: sqlLimits.minTimeMs, maximum: sqlLimits.maxTimeMs, description: `Wall-clock limit per query in ms. Default ${sqlLimits.defaultTimeMs}` }),
          ),
          expected_output: Type.Optional(
            Type.Object(
              { columns: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200 }), rows: Type.Array(Type.Array(Type.Unknown()), { maxItems: sqlLimits.rowLimit }) },
              { description: `An expected result given as is, instead of the solution. ${overrideNote}` },
            ),
          ),
        },
        { title: 'RunSqlQuestionBody' },
      ),
      response: {
        200: sqlVerdictSchema,
        404: errorResponse('No such question in the workspace nor public (`question_not_found`), or its dataset is gone (`question_dataset_not_found`).'),
        409: errorResponse('Not a SQL question (`question_type_mismatch`), or overrides sent for a public question (`public_question_read_only`).'),
        503: errorResponse('The SQL runner is busy, starting or shutting down (`sql_runner_busy`, `sql_runner_unavailable`, `sql_runner_closed`); retry shortly.'),
      },
    },
  }, async (request) => {
    const { body } = request;
    return runQuestionSql(runtime, tenantOf(request), request.params.id, {
      code: body.code,
      mode: body.mode,
      timeLimitMs: body.time_limit,
      overrides: {
        dataset_id: body.dataset_id,
        script: body.script,
        solution: body.solution,
        expected_output: body.expected_output,
        ordered: body.ordered,
        multiple_statements: body.multiple_statements,
      },
    });
  });
}
