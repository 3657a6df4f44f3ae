import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { errorResponse } from '../../../platform/http/error-responses.js';
import { actorId, requireSuperAdmin } from '../../workspace/actor.js';
import { inviteAttempts, type InviteContext } from './invite-attempts.js';
import { autoLoginLinks, sendInvitations } from './send-invitations.js';
import { closeExpiredAttempts } from './close-expired.js';
import * as S from './schemas.js';

const tags = ['Attempts'];

/** Inviting people to assessments, re-sending invitations, auto-login links and closing what ran out of time. */
export async function inviteRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const context = (request: Parameters<typeof tenantOf>[0]): InviteContext => ({ db, runtime, tenant: tenantOf(request), actorId: actorId(request) });

  typed.post('/assessments/:id/attempts', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'createAssessmentAttempts',
      tags,
      summary: 'Invite people to an assessment',
      description:
        'Creates one attempt per participant at a published assessment, in one transaction (409 `assessment_not_published` otherwise): an unknown e-mail gets an account, each ' +
        'attempt is `invited` on the assessment\'s current frozen revision, valid settings.invitation_expire_days (default 7), and, unless `disable_email`, the candidate receives ' +
        'the `attempt_invitation` e-mail with the link `<APP_URL>/take/<token>` (answered too). Idempotent on (assessment, e-mail): a person who already has an attempt gets it ' +
        'back unchanged (`invited: false`, no e-mail). A repeated e-mail in one request is a 400 naming it.',
      params: S.AssessmentParams,
      body: S.InviteBody,
      response: { 201: Type.Array(S.InvitedAttempt), 409: errorResponse('The assessment is not published (`assessment_not_published`) or a question of it no longer exists.') },
    },
  }, async (request, reply) => {
    const { participants, ...options } = request.body;
    return reply.status(201).send(await inviteAttempts(context(request), request.params.id, participants, options));
  });

  typed.post('/assessments/attempts/bulk/invite', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'sendInviteToParticipants',
      tags,
      summary: 'Send invite to participants',
      description:
        'Sends the invitation e-mail of existing attempts, now or at `send_at` (a scheduled job; the attempts are looked at again then). Draft and expired attempts become ' +
        '`invited` with a fresh invitation date and expiry; started or finished ones, and those with disable_email, are answered `sent: false`. Every id must name an attempt ' +
        'of the workspace (404 naming `body/ids/<i>`).',
      'x-seed': ['coodesh:attempts/send-invite-to-participants'],
      body: S.BulkInviteBody,
      response: { 200: S.SendResult },
    },
  }, async (request) => sendInvitations(context(request), request.body.ids, { sendAt: request.body.send_at, field: 'body/ids' }));

  typed.post('/assessments/:id/invite', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'inviteAssessmentParticipants',
      tags,
      summary: 'Send invite to participants of an assessment (deprecated)',
      description: 'Deprecated: use POST /assessments/attempts/bulk/invite. The same, for attempts of this assessment given as `participants` (attempt ids).',
      deprecated: true,
      'x-seed': ['coodesh:assessments/please-use-bulk-send-email-endpoint-instead-of-this-endpoint-deprecated'],
      params: S.AssessmentParams,
      body: S.DeprecatedInviteBody,
      response: { 200: S.SendResult },
    },
  }, async (request) => sendInvitations(context(request), request.body.participants, { sendAt: request.body.send_at, field: 'body/participants', assessmentId: request.params.id }));

  typed.post('/assessments/attempts/autologin', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'generateAutoLoginLink',
      tags,
      summary: 'Generate auto login link',
      description:
        "Links that open each attempt without signing in: `<APP_URL>/take/<token>`, the attempt's access token (a keyed MAC; rotating the attempt's nonce revokes it). " +
        'Every participation must be an attempt of `assessment` (404 naming `body/participations/<i>`).',
      'x-seed': ['coodesh:attempts/generate-auto-login-link'],
      body: S.AutoLoginBody,
      response: { 200: S.AutoLoginLinks },
    },
  }, async (request) => autoLoginLinks(context(request), request.body.assessment, request.body.participations));

  typed.post('/assessments/attempts/close-expired', {
    config: { auth: 'user' },
    schema: {
      operationId: 'closeExpiredAssessmentAttempts',
      tags,
      summary: 'Close expired assessment attempts',
      description:
        'Super admins only (403 `super_admin_required`), across the instance; the same runs every minute as a job. Started attempts past `ends_at` are finished with what was ' +
        'saved (and scored, or judged first); invitations past `invitation_date_expire` become `expired`. In batches locked with FOR UPDATE SKIP LOCKED, so concurrent runs never collide.',
      'x-seed': ['coodesh:attempts/close-expired-assessment-attempts'],
      response: { 200: S.ClosedAttempts },
    },
  }, async (request) => {
    requireSuperAdmin(request);
    return closeExpiredAttempts(runtime);
  });
}
