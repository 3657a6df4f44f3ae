import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { errorResponse } from '../../platform/http/error-responses.js';
import { tenantOf } from '../../platform/http/request-context.js';
import { idPattern } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { multipartDefaults, receiveUpload } from '../../platform/storage/upload-guard.js';
import { fileResponses, sendStoredFile } from '../../platform/storage/send-file.js';
import { fileIdPattern, listedFile } from '../../platform/storage/file-id.js';
import { AppError } from '../../platform/errors.js';
import { deleteAttachment } from './attachments-delete.js';
import { attachmentRulesText, bootstrapKinds, maxAttachments, maxBootstrapBytes, writableQuestion } from './attachments-rules.js';
import { attachableQuestion, uploadAttachments } from './attachments-upload.js';
import { attachmentsView, bootstrapView } from './question-view.js';
import { findVisibleQuestion } from './visible-questions.js';
import { deleteBootstrap } from './bootstrap-delete.js';
import { uploadBootstrap } from './bootstrap-upload.js';

const Attachment = Type.Object(
  {
    path: Type.String({ description: 'Storage path: identifies the attachment (DELETE takes it)' }),
    name: Type.String({ description: 'The uploaded file name, sanitized' }),
    content_type: Type.String(),
    size: Type.Integer({ minimum: 0, description: 'Bytes' }),
    created: Type.String({ format: 'date-time' }),
    url: Type.String({ description: 'Download it here (relative to the API; same credentials)', example: '/assessments/questions/65b8c0f1a2b3c4d5e6f70812/media/65b8c0f1a2b3c4d5e6f70813.png' }),
  },
  { title: 'QuestionAttachment' },
);
const Attachments = Type.Object({ _id: Type.String({ description: 'The question' }), docs: Type.Array(Attachment, { description: 'All its attachments, oldest first' }) }, { title: 'QuestionAttachments' });

const Bootstrap = Type.Object(
  { path: Type.String(), name: Type.String(), content_type: Type.String(), size: Type.Integer({ minimum: 0 }), url: Type.String({ description: 'Download it here (GET /assessments/questions/{id}/bootstrap)' }) },
  { title: 'QuestionBootstrapFile' },
);

const Params = Type.Object({ id: Type.String({ pattern: idPattern, description: 'A question of the workspace' }) });
const FileParams = Type.Object({
  id: Type.String({ pattern: idPattern, description: 'A question of the workspace, or a public one' }),
  file: Type.String({ pattern: fileIdPattern, description: 'The attachment: the last segment of its `path` (as in its `url`)' }),
});
const filesForm = {
  content: {
    'multipart/form-data': {
      schema: { properties: { files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'One or more files, as parts named `files` (or `file`)' } }, required: ['files'] },
    },
  },
} as never;
const downloadNote =
  'Content-Type as stored, Content-Disposition attachment with its name, Content-Length; one byte range (`Range: bytes=a-b`) is a 206. ' +
  'Readable where the question is (the workspace\'s own within the caller\'s subaccounts, or a public one); any other question or file is a 404.';
const fileForm = (description: string) => ({ content: { 'multipart/form-data': { schema: { properties: { file: { type: 'string', format: 'binary', description } }, required: ['file'] } } } }) as never;

const readOnly = 'Only the workspace\'s own questions change here: a public question answers 409 `public_question_read_only` (duplicate it first); another workspace\'s, 404.';
const uploadErrors = {
  400: errorResponse('No file in the form (`file_required`), or it could not be read (`multipart_invalid`).'),
  404: errorResponse('No such question in the workspace (`question_not_found`).'),
  409: errorResponse('A public question (`public_question_read_only`), or the question already holds its maximum (`attachment_limit_reached`).'),
  413: errorResponse('The file is larger than its kind allows (`file_too_large`).'),
  415: errorResponse('Not multipart/form-data (`multipart_required`), or the file\'s bytes are of a kind not accepted (`unsupported_file_type`).'),
};

