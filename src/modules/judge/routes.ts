import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, notFound } from '../../platform/errors.js';
import { tenantOf } from '../../platform/http/request-context.js';
import type { Runtime } from '../../platform/runtime.js';
import { languageCatalog } from './language-catalog.js';
import { resolveLanguage } from './languages.js';
import { findRun } from './run-queue.js';
import { LIMIT_BOUNDS, MAX_WAIT_MS, runSubmission, waitForRun } from './run-submission.js';
import type { JudgeRun } from './schema.js';
import { generateStub } from './stub/generate-stub.js';
import { IO_CONVENTION, STUB_TYPES } from './stub/types.js';
import { comparisonSchema, runVerdictSchema } from './verdict.js';
import { errorResponse } from '../../platform/http/error-responses.js';


const LanguageView = Type.Object(
  {
    id: Type.Integer({ description: 'Judge0 CE language id' }),
    name: Type.String(),
    version: Type.Union([Type.String(), Type.Null()], { description: 'Version of the toolchain installed on this server' }),
    editor: Type.String({ description: 'Monaco editor language id' }),
    available: Type.Boolean({ description: 'false when the toolchain is missing on this server' }),
    reason: Type.Union([Type.String(), Type.Null()]),
    aliases: Type.Array(Type.Integer(), { description: 'Other Judge0 ids accepted for this language' }),
  },
  { title: 'JudgeLanguage' },
);

// Free-coding answers may be written (not run) in these editor modes too.
const EDITOR_ONLY = ['html', 'css', 'scss', 'sql', 'markdown', 'json', 'yaml', 'xml', 'shell', 'plaintext'];

const StubType = Type.Union(STUB_TYPES.map((t) => Type.Literal(t)));

const RunView = Type.Object(
  {
    _id: Type.String(),
    question_id: Type.Union([Type.String(), Type.Null()]),
    answer_id: Type.Union([Type.String(), Type.Null()]),
    language: Type.Integer(),
    status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done')]),
    created: Type.String({ format: 'date-time' }),
    started_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    finished_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    verdict: Type.Union([runVerdictSchema, Type.Null()], { description: 'Per-test verdicts once status is done' }),
  },
  { title: 'JudgeRun' },
);

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function runView(run: JudgeRun) {
  return {
    _id: run.id,
    question_id: run.questionId,
    answer_id: run.answerId,
    language: run.languageId,
    status: run.status,
    created: new Date(run.created).toISOString(),
    started_at: iso(run.startedAt),
    finished_at: iso(run.finishedAt),
    verdict: run.status === 'done' ? (run.verdicts ?? null) : null,
  };
}

const WaitQuery = (defaultSeconds: number) =>
  Type.Object({
    wait: Type.Optional(
      Type.Integer({ minimum: 0, maximum: MAX_WAIT_MS / 1000, default: defaultSeconds, description: 'Seconds to wait for the verdicts before answering 202' }),
    ),
  });

