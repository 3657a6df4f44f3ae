import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError, badRequest } from '../../../platform/errors.js';
import { errorResponse } from '../../../platform/http/error-responses.js';
import { idPattern } from '../../../platform/ids.js';
import { multipartDefaults } from '../../../platform/storage/upload-guard.js';
import { findAnswer, findAttemptAnswers } from './find-answers.js';
import { mediaLimits, mediaRulesText } from './media-rules.js';
import { recordIdPattern, uploadAnswerMedia, type MediaPart } from './upload-answer-media.js';
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
  complete: Type.Boolean({ description: 'true once the file is assembled and recorded as the answer\'s media' }),
  record_id: Type.String(),
  received_parts: Type.Array(Type.Integer()),
  missing_parts: Type.Array(Type.Integer(), { description: 'Parts still to send, once the number of parts is known' }),
  media: Type.Union([Media, Type.Null()]),
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
  },
  required: ['isLast', 'recordId', 'partNumber', 'file'],
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

/** A multipart part: the fields (before or after the file) and the file, buffered up to the part limit. */
async function multipartPart(request: FastifyRequest): Promise<MediaPart> {
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; fileName: string; mimetype: string } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: mediaLimits.maxPartBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 } })) {
      if (part.type === 'file') file = { bytes: await part.toBuffer(), fileName: part.filename, mimetype: part.mimetype };
      else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'part_too_large', `A part is at most ${mediaLimits.maxPartBytes} bytes`);
    if (code === 'FST_FILES_LIMIT') throw badRequest('one_file_only', 'Send one file per part', 'body/file');
    throw badRequest('multipart_invalid', `The form could not be read: ${(error as Error).message}`);
  }
  if (!file) throw badRequest('file_required', 'The part carries no file', 'body/file');
  if (fields.isLast !== 'true' && fields.isLast !== 'false') throw badRequest('invalid_boolean', 'isLast must be true or false', 'body/isLast');
  if (!fields.recordId) throw badRequest('field_required', 'recordId is required', 'body/recordId');
  return {
    isLast: fields.isLast === 'true',
    recordId: fields.recordId,
    partNumber: integerField(fields.partNumber, 'partNumber', true)!,
    totalChunks: integerField(fields.totalChunks, 'totalChunks', false),
    bytes: file.bytes,
    fileName: file.fileName,
    mimetype: file.mimetype,
  };
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
        '`attempt_not_started`, `attempt_time_over`). ' + mediaRulesText,
      'x-seed': ['coodesh:answers/upload-a-media-attachment'],
      consumes: ['application/json', 'multipart/form-data'],
      params: TokenParams,
      body: { content: { 'application/json': { schema: JsonPart(runtime.config.bodyLimit) }, 'multipart/form-data': { schema: MultipartForm } } } as never,
      response: {
        200: UploadResult,
        409: errorResponse('The attempt is not started or its time is over, or the question takes no media (`media_not_accepted`).'),
        413: errorResponse('A part or the whole file is too large (`part_too_large`, `media_too_large`).'),
        415: errorResponse('The file is not of a type this answer takes (`unsupported_file_type`).'),
      },
    },
  }, async (request) => {
    const part = request.isMultipart() ? await multipartPart(request) : jsonPart(request.body as JsonPartBody);
    return uploadAnswerMedia(runtime, request.params.token, part);
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
