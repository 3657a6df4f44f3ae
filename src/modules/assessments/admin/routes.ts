import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { Paginated } from '../../../platform/paging/paginate.js';
import { errorResponse } from '../../../platform/http/error-responses.js';
import { findAttemptResult } from './attempt-view.js';
import { listAssessmentAttempts, listParticipants, listUserAttempts } from './list-attempts.js';
import { listAttemptIds, listAttemptInviters, listAttemptTags, participantFields } from './attempt-facets.js';
import { attemptRecommendations } from './attempt-recommendations.js';
import { attemptForReader } from './attempt-access.js';
import { bulkAttemptRoutes } from './routes-bulk.js';
import * as S from './schemas.js';

const tags = ['Assessments: attempts'];

const listNote =
  ' Filters: status XOR grouping (both: 400 naming query/grouping), search (candidate name and e-mail), and a JSONLogic `query` ' +
  '(fields: status, stage, source, tags, score, inviter, assessment, email, name, hidden_results, created, started, finished, invitation_date). ';
const lockNote =
  ' When the assessment asks for an unlock (`settings.unlock_required`) and the attempt was not unlocked (bulk unlock), score, totalScore, ' +
  'maxScore, grade, proficiency, answers and breakdown are hidden and `locked` is true.';

/** Manager reads of attempts, and the bulk actions on them. */
export async function attemptAdminRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/assessments/:id/attempts/:attemptId', {
    config: { permission: 'list_attempts' },
    schema: {
      operationId: 'findAssessmentAttemptResult',
      tags,
      summary: 'Find assessment attempt result',
      description:
        'The manager view of one attempt of the assessment: score (a percentage), points, grade against the passing score, proficiency, ' +
        'certificate status, answers in question order and the per-question and per-skill breakdown.' + lockNote +
        ' invitation_token and access_token are always null: candidate links are keyed MACs that are never stored, and a manager read does not ' +
        'hand them out (the candidate gets them by e-mail). The seed\'s optional `access_token` query is accepted and ignored.',
      'x-seed': ['coodesh:attempts/find-assessment-attempt-result'],
      params: S.AttemptParams,
      querystring: Type.Object({ access_token: Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 200: S.AttemptResult },
    },
  }, async (request) => findAttemptResult(db, tenantOf(request), request.params.id, request.params.attemptId, request.language));

  typed.get('/assessments/:id/attempts', {
    config: { permission: 'list_attempts' },
    schema: {
      operationId: 'listAssessmentAttempts',
      tags,
      summary: 'List attempts by assessment',
      description: 'Attempts of one assessment, without their answers.' + listNote + S.sortNote + lockNote,
      'x-seed': ['coodesh:attempts/list-attempts-by-assessment'],
      params: S.AssessmentParams,
      querystring: S.ListQuery,
      response: { 200: Paginated(S.AttemptSummary, { title: 'AssessmentAttemptsPage' }) },
    },
  }, async (request) => listAssessmentAttempts(db, tenantOf(request), request.params.id, request.query, request.language));

  typed.get('/workspace/users/:id/attempts', {
    config: { permission: 'list_attempts' },
    schema: {
      operationId: 'listUserAttempts',
      tags,
      summary: 'List attempts for a user by id in workspace',
      description:
        'Attempts taken by one person in this workspace. The person must be an employee or the candidate of an attempt the request may see, ' +
        'else 404.' + listNote + S.sortNote,
      'x-seed': ['coodesh:attempts/list-attempts-for-a-user-by-id-in-workspace'],
      params: S.UserParams,
      querystring: S.ListQuery,
      response: { 200: Paginated(S.AttemptSummary, { title: 'UserAttemptsPage' }) },
    },
  }, async (request) => listUserAttempts(db, tenantOf(request), request.params.id, request.query, request.language));

  typed.get('/assessments/:assessmentId/attempts/ids', {
    config: { permission: 'list_attempts' },
    schema: {
      operationId: 'listAttemptIds',
      tags,
      summary: 'List attempt IDs for navigation',
      description:
        'Just the ids of the assessment\'s attempts, in list order (default _id, newest first; orderBy: _id, created, updated), for prev/next ' +
        'navigation between results: page/pageSize, or `after` = the last id seen. status XOR grouping.',
      'x-seed': ['coodesh:attempts/list-attempt-ids-for-navigation'],
      params: S.NavigationParams,
      querystring: S.NavigationQuery,
      response: { 200: Paginated(Type.String(), { title: 'AttemptIdsPage' }) },
    },
  }, async (request) => listAttemptIds(db, tenantOf(request), request.params.assessmentId, request.query));

  typed.get('/assessments/participants', {
    config: { permission: 'list_attempts' },
    schema: {
      operationId: 'listAssessmentParticipants',
      tags,
      summary: 'List assessment participants',
      description: 'Every attempt of every assessment of the workspace (one row per participation). `tags`: attempts carrying all of them.' + listNote + S.sortNote,
      'x-seed': ['coodesh:attempts/list-assessment-participants'],
      querystring: S.ParticipantsQuery,
      response: { 200: Paginated(S.AttemptSummary, { title: 'ParticipantsPage' }) },
    },
  }, async (request) => listParticipants(db, tenantOf(request), request.query, request.language));

  typed.get('/assessments/participants/fields', {
    config: { auth: 'public' },
    schema: {
      operationId: 'listParticipantFields',
      tags,
      summary: 'List participant field definitions',
      description: 'The attempt statuses, recruiter stages and integrity severity categories, with their labels in the x-language. Public.',
      'x-seed': ['coodesh:attempts/list-participant-field-definitions'],
      response: { 200: S.ParticipantFields },
    },
  }, async (request) => participantFields(request.language));

  typed.get('/assessments/attempts/tags', {
    config: { permission: 'list_attempts' },
    schema: {
      operationId: 'listAttemptTags',
      tags,
      summary: 'List assessment attempt tags',
      description:
        'The tags of the matching attempts (of `assessment` ids, or all), each with how many attempts carry it, by tag; `search` within the tags. ' +
        'status XOR grouping. Paged by page/pageSize (or limit/offset).',
      'x-seed': ['coodesh:attempts/list-assessment-attempt-tags'],
      querystring: S.TagsQuery,
      response: { 200: Paginated(S.Tag, { title: 'AttemptTagsPage' }) },
    },
  }, async (request) => listAttemptTags(db, tenantOf(request), request.query));

  typed.get('/assessments/attempts/inviters', {
    config: { permission: 'list_attempts' },
    schema: {
      operationId: 'listAttemptInviters',
      tags,
      summary: 'List attempt inviters',
      description:
        'The people who invited the matching attempts (of `assessment` ids, or all; of the `status` values; or of a grouping), with how many ' +
        'each invited, most first; at most 200. `search` in their name and e-mail.',
      'x-seed': ['coodesh:attempts/list-attempt-inviters'],
      querystring: S.InvitersQuery,
      response: { 200: Type.Array(S.Inviter) },
    },
  }, async (request) => listAttemptInviters(db, tenantOf(request), request.query));

  typed.get('/assessments/attempts/:attemptId/recommendations', {
    config: { auth: 'public' },
    schema: {
      operationId: 'getAttemptRecommendations',
      tags,
      summary: 'Get attempt recommendations',
      description:
        'Learning recommendations, deterministic: the attempt\'s (or, with answerId, that answer\'s) skills with the lowest percentage in its ' +
        'stored breakdown (at most 3, ties by skill id), and for each the published public questions on it that the attempt did not hold, by ' +
        'slug (at most 10 in all). Empty before the attempt is scored and while its results are locked. Public as in the seed, but it answers ' +
        'only a manager (workspace credentials with list_attempts) or the candidate (`access_token` = the attempt\'s access token); anyone ' +
        'else gets 404.',
      'x-seed': ['coodesh:attempts/get-attempt-recommendations'],
      params: S.AttemptIdParams,
      querystring: S.RecommendationsQuery,
      response: { 200: S.Recommendations, 404: errorResponse('No such attempt, or neither credentials nor its access token (`attempt_not_found`).') },
    },
  }, async (request) => {
    const { record } = await attemptForReader(db, runtime.tokens, request, request.params.attemptId, request.query.access_token, 'list_attempts');
    return attemptRecommendations(db, record, request.query.answerId);
  });

  await app.register(bulkAttemptRoutes, { runtime });
}

