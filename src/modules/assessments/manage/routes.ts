import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { AppError } from '../../../platform/errors.js';
import { isId } from '../../../platform/ids.js';
import { errorResponse } from '../../../platform/http/error-responses.js';
import { Paginated } from '../../../platform/paging/paginate.js';
import { multipartDefaults } from '../../../platform/storage/upload-guard.js';
import { fileResponses, sendStoredFile } from '../../../platform/storage/send-file.js';
import { asyncExportNote, ExportHeaders, ExportQuery, exportResponses, sendExport } from '../../../platform/exports/send-export.js';
import { actorId } from '../../workspace/actor.js';
import { statusTransitions } from './assessment-input.js';
import { assessmentView, mediaView } from './assessment-view.js';
import { createAssessment } from './create-assessment.js';
import { updateAssessment } from './update-assessment.js';
import { duplicateAssessment } from './duplicate-assessment.js';
import { deleteAssessments } from './delete-assessments.js';
import { findAssessment } from './find-assessment.js';
import { assessmentAuthors, assessmentOptions, findAssessments } from './find-assessments.js';
import { listAssessmentSkills } from './list-assessment-skills.js';
import { atsAssessments } from './ats-assessments.js';
import { assessmentFields } from './labels.js';
import { findPublicShareLinks, findShareLinks, replaceShareLinks } from './share-links.js';
import { invitationLinks } from './invitation-links.js';
import { oneAssessmentStats, statsRange, workspaceStats, defaultStatsDays, maxStatsDays } from './assessment-stats.js';
import { deleteAssessmentMedia, findAssessmentMediaFile, uploadAssessmentMedia } from './assessment-media.js';
import { maxAssessmentMedia, maxMediaBytes, mediaRulesText } from './media-rules.js';
import { assessmentsCsvExport } from './export-assessments.js';
import * as S from './schemas.js';

const tags = ['Assessments'];

const machine = Object.entries(statusTransitions).map(([from, to]) => `${from} → ${to.join(' | ')}`).join('; ');
const writeRules =
  `Status machine: ${machine} (anything else is a 409 \`invalid_status_transition\`). Publishing needs at least one question (400 \`questions_required\`). ` +
  'An archived assessment is read-only (409 `assessment_archived`) unless the same request sets status published. ' +
  'Every question id must be a question of this workspace or a public one (400 `question_not_found` naming `body/questions/<i>/_id`); a question archived ' +
  'in the library may stay but not be added; none twice; a question\'s section must be one of the sections (400 `section_not_found`). ' +
  '`skills` left out: skill_ids become the union of the questions\' skills whenever questions are sent. `subaccount_ids` must be subaccounts the caller ' +
  'sees (404 naming the field); a caller confined to subaccounts cannot give an empty list. `company`, `author` and `last_interaction` are accepted and ' +
  'ignored (the workspace owns it, its creator wrote it, invitations set it). Attempts already opened keep the revision they were opened on.';

const bodyError = errorResponse('A field is wrong: the message and `details` name it (`question_not_found`, `section_not_found`, `questions_required`, `skill_not_found`, ...).');
const stateError = errorResponse('The status change is not allowed (`invalid_status_transition`) or the assessment is archived (`assessment_archived`).');

/** Documents the multipart form; without `type` it also accepts the undefined body multipart leaves. */
const UploadForm = {
  properties: {
    files: {
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description: `One or more files, as parts named \`files\` (or \`file\`): ${mediaRulesText}`,
    },
  },
  required: ['files'],
};

/** The workspace a public caller names (x-workspace-id), for the public reads. */
function publicWorkspaceId(request: FastifyRequest): string {
  const value = request.headers['x-workspace-id'];
  const id = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!id || !isId(id)) {
    throw new AppError(400, 'workspace_required', 'Send x-workspace-id (or the workspace\'s credentials) to read the links of an assessment', [{ field: 'headers/x-workspace-id', message: 'required' }]);
  }
  return id;
}

