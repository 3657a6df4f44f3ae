import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart, { type Multipart, type MultipartFile } from '@fastify/multipart';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError, badRequest } from '../../../platform/errors.js';
import { errorResponse } from '../../../platform/http/error-responses.js';
import { idPattern } from '../../../platform/ids.js';
import { multipartDefaults } from '../../../platform/storage/upload-guard.js';
import { fileResponses, sendStoredFile } from '../../../platform/storage/send-file.js';
import { fileIdPattern } from '../../../platform/storage/file-id.js';
import { discardRest } from '../../../platform/storage/receive-uploads.js';
import type { AnswerMedia } from '../types.js';
import { findAnswer, findAnswerMediaFile, findAttemptAnswers } from './find-answers.js';
import { maxFilesOf, maxWholeFileBytes, mediaLimits, mediaRulesText, wholeFilesRulesText } from './media-rules.js';
import { recordIdPattern, uploadAnswerMedia, type MediaPart, type MediaUploadResult } from './upload-answer-media.js';
import { uploadAnswerFiles } from './upload-answer-files.js';
import { answerMediaView } from './answer-view.js';
import { deleteAnswerMedia } from './delete-answer-media.js';

const tags = ['Assessments: answers'];
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableDateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

const Media = Type.Object({
  path: Type.String({ description: 'Storage key of the file' }),
  name: Type.String(),
  content_type: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  created: Type.String({ format: 'date-time' }),
  url: Type.String({
    description: 'Download it here (relative to the API): a manager with workspace credentials, the candidate adding `?access_token=` (the attempt\'s or the answer\'s token)',
    example: '/assessments/answers/65b8c0f1a2b3c4d5e6f70812/media/65b8c0f1a2b3c4d5e6f70813.pdf',
  }),
});

const Answer = Type.Object(
  {
    _id: Type.String(),
    attempt: Type.String(),
    question: Type.String({ description: 'The question\'s stable id in the attempt\'s revision' }),
    type: Type.Union([Type.String(), Type.Null()]),
    title: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    response: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'What the candidate saved' }),
    revision: Type.Integer({ description: 'The client revision of the saved response' }),
    saved_at: NullableDateTime,
    score: Type.Union([Type.Number(), Type.Null()], { description: 'For the candidate only once the results are theirs to see' }),
    max_score: NullableNumber,
    auto_result: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'Machine results; managers only' }),
    review: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    media: Type.Array(Media),
    created: Type.String({ format: 'date-time' }),
    updated: Type.String({ format: 'date-time' }),
  },
  { title: 'Answer' },
);

const AccessQuery = Type.Object({ access_token: Type.Optional(Type.String({ maxLength: 200, description: 'The candidate\'s token, when calling without workspace credentials' })) });
const readerNote =
  ' A manager calls it with workspace credentials (list_attempts); while the attempt\'s results are locked that is a 403 `attempt_locked`. ' +
  'A candidate calls it without credentials and with `access_token`; a wrong, revoked or missing token is a 404, as for an unknown id. ' +
  'The candidate sees scores and reviews only once the attempt is finished and its results are neither hidden nor locked, and never auto_result.';

const UploadResult = Type.Object({
  answer_id: Type.String({ description: 'The answer (its files download under /assessments/answers/{answer_id}/media)' }),
  complete: Type.Boolean({ description: 'true once the file is assembled (or the whole files stored) and recorded as the answer\'s media' }),
  record_id: Type.Union([Type.String(), Type.Null()], { description: 'The chunked upload; null for whole files' }),
  received_parts: Type.Array(Type.Integer()),
  missing_parts: Type.Array(Type.Integer(), { description: 'Parts still to send, once the number of parts is known' }),
  media: Type.Union([Media, Type.Null()], { description: 'The file this request completed (the first, for whole files)' }),
  files: Type.Array(Media, { description: 'The answer\'s media after this request' }),
});

