import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, notFound } from '../../platform/errors.js';
import { tenantOf } from '../../platform/http/request-context.js';
import type { Runtime } from '../../platform/runtime.js';
import { languageCatalog } from './language-catalog.js';
import { resolveLanguage } from './languages.js';
import { findRun } from './run-queue.js';
import { MAX_WAIT_MS, waitForRun } from './run-submission.js';
import type { JudgeRun } from './schema.js';
import { generateStub } from './stub/generate-stub.js';
import { IO_CONVENTION, STUB_TYPES } from './stub/types.js';
import { runVerdictSchema } from './verdict.js';
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
