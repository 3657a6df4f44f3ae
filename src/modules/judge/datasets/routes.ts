import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { AppError, badRequest, forbidden } from '../../../platform/errors.js';
import { idPattern } from '../../../platform/ids.js';
import { maxPageSize } from '../../../platform/paging/paginate.js';
import { createDataset, createSharedDataset, type NewDataset } from './create-dataset.js';
import { findDataset, listDatasets } from './find-datasets.js';
import { maxCompressedBytes, maxScriptBytes } from './gzip-script.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const Dataset = Type.Object(
  {
    _id: Type.String(),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    path: Type.String({ description: 'Logical location of the upload' }),
    driver: Type.String({ description: 'SQL dialect the script runs in (postgres: every run loads it into a throwaway PGlite)' }),
    table_names: Type.Array(Type.String()),
    table_count: Type.Integer({ minimum: 0 }),
    company: Type.Union([Type.String(), Type.Null()], { description: 'Owning workspace; null for shared (global) datasets' }),
    status: Type.String(),
    size: Type.Integer({ minimum: 0, description: 'Compressed size in bytes' }),
    script_size: Type.Integer({ minimum: 0, description: 'Decompressed script size in bytes' }),
    created: Type.String({ format: 'date-time' }),
    updated: Type.String({ format: 'date-time' }),
  },
  { title: 'QuestionDataset' },
);

/** Documents the multipart form; without `type` it also accepts the undefined body multipart leaves. */
const UploadForm = {
  properties: {
    name: { type: 'string', maxLength: 200, description: 'Dataset name' },
    description: { type: 'string', maxLength: 2000, description: 'Dataset description' },
    file: { type: 'string', contentMediaType: 'application/gzip', description: `A gzip-compressed SQL script (≤ ${maxCompressedBytes / 1048576} MB, ≤ ${maxScriptBytes / 1048576} MB inflated)` },
    shared: { type: 'string', enum: ['true', 'false'], description: 'Super admins only: make the dataset visible to every workspace' },
  },
  required: ['name', 'file'],
};

const textFields = new Set(['name', 'description', 'shared']);

/** Reads the form: text fields and exactly one file, buffered up to the compressed limit. */
async function readUpload(request: FastifyRequest): Promise<NewDataset & { shared: boolean }> {
  if (!request.isMultipart()) throw new AppError(415, 'multipart_required', 'Send the dataset as multipart/form-data with a gzip file');
  const fields: Record<string, string> = {};
  let upload: Buffer | undefined;
  const parts = request.parts({ limits: { fileSize: maxCompressedBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 } });
  try {
    for await (const part of parts) {
      if (part.type === 'file') upload = await part.toBuffer();
      else if (textFields.has(part.fieldname)) fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'dataset_too_large', `The upload exceeds ${maxCompressedBytes / 1048576} MB`, [{ field: 'file', message: 'too large' }]);
    if (code === 'FST_FILES_LIMIT') throw badRequest('one_file_only', 'Send exactly one dataset file', 'file');
    throw badRequest('multipart_invalid', `The form could not be read: ${(error as Error).message}`);
  }
  const name = fields.name?.trim();
  if (!name || name.length > 200) throw badRequest('name_required', 'name is required (1 to 200 characters)', 'name');
  if ((fields.description?.length ?? 0) > 2000) throw badRequest('description_too_long', 'description is at most 2000 characters', 'description');
  if (!upload) throw badRequest('file_required', 'Attach the dataset as a gzip file', 'file');
  return { name, description: fields.description?.trim() || null, upload, shared: fields.shared === 'true' };
}

export async function datasetRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  await app.register(multipart, { limits: { fileSize: maxCompressedBytes, files: 1 } });
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = runtime.database;

  typed.get('/assessments/questions/datasets', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'listQuestionDatasets',
      tags: ['Assessments', 'Questions'],
      summary: "The workspace's question datasets and the shared (global) ones, newest first",
      'x-seed': ['coodesh:questions/list-question-datasets'],
      querystring: Type.Object({
        limit: Type.Optional(Type.Integer({ minimum: 0, maximum: maxPageSize, description: `Rows to answer. Default ${maxPageSize}` })),
        offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Rows to skip. Default 0' })),
      }),
      response: { 200: Type.Array(Dataset) },
    },
  }, async (request) => listDatasets(db, tenantOf(request), { limit: request.query.limit ?? maxPageSize, offset: request.query.offset ?? 0 }));

  typed.post('/assessments/questions/datasets', {
    config: { permission: 'create_question' },
    schema: {
      operationId: 'createQuestionDataset',
      tags: ['Assessments', 'Questions'],
      summary: 'Create a dataset from a gzip-compressed SQL script (multipart)',
      description:
        'The script (CREATE TABLE / INSERT ..., PostgreSQL dialect; SQLite scripts that are also valid PostgreSQL load as is) is ' +
        'loaded into a fresh PGlite before it is accepted: a script that fails, creates no table or takes over 30 s is a 400.',
      'x-seed': ['coodesh:questions/create-a-question-dataset'],
      consumes: ['multipart/form-data'],
      body: { content: { 'multipart/form-data': { schema: UploadForm } } } as never,
      response: {
        201: Dataset,
        400: errorResponse('A form field is missing or wrong, or the script is not gzip, not UTF-8 SQL, fails to load or creates no table (`dataset_invalid`, `dataset_has_no_tables`, ...).'),
        413: errorResponse(`The upload exceeds ${maxCompressedBytes / 1048576} MB, or ${maxScriptBytes / 1048576} MB once inflated (\`dataset_too_large\`).`),
        415: errorResponse('The request is not multipart/form-data (`multipart_required`).'),
      },
    },
  }, async (request, reply) => {
    const tenant = tenantOf(request);
    const { shared, ...input } = await readUpload(request);
    if (shared && !(request.principal?.kind === 'user' && request.principal.isSuperAdmin)) {
      throw forbidden('Only a super admin can share a dataset with every workspace', 'super_admin_required');
    }
    const view = shared ? await createSharedDataset(runtime, input) : await createDataset(runtime, tenant, input);
    return reply.status(201).send(view);
  });

  typed.get('/assessments/questions/datasets/:id', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'getQuestionDataset',
      tags: ['Assessments', 'Questions'],
      summary: 'A dataset of the workspace or a shared one',
      'x-seed': ['coodesh:questions/find-a-question-dataset-by-id'],
      params: Type.Object({ id: Type.String({ pattern: idPattern }) }),
      response: { 200: Dataset },
    },
  }, async (request) => findDataset(db, tenantOf(request), request.params.id));
}