const partFields = {
  isLast: Type.Boolean({ default: false, description: 'This is the last part (its number is then the number of parts, unless totalChunks says it)' }),
  recordId: Type.String({ pattern: recordIdPattern, description: 'Names the upload: every part of one file carries the same recordId' }),
  partNumber: Type.Integer({ minimum: 1, maximum: mediaLimits.maxParts, description: 'From 1' }),
  totalChunks: Type.Optional(Type.Integer({ minimum: 1, maximum: mediaLimits.maxParts, description: 'Number of parts; send it with every part when parts may arrive out of order' })),
};
/** The JSON form of a part; its data fits the request body limit. */
const JsonPart = (bodyLimit: number) => Type.Object({
  ...partFields,
  data: Type.Optional(Type.String({ maxLength: Math.max(4, bodyLimit - 4096), description: 'The part\'s bytes, base64 (required in a JSON body)' })),
  fileName: Type.Optional(Type.String({ maxLength: 255 })),
  contentType: Type.Optional(Type.String({ maxLength: 255 })),
});
const MultipartForm = {
  properties: {
    isLast: { type: 'string', enum: ['true', 'false'] },
    recordId: { type: 'string', pattern: recordIdPattern },
    partNumber: { type: 'string', pattern: '^[0-9]{1,3}$' },
    totalChunks: { type: 'string', pattern: '^[0-9]{1,3}$' },
    file: { type: 'string', format: 'binary', description: 'The part\'s bytes' },
    files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'Whole files instead of a part (then no part fields)' },
  },
};
type JsonPartBody = { isLast: boolean; recordId: string; partNumber: number; totalChunks?: number; data?: string; fileName?: string; contentType?: string };

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200, description: 'The answer\'s token (its media link)' }) });

function integerField(value: string | undefined, field: string, required: boolean): number | undefined {
  if (value === undefined || value === '') {
    if (required) throw badRequest('field_required', `${field} is required`, `body/${field}`);
    return undefined;
  }
  if (!/^[0-9]{1,9}$/.test(value)) throw badRequest('invalid_integer', `${field} must be an integer`, `body/${field}`);
  return Number(value);
}