export async function manageRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  await app.register(multipart, { ...multipartDefaults, limits: { ...multipartDefaults.limits, fileSize: maxMediaBytes, files: maxAssessmentMedia } });
  const db = runtime.database.db;
  const appUrl = runtime.config.appUrl;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/assessments', {
    config: { permission: 'list_assessments' },
    schema: {
      operationId: 'findAssessments',
      tags,
      summary: 'Find assessments',
      description:
        'Assessments of the workspace (under x-subaccount-id, or for a caller confined to subaccounts, only those belonging to one of its subaccounts). ' +
        'Filters: _id, skills (any of), author, language, career, status, search (name, description), and `query` (base64 JSONLogic). ' +
        'orderBy: _id, created, updated, name, status, duration. Questions come as stored (id, weight, section, settings); GET /assessments/{id} adds their titles.',
      'x-seed': ['coodesh:assessments/find-assessments'],
      querystring: S.FindQuery,
      response: { 200: Paginated(S.Assessment, { title: 'AssessmentsPage' }) },
    },
  }, async (request) => findAssessments(db, tenantOf(request), request.query, request.language));

  typed.post('/assessments', {
    config: { permission: 'create_assessment' },
    schema: {
      operationId: 'createAssessment',
      tags,
      summary: 'Create an assessment',
      description:
        'Not in the seed; shaped like the update. Starts as draft unless `status` says otherwise (through the same machine from draft). ' +
        'Left out: duration is the sum of the questions\' durations (minutes), subaccount_ids the request\'s subaccounts, language en. ' + writeRules,
      body: S.CreateBody,
      response: { 201: S.Assessment, 400: bodyError, 409: stateError },
    },
  }, async (request, reply) => {
    const row = await createAssessment(db, { tenant: tenantOf(request), actorId: actorId(request) }, request.body);
    return reply.status(201).send(await assessmentView(db, row, request.language));
  });

  typed.delete('/assessments', {
    config: { permission: 'delete_assessments' },
    schema: {
      operationId: 'deleteAssessments',
      tags: [...tags, 'Assessments > Bulk Actions'],
      summary: 'Delete assessments',
      description:
        'Deletes the assessments, all or none, in one transaction. Each id must be an assessment the request sees (404 naming `body/ids/<i>`). ' +
        'An assessment with an attempt that was started (started, pending, pending review, finished, blocked) is refused with a 409 ' +
        '`assessment_has_attempts` naming it: those keep candidates\' results, archive the assessment instead. Attempts not started ' +
        '(draft, invited, scheduled, expired unstarted), share links and revisions are deleted with it, and its media files removed.',
      'x-seed': ['coodesh:assessments/delete-assessments'],
      body: S.DeleteBody,
      response: { 200: S.Deleted, 409: errorResponse('An assessment has started or finished attempts (`assessment_has_attempts`).') },
    },
  }, async (request) => deleteAssessments(runtime, tenantOf(request), request.body.ids));

  typed.get('/assessments/options', {
    config: { permission: 'list_assessments' },
    schema: {
      operationId: 'listAssessmentOptions',
      tags,
      summary: 'List assessments with minimal fields',
      description: 'Id, name and status of the assessments, for pickers. Filters: id, search (name), status. orderBy: _id, name, created, updated.',
      'x-seed': ['coodesh:assessments/list-assessments-with-minimal-fields'],
      querystring: S.OptionsQuery,
      response: { 200: Paginated(S.AssessmentOption, { title: 'AssessmentOptionsPage' }) },
    },
  }, async (request) => assessmentOptions(db, tenantOf(request), request.query));

  typed.get('/assessments/fields', {
    config: { auth: 'public' },
    schema: {
      operationId: 'getAssessmentFields',
      tags,
      summary: 'Get assessment field definitions',
      description: 'Statuses, duration units, content languages, attempt statuses and stages, each with its label in the x-language (pt, en, es), and the defaults of a new assessment.',
      'x-seed': ['coodesh:assessments/get-assessment-field-definitions'],
      response: { 200: S.Fields },
    },
  }, async (request) => assessmentFields(request.language));

  typed.get('/assessments/authors', {
    config: { permission: 'list_assessments' },
    schema: {
      operationId: 'listAssessmentAuthors',
      tags,
      summary: 'List assessment authors',
      description: 'The people who wrote the assessments the request sees, with how many each, by name.',
      'x-seed': ['coodesh:assessments/list-assessment-authors'],
      response: { 200: Type.Array(S.Author) },
    },
  }, async (request) => assessmentAuthors(db, tenantOf(request)));

  typed.get('/assessments/skills', {
    config: { permission: 'list_assessments' },
    schema: {
      operationId: 'listAssessmentSkills',
      tags,
      summary: 'List assessment skills',
      description:
        'The distinct skills of the assessments the request sees, with their names in the x-language and how many assessments cover each. ' +
        '`status` narrows to assessments in that status; `search` matches the name. Pages by page/pageSize or offset/limit.',
      'x-seed': ['coodesh:assessments/list-assessment-skills'],
      querystring: S.SkillsQuery,
      response: { 200: Paginated(S.UsedSkill, { title: 'AssessmentSkillsPage' }) },
    },
  }, async (request) => listAssessmentSkills(db, tenantOf(request), request.query, request.language));

  typed.get('/assessments/ats', {
    config: { permission: 'list_assessments' },
    schema: {
      operationId: 'listAtsAssessments',
      tags: [...tags, 'ATS'],
      summary: 'Get all assessments (ATS integration)',
      description:
        'The published assessments an integrator may send candidates to, with the public facts of their questions (never their content or solutions), ' +
        'as `{offset, total, limit, payload}` (the Coodesh integration article; clients call it with `?limit=150`). Filters: _id, search. orderBy: _id, created, updated, name. ' +
        'The seed shows an array sample; this answers the object the article and its clients read.',
      'x-seed': ['coodesh:ats/get-all-assessments'],
      querystring: S.AtsQuery,
      response: { 200: S.AtsPage },
    },
  }, async (request) => atsAssessments(db, tenantOf(request), request.query, request.language));

  typed.get('/assessments/stats', {
    config: { permission: 'list_assessments' },
    schema: {
      operationId: 'getAssessmentsStats',
      tags,
      summary: 'Get assessments statistics',
      description:
        `Metrics and a daily graph (UTC) over the assessments the request sees, for startDate..endDate (default: the last ${defaultStatsDays} days, today included; at most ${maxStatsDays}). ` +
        'Assessment counts are of now; invited (invitation date, else creation), started and finished count events in the range; average_score is the mean score ' +
        'of attempts finished in the range; completion_rate the share of attempts invited in the range that are finished.',
      'x-seed': ['coodesh:assessments/get-assessments-statistics'],
      querystring: S.StatsQuery,
      response: { 200: S.Stats },
    },
  }, async (request) => workspaceStats(db, tenantOf(request), statsRange(request.query.startDate, request.query.endDate)));

  typed.post('/assessments/export', {
    config: { permission: assessmentsCsvExport.permission },
    schema: {
      operationId: 'exportAssessmentsCsv',
      tags: [...tags, 'Assessments > Exports'],
      summary: 'Export assessments CSV',
      description:
        'One row per attempt of the assessments the request sees (assessment, candidate, e-mail, status, stage, score, points, invited, started, finished, source, tags, ids). ' +
        'Finished, pending review and blocked attempts always; include_pending_participations adds draft, invited, scheduled, started and pending ones, ' +
        'include_expired_participations the expired ones. ids narrows to those assessments; startDate/endDate bound the invitation date (else creation). ' +
        'include_integrity and include_actions_plans are accepted and add nothing yet. Headers and labels follow x-language; times are UTC.' + asyncExportNote,
      'x-seed': ['coodesh:exports/export-assessments-csv'],
      querystring: ExportQuery,
      headers: ExportHeaders,
      body: S.ExportBody,
      response: exportResponses,
    },
  }, async (request, reply) => sendExport(runtime, request, reply, assessmentsCsvExport, request.body));

  typed.get('/assessments/:id', {
    config: { permission: 'list_assessments' },
    schema: {
      operationId: 'getAssessment',
      tags,
      summary: 'Get an assessment',
      description: 'Not in the seed. The assessment with its questions\' titles, types and levels (null for a question no longer there).',
      params: S.AssessmentParams,
      response: { 200: S.Assessment },
    },
  }, async (request) => assessmentView(db, await findAssessment(db, tenantOf(request), request.params.id), request.language));

  typed.put('/assessments/:id', {
    config: { permission: 'edit_assessments' },
    schema: {
      operationId: 'updateAssessment',
      tags,
      summary: 'Update an assessment',
      description: 'Changes the fields sent; fields left out stay (`questions`, `sections`, `settings`, `tags`, `subaccount_ids` are replaced whole when sent). ' + writeRules,
      'x-seed': ['coodesh:assessments/update-an-assessment'],
      params: S.AssessmentParams,
      body: S.UpdateBody,
      response: { 200: S.Assessment, 400: bodyError, 409: stateError },
    },
  }, async (request) => assessmentView(db, await updateAssessment(db, tenantOf(request), request.params.id, request.body), request.language));

  typed.post('/assessments/:id/duplicate', {
    config: { permission: 'create_assessment' },
    schema: {
      operationId: 'duplicateAssessment',
      tags,
      summary: 'Duplicate an assessment',
      description:
        'A copy as a new draft, the caller its author: questions with weights and settings, sections, skills, duration, language, tags and subaccounts. ' +
        '`name` (default "<name> (copy)"), `career` (null clears; an empty id or object keeps the original\'s) and `settings` override. ' +
        'Share links, attempts and media attachments are not copied.',
      'x-seed': ['coodesh:assessments/duplicate-an-assessment'],
      params: S.AssessmentParams,
      body: S.DuplicateBody,
      response: { 201: S.Assessment },
    },
  }, async (request, reply) => {
    const row = await duplicateAssessment(db, { tenant: tenantOf(request), actorId: actorId(request) }, request.params.id, request.body);
    return reply.status(201).send(await assessmentView(db, row, request.language));
  });

  typed.post('/assessments/:id/media', {
    config: { permission: 'edit_assessments' },
    schema: {
      operationId: 'uploadAssessmentMedia',
      tags: [...tags, 'Assessments > Media'],
      summary: 'Upload media attachments',
      description:
        `multipart/form-data with one or more files (parts named \`files\` or \`file\`), all or nothing: the assessment holds at most ${maxAssessmentMedia}, ` +
        'and a request that would pass it is a 409 `too_many_media` naming the first part over (`body/files/<i>`, counting file parts from 0). ' +
        `The type of each is read from its bytes, not its name: ${mediaRulesText}; another type is a 415, a file larger than its type allows a 413, ` +
        'each naming the part; then none of the request\'s files is kept. Answers the assessment\'s media, each with the `url` it downloads from.',
      'x-seed': ['coodesh:assessments/upload-media-attachments'],
      params: S.AssessmentParams,
      consumes: ['multipart/form-data'],
      body: { content: { 'multipart/form-data': { schema: UploadForm } } } as never,
      response: {
        201: S.MediaList,
        400: errorResponse('No file in the form (`file_required`), or it could not be read (`multipart_invalid`).'),
        409: errorResponse('Too many attachments (`too_many_media`, naming the part) or the assessment is archived (`assessment_archived`).'),
        413: errorResponse('A file is larger than its type allows (`file_too_large`, naming the part).'),
        415: errorResponse('Not multipart (`multipart_required`) or a file type not allowed (`unsupported_file_type`, naming the part).'),
      },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    return reply.status(201).send({ media: mediaView(id, await uploadAssessmentMedia(runtime, request, tenantOf(request), id)) });
  });

  typed.get('/assessments/:id/media/:file', {
    config: { permission: 'list_assessments' },
    schema: {
      operationId: 'downloadAssessmentMedia',
      tags: [...tags, 'Assessments > Media'],
      summary: 'Download a media attachment',
      description:
        'The attachment\'s bytes (its `url` in `media`), for the workspace\'s members who read assessments, within their subaccounts: ' +
        'Content-Type as stored, Content-Disposition attachment with its name, Content-Length; one byte range (`Range: bytes=a-b`) is a 206. ' +
        'Another workspace\'s assessment, or a file it does not list, is a 404.',
      params: S.MediaFileParams,
      response: {
        ...fileResponses('The file'),
        404: errorResponse('No such assessment (`assessment_not_found`) or attachment (`media_not_found`).'),
        416: errorResponse('The `Range` lies past the end of the file (`range_not_satisfiable`).'),
      },
    },
  }, async (request, reply) => {
    const file = await findAssessmentMediaFile(db, tenantOf(request), request.params.id, request.params.file);
    return sendStoredFile(reply, runtime.storage, file.path, { fileName: file.name, range: request.headers.range });
  });

  typed.delete('/assessments/:id/media', {
    config: { permission: 'edit_assessments' },
    schema: {
      operationId: 'deleteAssessmentMedia',
      tags: [...tags, 'Assessments > Media'],
      summary: 'Delete a media attachment',
      description: 'Removes the attachment at `path` (from `media[].path`) from the assessment and from storage (404 `media_not_found` when it has none there). Answers the media left.',
      'x-seed': ['coodesh:assessments/delete-media-attachment'],
      params: S.AssessmentParams,
      body: S.DeleteMediaBody,
      response: { 200: S.MediaList },
    },
  }, async (request) => ({ media: mediaView(request.params.id, await deleteAssessmentMedia(runtime, tenantOf(request), request.params.id, request.body.path)) }));

  typed.get('/assessments/:id/links', {
    config: { auth: 'public' },
    schema: {
      operationId: 'findAssessmentShareLinks',
      tags,
      summary: 'Find assessment share links',
      description:
        'Public, as in the seed, but a share link\'s token is the link itself, so what is answered depends on the caller. With credentials of the workspace ' +
        '(holding list_assessments): every link whole (token, url, tags, window, created). Anyone else (naming the workspace with x-workspace-id when sending no credentials) gets, ' +
        'for a published or archived assessment, only each link\'s name, active flag, window and whether it is open now; a draft assessment is a 404 to them.',
      'x-seed': ['coodesh:assessments/find-assessment-share-links'],
      params: S.AssessmentParams,
      response: { 200: Type.Array(S.Link) },
    },
  }, async (request) => {
    const tenant = request.tenant;
    if (tenant?.permissions.has('list_assessments')) return findShareLinks(db, tenant, request.params.id, appUrl);
    return findPublicShareLinks(db, tenant?.workspaceId ?? publicWorkspaceId(request), request.params.id);
  });

  typed.put('/assessments/:id/links', {
    config: { permission: 'edit_assessments' },
    schema: {
      operationId: 'updateAssessmentShareLinks',
      tags,
      summary: 'Update assessment share links',
      description:
        'Replaces the set of links in one transaction. A link sent with its `_id` is updated and keeps its token; one without gets a new token ' +
        '(`<workspace id>.<22 random base64url characters>`); links left out are deleted and their tokens stop working (attempts made through them stay). ' +
        'close_at must be after open_at (400 naming `body/links/<i>/close_at`); an `_id` that is not a link of this assessment is a 400. ' +
        'A link lets candidates in while it is active, the assessment published, and now is inside its window. Answers the new set.',
      'x-seed': ['coodesh:assessments/update-assessment-share-links'],
      params: S.AssessmentParams,
      body: S.LinksBody,
      response: { 200: Type.Array(S.Link) },
    },
  }, async (request) => replaceShareLinks(db, tenantOf(request), request.params.id, request.body.links, appUrl));

  typed.get('/assessments/:id/invitation-links', {
    config: { permission: 'list_attempts' },
    schema: {
      operationId: 'findAssessmentInvitationLinks',
      tags,
      summary: 'Find assessment invitation links',
      description:
        'Each participant\'s own link to their attempt (name, e-mail, status, invitation dates, url), oldest first. The seed lists this without security, ' +
        'but these links let anyone holding them into someone\'s attempt: it needs the workspace\'s credentials and list_attempts. ' +
        'Links are minted from each attempt\'s nonce (nothing stored): rotating it changes the link.',
      'x-seed': ['coodesh:assessments/find-assessment-invitation-links'],
      params: S.AssessmentParams,
      querystring: S.InvitationLinksQuery,
      response: { 200: Type.Array(S.InvitationLink) },
    },
  }, async (request) => invitationLinks(
    { db, tokens: runtime.tokens, appUrl },
    tenantOf(request),
    request.params.id,
    { limit: request.query.limit ?? 2000, offset: request.query.offset ?? 0 },
    request.language,
  ));

  typed.get('/assessments/:id/stats', {
    config: { permission: 'list_assessments' },
    schema: {
      operationId: 'getAssessmentStats',
      tags,
      summary: 'Get statistics for a specific assessment',
      description: 'The metrics and daily graph of GET /assessments/stats for one assessment.',
      'x-seed': ['coodesh:assessments/get-statistics-for-a-specific-assessment'],
      params: S.AssessmentParams,
      querystring: S.StatsQuery,
      response: { 200: S.Stats },
    },
  }, async (request) => oneAssessmentStats(db, tenantOf(request), request.params.id, statsRange(request.query.startDate, request.query.endDate)));
}
