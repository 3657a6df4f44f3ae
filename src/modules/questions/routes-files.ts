import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { errorResponse } from '../../platform/http/error-responses.js';
import { tenantOf } from '../../platform/http/request-context.js';
import { idPattern } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { multipartDefaults, receiveUpload } from '../../platform/storage/upload-guard.js';
import { deleteAttachment } from './attachments-delete.js';
import { attachmentKinds, attachmentRulesText, bootstrapKinds, maxAttachmentBytes, maxBootstrapBytes, writableQuestion } from './attachments-rules.js';
import { attachableQuestion, uploadAttachment } from './attachments-upload.js';
import { deleteBootstrap } from './bootstrap-delete.js';
import { uploadBootstrap } from './bootstrap-upload.js';

const Attachment = Type.Object(
  {
    path: Type.String({ description: 'Storage path: identifies the attachment (DELETE takes it)' }),
    name: Type.String({ description: 'The uploaded file name, sanitized' }),
    content_type: Type.String(),
    size: Type.Integer({ minimum: 0, description: 'Bytes' }),
    created: Type.String({ format: 'date-time' }),
  },
  { title: 'QuestionAttachment' },
);
const Attachments = Type.Object({ _id: Type.String({ description: 'The question' }), docs: Type.Array(Attachment, { description: 'All its attachments, oldest first' }) }, { title: 'QuestionAttachments' });

const Bootstrap = Type.Object(
  { path: Type.String(), name: Type.String(), content_type: Type.String(), size: Type.Integer({ minimum: 0 }) },
  { title: 'QuestionBootstrapFile' },
);

const Params = Type.Object({ id: Type.String({ pattern: idPattern, description: 'A question of the workspace' }) });
const fileForm = (description: string) => ({ content: { 'multipart/form-data': { schema: { properties: { file: { type: 'string', format: 'binary', description } }, required: ['file'] } } } }) as never;

const readOnly = 'Only the workspace\'s own questions change here: a public question answers 409 `public_question_read_only` (duplicate it first); another workspace\'s, 404.';
const uploadErrors = {
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
      summary: 'Attach a media file (image, PDF, audio, video) to a question',
      description: `${attachmentRulesText} ${readOnly}`,
      'x-seed': ['coodesh:questions/upload-media-attachments-for-a-question'],
      consumes: ['multipart/form-data'],
      params: Params,
      body: fileForm('The file'),
      response: { 201: Attachments, ...uploadErrors },
    },
  }, async (request, reply) => {
    // The question is checked before the upload is read, so a foreign or full one is refused whatever the body.
    const question = await attachableQuestion(db, tenantOf(request).workspaceId, request.params.id);
    const upload = await receiveUpload(request, { maxBytes: maxAttachmentBytes, kinds: attachmentKinds });
    const docs = await uploadAttachment(runtime, question, upload);
    return reply.status(201).send({ _id: request.params.id, docs });
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
    return { _id: request.params.id, docs };
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
    return reply.status(201).send({ _id: request.params.id, bootstrap });
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