/** Everything before the first file part, then the rest of the form (the whole-files upload reads it on). */
async function* resumed(first: Multipart, rest: AsyncIterator<Multipart>): AsyncGenerator<Multipart> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Up to maxPartBytes of a chunked upload's file part. */
async function partBytes(part: MultipartFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file) {
    size += (chunk as Buffer).length;
    if (size > mediaLimits.maxPartBytes || part.file.truncated) throw new AppError(413, 'part_too_large', `A part is at most ${mediaLimits.maxPartBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

type AnswerForm = { kind: 'files'; parts: AsyncIterable<Multipart>; fields: Record<string, string> } | { kind: 'part'; part: MediaPart };

/**
 * A multipart form, read in one pass: its first file part decides. Parts named `files` are whole
 * files, handed on unread to uploadAnswerFiles; a part named `file` is one part of a chunked
 * upload, read here with its fields (before or after the file) up to the part limit.
 */
async function answerForm(request: FastifyRequest): Promise<AnswerForm> {
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; fileName: string; mimetype: string } | undefined;
  const parts = request.parts({ limits: { fileSize: maxWholeFileBytes, files: maxFilesOf('file'), fields: 10, fieldSize: 1024, parts: 30 } })[Symbol.asyncIterator]();
  try {
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      const part = next.value;
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname === 'files' && !file) return { kind: 'files', parts: resumed(part, parts), fields };
      if (file) throw badRequest('one_file_only', 'Send one file per part', 'body/file');
      file = { bytes: await partBytes(part), fileName: part.filename, mimetype: part.mimetype };
    }
  } catch (error) {
    discardRest(request);
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'part_too_large', `A part is at most ${mediaLimits.maxPartBytes} bytes`);
    if (code === 'FST_FILES_LIMIT') throw badRequest('one_file_only', 'Send one file per part', 'body/file');
    throw badRequest('multipart_invalid', `The form could not be read: ${(error as Error).message}`);
  }
  if (!file) throw badRequest('file_required', 'The part carries no file', 'body/file');
  if (fields.isLast !== 'true' && fields.isLast !== 'false') throw badRequest('invalid_boolean', 'isLast must be true or false', 'body/isLast');
  if (!fields.recordId) throw badRequest('field_required', 'recordId is required', 'body/recordId');
  return {
    kind: 'part',
    part: {
      isLast: fields.isLast === 'true',
      recordId: fields.recordId,
      partNumber: integerField(fields.partNumber, 'partNumber', true)!,
      totalChunks: integerField(fields.totalChunks, 'totalChunks', false),
      bytes: file.bytes,
      fileName: file.fileName,
      mimetype: file.mimetype,
    },
  };
}

/** The whole-files answer, in the shape of a completed chunked upload. */
function filesResult(answerId: string, files: AnswerMedia[]): MediaUploadResult {
  return { answer_id: answerId, complete: true, record_id: null, received_parts: [], missing_parts: [], media: files[0] ?? null, files };
}

/** The upload's answer with each file's download url. */
function uploadView(result: MediaUploadResult) {
  const [media] = result.media ? answerMediaView(result.answer_id, [result.media]) : [null];
  return { ...result, media, files: answerMediaView(result.answer_id, result.files) };
}

function jsonPart(body: JsonPartBody): MediaPart {
  if (body.data === undefined) throw badRequest('data_required', 'A JSON part carries its bytes in data (base64)', 'body/data');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body.data)) throw badRequest('invalid_base64', 'data must be base64', 'body/data');
  return { ...body, bytes: Buffer.from(body.data, 'base64'), mimetype: body.contentType };
}

export async function answerRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  await app.register(multipart, multipartDefaults);
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/assessments/attempts/:attemptId/answers', {
    config: { auth: 'public' },
    schema: {
      operationId: 'findAttemptAnswers',
      tags,
      summary: 'Find answers by attempt',
      description: 'Every answer of the attempt, in the order of its questions.' + readerNote + ' `access_token` is the attempt\'s access token.',
      'x-seed': ['coodesh:answers/find-answers-by-attempt'],
      params: Type.Object({ attemptId: Type.String({ pattern: idPattern }) }),
      querystring: AccessQuery,
      response: { 200: Type.Array(Answer), 403: errorResponse('The results are locked (`attempt_locked`) or the caller lacks list_attempts.') },
    },
  }, async (request) => findAttemptAnswers(db, runtime.tokens, request, request.params.attemptId, request.query.access_token));

  typed.get('/assessments/answers/:id', {
    config: { auth: 'public' },
    schema: {
      operationId: 'findAnswer',
      tags,
      summary: 'Find assessment answer by ID',
      description:
        'One answer.' + readerNote + ' `access_token` (which the seed requires; a manager with credentials may leave it out) is the ' +
        'candidate\'s attempt access token or this answer\'s own token (its media link).',
      'x-seed': ['coodesh:answers/find-assessment-answer-by-id'],
      params: Type.Object({ id: Type.String({ pattern: idPattern }) }),
      querystring: AccessQuery,
      response: { 200: Answer, 403: errorResponse('The results are locked (`attempt_locked`) or the caller lacks list_attempts.') },
    },
  }, async (request) => findAnswer(db, runtime.tokens, request, request.params.id, request.query.access_token));

  typed.post('/assessments/answers/:token/media', {
    config: { auth: 'public' },
    schema: {
      operationId: 'uploadAnswerMedia',
      tags,
      summary: 'Upload a media attachment',
      description:
        'The candidate uploads the recording or file of an answer, holding the answer\'s token (minted for the answer and the attempt\'s ' +
        'current nonce; anything else is a 404). Single or chunked: each request is one part, as multipart/form-data (fields isLast, recordId, ' +
        'partNumber, totalChunks and one file; a part up to the part limit) or JSON (the same fields and `data`, base64; the whole body within ' +
        'the request body limit, BODY_LIMIT, so about 750 KB of bytes a part by default). Parts may arrive in any order and a part sent ' +
        'again replaces itself. The file is assembled once the number of parts is known — totalChunks, or the number of the part marked ' +
        'isLast — and every part from 1 to it is stored (without totalChunks, a last part that arrives before the others must be sent again ' +
        'once they are in); it then becomes the answer\'s `media`, replacing an earlier file, and its parts are dropped. Parts of an upload ' +
        'already assembled answer the assembled file again. Only while the attempt is started and before its ends_at (409 ' +
        '`attempt_not_started`, `attempt_time_over`). ' + mediaRulesText + ' ' + wholeFilesRulesText + ' Whole files replace the answer\'s media and any ' +
        'upload in progress. Every file of the answer then downloads from its `url` (GET /assessments/answers/{id}/media/{file}).',
      'x-seed': ['coodesh:answers/upload-a-media-attachment'],
      consumes: ['application/json', 'multipart/form-data'],
      params: TokenParams,
      body: { content: { 'application/json': { schema: JsonPart(runtime.config.bodyLimit) }, 'multipart/form-data': { schema: MultipartForm } } } as never,
      response: {
        200: UploadResult,
        409: errorResponse('The attempt is not started or its time is over, or the question takes no media (`media_not_accepted`).'),
        413: errorResponse('A part or the whole file is too large (`part_too_large`, `media_too_large`, `file_too_large` naming the part of whole files).'),
        415: errorResponse('The file is not of a type this answer takes (`unsupported_file_type`).'),
      },
    },
  }, async (request) => {
    const { token } = request.params;
    if (!request.isMultipart()) return uploadView(await uploadAnswerMedia(runtime, token, jsonPart(request.body as JsonPartBody)));
    const form = await answerForm(request);
    if (form.kind === 'part') return uploadView(await uploadAnswerMedia(runtime, token, form.part));
    const { files, answerId } = await uploadAnswerFiles(runtime, request, token, form).catch((error: unknown) => {
      // Refused before the files were read (a wrong token, a closed attempt).
      discardRest(request);
      throw error;
    });
    return uploadView(filesResult(answerId, files));
  });

  typed.get('/assessments/answers/:id/media/:file', {
    config: { auth: 'public' },
    schema: {
      operationId: 'downloadAnswerMedia',
      tags,
      summary: 'Download a file of an answer',
      description:
        'One file of the answer\'s media (its `url`): Content-Type as stored, Content-Disposition attachment with its name, Content-Length; one byte ' +
        'range (`Range: bytes=a-b`) is a 206, so a recording can be played from any point.' + readerNote + ' `access_token` is the candidate\'s attempt ' +
        'access token or the answer\'s own token. A file the answer does not list is a 404.',
      params: Type.Object({
        id: Type.String({ pattern: idPattern }),
        file: Type.String({ pattern: fileIdPattern, description: 'The file: the last segment of its `path` (as in its `url`)' }),
      }),
      querystring: AccessQuery,
      response: {
        ...fileResponses('The file'),
        403: errorResponse('The results are locked (`attempt_locked`) or the caller lacks list_attempts.'),
        404: errorResponse('No such answer for this caller (`answer_not_found`), or no such file (`media_not_found`).'),
        416: errorResponse('The `Range` lies past the end of the file (`range_not_satisfiable`).'),
      },
    },
  }, async (request, reply) => {
    const file = await findAnswerMediaFile(db, runtime.tokens, request, request.params.id, request.params.file, request.query.access_token);
    return sendStoredFile(reply, runtime.storage, file.path, { fileName: file.name, range: request.headers.range });
  });

  typed.delete('/assessments/answers/:token/media', {
    config: { auth: 'public' },
    schema: {
      operationId: 'deleteAnswerMedia',
      tags,
      summary: 'Delete a media attachment',
      description:
        'Clears the answer\'s media and any upload in progress, and deletes their files; the candidate holds the answer\'s token. Only while ' +
        'the attempt is started and before its ends_at (409).',
      'x-seed': ['coodesh:answers/delete-a-media-attachment'],
      params: TokenParams,
      response: { 200: Type.Object({ deleted: Type.Integer({ minimum: 0 }) }), 409: errorResponse('The attempt is not started or its time is over.') },
    },
  }, async (request) => deleteAnswerMedia(runtime, request.params.token));
}
