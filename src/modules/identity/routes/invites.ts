import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import type { Role } from '../../../platform/config.js';
import { roleLabel } from '../../../platform/auth/permissions.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { reasonPhrase } from '../../../platform/errors.js';
import { Session } from '../session.js';
import { describeInvite } from '../invites.js';
import { acceptInvite, AuthenticationRequired } from '../accept-invite.js';
import { inviteErrors, ProfileFields, Token } from './schemas.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const InviteInfo = Type.Object(
  {
    _id: Type.String({ description: 'Invite id' }),
    whitelabel: Type.Object({}, { additionalProperties: true, description: "The workspace's branding" }),
    password: Type.Boolean({ description: 'Whether the workspace allows password sign-in (otherwise SSO)' }),
    company: Type.Object({ _id: Type.String(), name: Type.String() }),
    invited: Type.Object({
      email: Type.Union([Type.String(), Type.Null()], { description: 'The address the invite was sent to; null for open invites' }),
      roles: Type.String(),
      roles_formatted: Type.String(),
      registered: Type.Boolean({ description: 'Whether that address already has an account (sign in instead of sign up)' }),
    }),
    expires: Type.String({ format: 'date-time' }),
  },
  { title: 'InviteInfo' },
);

const AcceptInviteRefused = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    code: Type.String({ description: '`authentication_required`, or `invalid_credentials` for a wrong password' }),
    message: Type.String(),
    provider: Type.Optional(Type.String({ description: 'With `authentication_required`: how the account signs in (local, google, github, linkedin, facebook, saml)' })),
  },
  { title: 'AcceptInviteRefused' },
);

const AcceptInviteBody = Type.Object(
  {
    ...ProfileFields,
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'Required for a new account when the workspace allows password sign-in' })),
  },
  { title: 'AcceptInviteBody' },
);

export function inviteRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const rateLimit = authRateLimit(runtime.config);

  typed.get('/auth/invite/:token', {
    config: { auth: 'public', rateLimit },
    schema: {
      operationId: 'validateInviteToken',
      tags: ['Authentication'],
      summary: 'Check a workspace invite and show its workspace (404 unknown, 410 expired or used)',
      'x-seed': ['coodesh:auth/validate-invite-token'],
      params: Token,
      response: { 200: InviteInfo, ...inviteErrors },
    },
  }, async (request) => {
    const { invite, workspace, registered } = await describeInvite(runtime.database.db, request.params.token);
    return {
      _id: invite.id,
      whitelabel: workspace.whitelabel ?? {},
      password: workspace.allowPasswordLogin,
      company: { _id: workspace.id, name: workspace.name },
      invited: {
        email: invite.email,
        roles: invite.roles,
        roles_formatted: roleLabel(invite.roles as Role, request.language),
        registered,
      },
      expires: invite.expiresAt.toISOString(),
    };
  });

  typed.post('/auth/invite/:token', {
    config: { auth: 'public', rateLimit },
    schema: {
      operationId: 'acceptInvite',
      tags: ['Authentication'],
      summary: 'Accept a workspace invite, registering a new account or signing in an existing one',
      description:
        'A new account is created unconfirmed (the confirmation e-mail follows). An existing account must authenticate: send its `password`, ' +
        'or a Bearer token of that account. Otherwise 401 `authentication_required` with `provider`: sign in with it, then call again with the token. ' +
        'An invite is the invitation SIGNUP=invite-only asks for; with SIGNUP=closed a new account answers 403 `signup_closed`.',
      'x-seed': ['coodesh:auth/invite'],
      params: Token,
      body: AcceptInviteBody,
      response: {
        200: Session,
        401: { ...AcceptInviteRefused, description: 'The invited address has an account: authenticate as it (`authentication_required`, with `provider`), or the password is wrong (`invalid_credentials`).' },
        403: errorResponse('The invite was sent to another e-mail address (`invite_email_mismatch`).'),
        ...inviteErrors,
        409: errorResponse('An account with this e-mail exists (`email_taken`).'),
      },
    },
  }, async (request, reply) => {
    const body = request.body;
    const principal = request.principal;
    try {
      return await acceptInvite(runtime, request.params.token, {
        email: body.email,
        password: body.password,
        displayName: body.displayName,
        firstName: body.firstName,
        lastName: body.lastName,
        address: body.address,
        privacy: body.privacy,
        utm: { origin: body.origin, content: body.content, medium: body.medium, campaign: body.campaign, term: body.term },
      }, { language: request.language, signedInUserId: principal?.kind === 'user' ? principal.userId : undefined });
    } catch (error) {
      if (!(error instanceof AuthenticationRequired)) throw error;
      return reply.status(401).send({ statusCode: 401, error: reasonPhrase(401), code: error.code, message: error.message, provider: error.provider });
    }
  });
}
