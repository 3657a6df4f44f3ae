import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { AppError, badRequest } from '../../platform/errors.js';
import { errorResponse } from '../../platform/http/error-responses.js';
import { tenantOf } from '../../platform/http/request-context.js';
import type { Runtime } from '../../platform/runtime.js';
import { multipartDefaults, receiveUpload } from '../../platform/storage/upload-guard.js';
import { maxCsvBytes, parseQuestionsCsv } from './import-csv.js';
import { importQuestions, type ImportContext } from './import-questions.js';
import { BulkImportQuestionItemSchema, maxImportRows } from './import-rows.js';

const Language = Type.Union([Type.Literal('pt'), Type.Literal('en'), Type.Literal('es')], { description: 'Language of rows that name none; default: x-language' });
const Status = Type.Union([Type.Literal('created'), Type.Literal('published')], { default: 'created', description: 'Status of every imported question; default created (draft)' });

const ImportResult = Type.Object(
  {
    ids: Type.Array(Type.String(), { description: 'The new questions, in row order' }),
    batch_id: Type.String({ description: 'Identifies this import; kept in each question\'s settings.import_batch_id' }),
  },
  { title: 'QuestionImportResult' },
);

const allOrNothing =
  'All or nothing: every row is checked (its columns, its type\'s rules, that its skills and dataset exist) and any problem refuses the ' +
  'whole import with 400 `import_invalid`, one detail per problem naming the row and the column (at most 100 listed); otherwise all ' +
  'rows are written in one transaction. ';
const rules =
  allOrNothing +
  `At most ${maxImportRows} rows; problems name \`body/questions/<row>/<column>\`. Rows are flat, like spreadsheet columns: ` +
  '`type` and `title` always; `choices` as `Paris|*London|Rome` (`*` marks a right choice, or `correct: "B"` / `"A|C"`) for `question`; ' +
  '`D:…|I:…|S:…|C:…` choices for `softskill`; `languages` (`python|71`), `tests` (JSON array of {input, expected_output?, hidden?, weight?}) ' +
  'and `solution` (reference, first language) for `coding`; `languages` for `freecoding`; `solution` and `script` or `dataset_id` for `sql`. ' +
  '`skills` are taxonomy slugs or skill/variant ids (`javascript|sql`). `fast` questions (subquestions) are not importable as rows. ' +
  'Each question gets `settings.import_batch_id` (the answer\'s batch_id) and `settings.import_row`.';

function importContext(request: FastifyRequest): ImportContext {
  const tenant = tenantOf(request);
  const principal = request.principal;
  const authorId = principal?.kind === 'user' ? principal.userId : (principal?.authorId ?? null);
  return { workspaceId: tenant.workspaceId, subaccountId: tenant.subaccountId, allowedSubaccountIds: tenant.allowedSubaccountIds, authorId };
}

/** The CSV file of a multipart form, or a text/csv body. */
async function csvContent(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    if (Buffer.isBuffer(request.body)) return request.body;
    throw new AppError(415, 'csv_required', 'Send the CSV as multipart/form-data (field `file`) or as a text/csv body');
  }
  const upload = await receiveUpload(request, { maxBytes: maxCsvBytes, kinds: ['csv', 'text'] });
  const chunks: Buffer[] = [];
  for await (const chunk of upload.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function questionImportRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  await app.register(multipart, multipartDefaults);
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: maxCsvBytes }, (_request, body, done) => done(null, body));
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = runtime.database;

  typed.post('/assessments/questions/import', {
    config: { permission: 'create_question' },
    schema: {
      operationId: 'importQuestions',
      tags: ['Assessments', 'Questions'],
      summary: 'Create many questions from spreadsheet rows (JSON)',
      description: rules,
      'x-seed': ['coodesh:questions/bulk-import-questions-from-csv-spreadsheet-data'],
      body: Type.Object(
        {
          questions: Type.Array(BulkImportQuestionItemSchema, { maxItems: maxImportRows, description: `The rows, 1 to ${maxImportRows}` }),
          language: Type.Optional(Language),
          status: Type.Optional(Status),
        },
        { title: 'BulkImportQuestions' },
      ),
      response: {
        201: ImportResult,
        400: errorResponse('A row breaks the rules (`import_invalid`, details name `body/questions/<row>/<column>`), or there are no rows (`import_empty`).'),
      },
    },
  }, async (request, reply) => {
    const { body } = request;
    if (body.questions.length === 0) throw badRequest('import_empty', 'Send at least one question row', 'body/questions');
    const result = await importQuestions(db, importContext(request), {
      rows: body.questions,
      prefix: 'body/questions',
      language: body.language ?? request.language,
      status: body.status ?? 'created',
    });
    return reply.status(201).send(result);
  });

  typed.post('/assessments/questions/import/csv', {
    config: { permission: 'create_question' },
    schema: {
      operationId: 'importQuestionsCsv',
      tags: ['Assessments', 'Questions'],
      summary: 'Create many questions from a CSV file (multipart field `file`, or a text/csv body)',
      description:
        `The same rows as POST /assessments/questions/import, as CSV: a header row naming the columns (case and spaces ignored, ` +
        `unknown columns ignored), comma or semicolon separated, UTF-8. At most ${maxCsvBytes / 1048576} MB and ${maxImportRows} rows. ` +
        'Problems name `file/questions/<row>/<column>`, row 0 being the first line under the header. ' +
        allOrNothing,
      consumes: ['multipart/form-data', 'text/csv'],
      querystring: Type.Object({ language: Type.Optional(Language), status: Type.Optional(Status) }),
      body: {
        content: {
          'multipart/form-data': { schema: { properties: { file: { type: 'string', contentMediaType: 'text/csv', description: 'The CSV file' } }, required: ['file'] } },
          // No `type`: the parser hands over a Buffer, which a string schema would refuse.
          'text/csv': { schema: { contentMediaType: 'text/csv', description: 'The CSV text' } },
        },
      } as never,
      response: {
        201: ImportResult,
        400: errorResponse('The CSV cannot be read (`csv_invalid`), has no rows (`import_empty`) or too many (`import_too_many_rows`), or a row breaks the rules (`import_invalid`).'),
        413: errorResponse(`The file is larger than ${maxCsvBytes / 1048576} MB (\`file_too_large\`).`),
        415: errorResponse('Neither multipart/form-data nor text/csv (`csv_required`), or the file is not text (`unsupported_file_type`).'),
      },
    },
  }, async (request, reply) => {
    const rows = parseQuestionsCsv(await csvContent(request));
    const result = await importQuestions(db, importContext(request), {
      rows,
      prefix: 'file/questions',
      language: request.query.language ?? request.language,
      status: request.query.status ?? 'created',
    });
    return reply.status(201).send(result);
  });
}