export async function questionFileRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  await app.register(multipart, multipartDefaults);
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = runtime.database;

  typed.post('/assessments/questions/:id/media', {
    config: { permission: 'update_question' },
    schema: {
      operationId: 'uploadQuestionMedia',
      tags: ['Assessments', 'Questions'],
      summary: 'Attach media files (images, PDF, audio, video) to a question',
      description:
        `${attachmentRulesText} A part refused — its type (415), its size (413), or one past the limit of ${maxAttachments} (409 \`attachment_limit_reached\`) — ` +
        'is named in `details` (`body/files/<i>`, counting file parts from 0) and none of the request\'s files is kept. Answers every attachment, each with its `url`. ' +
        readOnly,
      'x-seed': ['coodesh:questions/upload-media-attachments-for-a-question'],
      consumes: ['multipart/form-data'],
      params: Params,
      body: filesForm,
      response: { 201: Attachments, ...uploadErrors },
    },
  }, async (request, reply) => {
    // The question is checked before the upload is read, so a foreign or full one is refused whatever the body.
    const question = await attachableQuestion(db, tenantOf(request).workspaceId, request.params.id);
    const docs = await uploadAttachments(runtime, request, question);
    return reply.status(201).send({ _id: request.params.id, docs: attachmentsView(request.params.id, docs) });
  });

  typed.get('/assessments/questions/:id/media/:file', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'downloadQuestionMedia',
      tags: ['Assessments', 'Questions'],
      summary: 'Download an attachment of a question',
      description: `The attachment's bytes (its \`url\` in \`attachments\`). ${downloadNote}`,
      params: FileParams,
      response: {
        ...fileResponses('The file'),
        404: errorResponse('No such question (`question_not_found`) or attachment (`attachment_not_found`).'),
        416: errorResponse('The `Range` lies past the end of the file (`range_not_satisfiable`).'),
      },
    },
  }, async (request, reply) => {
    const question = await findVisibleQuestion(db, tenantOf(request), request.params.id);
    const file = listedFile(question.attachments, request.params.file);
    if (!file) throw new AppError(404, 'attachment_not_found', 'The question has no attachment with this id', [{ field: 'params/file', message: 'not an attachment of this question' }]);
    return sendStoredFile(reply, runtime.storage, file.path, { fileName: file.name, range: request.headers.range });
  });

  typed.delete('/assessments/questions/:id/media', {
    config: { permission: 'update_question' },
    schema: {
      operationId: 'deleteQuestionMedia',
      tags: ['Assessments', 'Questions'],
      summary: 'Remove one attachment of a question (by its storage path) and delete its file',
      description: readOnly,
      'x-seed': ['coodesh:questions/delete-a-media-attachment-from-a-question'],
      params: Params,
      body: Type.Object({ path: Type.String({ minLength: 1, maxLength: 1024, description: 'The attachment\'s `path`' }) }, { title: 'DeleteQuestionMedia' }),
      response: {
        200: Attachments,
        404: errorResponse('No such question (`question_not_found`), or it has no attachment at this path (`attachment_not_found`).'),
        409: errorResponse('A public question (`public_question_read_only`).'),
      },
    },
  }, async (request) => {
    const docs = await deleteAttachment(runtime, tenantOf(request).workspaceId, request.params.id, request.body.path);
    return { _id: request.params.id, docs: attachmentsView(request.params.id, docs) };
  });

  typed.post('/assessments/questions/:id/bootstrap', {
    config: { permission: 'update_question' },
    schema: {
      operationId: 'uploadQuestionBootstrap',
      tags: ['Assessments', 'Questions'],
      summary: 'Upload the question\'s bootstrap (starter) file, replacing the one it had',
      description: `A gzip or tar.gz archive, or a text file (source, CSV, JSON, markdown), up to ${maxBootstrapBytes / 1048576} MB, recognised by its bytes. The replaced file is deleted. ${readOnly}`,
      'x-seed': ['coodesh:questions/upload-a-bootstrap-file-for-a-question'],
      consumes: ['multipart/form-data'],
      params: Params,
      body: fileForm('The starter file'),
      response: { 201: Type.Object({ _id: Type.String(), bootstrap: Bootstrap }, { title: 'QuestionBootstrap' }), ...uploadErrors },
    },
  }, async (request, reply) => {
    const question = await writableQuestion(db, tenantOf(request).workspaceId, request.params.id);
    const upload = await receiveUpload(request, { maxBytes: maxBootstrapBytes, kinds: bootstrapKinds });
    const bootstrap = await uploadBootstrap(runtime, question, upload);
    return reply.status(201).send({ _id: request.params.id, bootstrap: bootstrapView(request.params.id, bootstrap) });
  });

  typed.get('/assessments/questions/:id/bootstrap', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'downloadQuestionBootstrap',
      tags: ['Assessments', 'Questions'],
      summary: 'Download the question\'s bootstrap (starter) file',
      description: `The file as uploaded (its \`url\` in \`bootstrap\`). ${downloadNote}`,
      params: Params,
      response: {
        ...fileResponses('The starter file'),
        404: errorResponse('No such question (`question_not_found`), or it has no bootstrap file (`bootstrap_not_found`).'),
        416: errorResponse('The `Range` lies past the end of the file (`range_not_satisfiable`).'),
      },
    },
  }, async (request, reply) => {
    const { bootstrap } = await findVisibleQuestion(db, tenantOf(request), request.params.id);
    if (!bootstrap) throw new AppError(404, 'bootstrap_not_found', 'The question has no bootstrap file');
    return sendStoredFile(reply, runtime.storage, bootstrap.path, { fileName: bootstrap.name, range: request.headers.range });
  });

  typed.delete('/assessments/questions/:id/bootstrap', {
    config: { permission: 'update_question' },
    schema: {
      operationId: 'deleteQuestionBootstrap',
      tags: ['Assessments', 'Questions'],
      summary: 'Unset the question\'s bootstrap file and delete it from storage',
      description: readOnly,
      'x-seed': ['coodesh:questions/delete-the-bootstrap-file-for-a-question'],
      params: Params,
      response: {
        204: Type.Null({ description: 'Deleted' }),
        404: errorResponse('No such question (`question_not_found`), or it has no bootstrap file (`bootstrap_not_found`).'),
        409: errorResponse('A public question (`public_question_read_only`).'),
      },
    },
  }, async (request, reply) => {
    await deleteBootstrap(runtime, tenantOf(request).workspaceId, request.params.id);
    return reply.status(204).send(null);
  });
}