export async function judgeRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  void languageCatalog(); // detect toolchains (and build the sandbox supervisor) at startup, not on the first request

  typed.get('/assessments/questions/languages', {
    config: { auth: 'public' },
    schema: {
      operationId: 'listCodingLanguages',
      tags: ['Questions', 'Judge'],
      summary: 'Languages the judge runs (Judge0 ids, editor ids, availability here) and the editor languages',
      'x-seed': ['coodesh:questions/list-supported-coding-languages'],
      querystring: Type.Object({ type: Type.Optional(Type.Union([Type.Literal('coding'), Type.Literal('freecoding')], { default: 'coding' })) }),
      response: {
        200: Type.Object(
          { type: Type.String(), languages: Type.Array(LanguageView), editor_languages: Type.Array(Type.String()) },
          { title: 'JudgeLanguages' },
        ),
      },
    },
  }, async (request, reply) => {
    const type = request.query.type ?? 'coding';
    const languages = (await languageCatalog()).map(({ language, available, version, reason }) => ({
      id: language.id,
      name: language.name,
      version,
      editor: language.editor,
      available,
      reason,
      aliases: language.aliases,
    }));
    const editors = languages.map((l) => l.editor);
    reply.header('cache-control', 'public, max-age=86400');
    return { type, languages, editor_languages: type === 'freecoding' ? [...editors, ...EDITOR_ONLY] : editors };
  });

  typed.post('/assessments/questions/:id/stub/:language', {
    schema: {
      operationId: 'generateCodingStub',
      tags: ['Questions', 'Judge'],
      summary: 'Starting code for a language: the function to complete and a main reading stdin and printing the result',
      'x-seed': ['coodesh:questions/generate-coding-stub-based-on-body-data'],
      params: Type.Object({ id: Type.String({ maxLength: 64 }), language: Type.Integer({ minimum: 1, maximum: 10_000 }) }),
      body: Type.Object(
        {
          function_name: Type.Optional(Type.String({ minLength: 1, maxLength: 40, default: 'solve' })),
          parameters: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }), type: StubType }), { maxItems: 20 })),
          return_type: Type.Optional(StubType),
        },
        { title: 'CodingStubSignature' },
      ),
      response: {
        200: Type.Object(
          { language: Type.Integer(), name: Type.String(), editor: Type.String(), io_convention: Type.String(), stub: Type.String() },
          { title: 'CodingStub' },
        ),
        404: errorResponse('The question, or the language, is unknown here (`language_not_found`).'),
      },
    },
  }, async (request) => {
    const language = resolveLanguage(request.params.language);
    if (!language) throw new AppError(404, 'language_not_found', `language ${request.params.language} is not a judge language`);
    const stub = generateStub(language.id, {
      functionName: request.body.function_name ?? 'solve',
      parameters: request.body.parameters ?? [],
      returnType: request.body.return_type ?? 'int',
    });
    return { language: language.id, name: language.name, editor: language.editor, io_convention: IO_CONVENTION, stub };
  });

  const TestCaseBody = Type.Object({
    input: Type.String({ maxLength: 1024 * 1024, description: 'Standard input of the program' }),
    expected_output: Type.Optional(Type.String({ maxLength: 1024 * 1024, description: 'Absent: taken from `solution`, or not compared' })),
    hidden: Type.Optional(Type.Boolean({ description: 'Hidden test cases never reveal their input, output or expected output' })),
  });

  typed.post('/assessments/questions/:id/run', {
    schema: {
      operationId: 'runCodingTests',
      tags: ['Questions', 'Judge'],
      summary: 'Run code against test cases in the sandbox; waits up to `wait` seconds for the per-test verdicts (else 202 + poll)',
      'x-seed': ['coodesh:questions/run-coding-question-tests'],
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      querystring: WaitQuery(10),
      body: Type.Object(
        {
          code: Type.Optional(Type.String({ maxLength: 256 * 1024, description: 'The program to run; when absent the solution is run' })),
          language: Type.Union([Type.Integer({ minimum: 1 }), Type.String({ minLength: 1, maxLength: 40 })], {
            description: 'Judge0 language id (63, 71, ...) or name ("python", "cpp", ...)',
          }),
          solution: Type.Optional(Type.String({ maxLength: 256 * 1024, description: "Reference solution: its output is the expected output of tests sent without one" })),
          stub: Type.Optional(Type.String({ maxLength: 256 * 1024, description: 'Editor starting code; accepted for compatibility, not executed' })),
          tests: Type.Optional(Type.Array(TestCaseBody, { maxItems: 100, description: 'None: one plain run on empty input' })),
          max_execution_time: Type.Optional(
            Type.Number({ minimum: LIMIT_BOUNDS.time_ms.min / 1000, maximum: LIMIT_BOUNDS.time_ms.max / 1000, description: 'CPU seconds per test case (default 2)' }),
          ),
          limits: Type.Optional(
            Type.Object({
              time_ms: Type.Optional(Type.Integer({ minimum: LIMIT_BOUNDS.time_ms.min, maximum: LIMIT_BOUNDS.time_ms.max })),
              wall_time_ms: Type.Optional(Type.Integer({ minimum: LIMIT_BOUNDS.wall_time_ms.min, maximum: LIMIT_BOUNDS.wall_time_ms.max })),
              memory_kb: Type.Optional(Type.Integer({ minimum: LIMIT_BOUNDS.memory_kb.min, maximum: LIMIT_BOUNDS.memory_kb.max })),
              output_kb: Type.Optional(Type.Integer({ minimum: LIMIT_BOUNDS.output_kb.min, maximum: LIMIT_BOUNDS.output_kb.max })),
            }),
          ),
          comparison: Type.Optional(comparisonSchema),
        },
        { title: 'RunCodingTestsBody' },
      ),
      response: {
        200: { ...RunView, description: 'The run finished within `wait`: its per-test verdicts' },
        202: { ...RunView, description: 'Still running after `wait` seconds: poll `GET /assessments/questions/runs/:id`' },
        400: errorResponse('The input breaks its schema (`validation_failed`), the language is not a judge language (`language_not_supported`), or there is no code to run (`code_required`).'),
        422: errorResponse('The language\'s toolchain is missing on this server (`language_unavailable`).'),
      },
    },
  }, async (request, reply) => {
    const tenant = tenantOf(request);
    const { body } = request;
    const language = resolveLanguage(body.language);
    if (!language) throw new AppError(400, 'language_not_supported', `language ${body.language} is not a judge language`, [{ field: 'body/language', message: 'unknown language' }]);
    const source = body.code ?? body.solution;
    if (source === undefined) throw new AppError(400, 'code_required', 'send the code to run (or a solution)', [{ field: 'body/code', message: 'required' }]);
    const run = await runSubmission(runtime, tenant, {
      languageId: language.id,
      source,
      referenceSource: body.code !== undefined ? body.solution : undefined,
      tests: body.tests ?? [],
      limits: { ...body.limits, time_ms: body.limits?.time_ms ?? (body.max_execution_time !== undefined ? body.max_execution_time * 1000 : undefined) },
      comparison: body.comparison,
      questionId: request.params.id,
      waitMs: (request.query.wait ?? 10) * 1000,
    });
    return reply.status(run.status === 'done' ? 200 : 202).send(runView(run));
  });

  typed.get('/assessments/questions/runs/:id', {
    schema: {
      operationId: 'getCodingRun',
      tags: ['Questions', 'Judge'],
      summary: 'A coding run and, once done, its per-test verdicts; waits up to `wait` seconds for it to finish',
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      querystring: WaitQuery(0),
      response: {
        200: { ...RunView, description: 'The run is done: its per-test verdicts' },
        202: { ...RunView, description: 'Still queued or running after `wait` seconds' },
        404: errorResponse('No run with this id in the workspace (`judge_run_not_found`).'),
      },
    },
  }, async (request, reply) => {
    const tenant = tenantOf(request);
    const wait = (request.query.wait ?? 0) * 1000;
    const run = wait > 0 ? await waitForRun(runtime, tenant, request.params.id, wait) : await findRun(runtime.database.db, tenant.workspaceId, request.params.id);
    if (!run) throw notFound('Judge run');
    return reply.status(run.status === 'done' ? 200 : 202).send(runView(run));
  });
}
