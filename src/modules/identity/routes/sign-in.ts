import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { Session } from '../session.js';
import { signIn } from '../sign-in.js';
import { connectInfo } from '../connect.js';
import { AnyPassword, Email, inviteErrors } from './schemas.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const SignInBody = Type.Object(
  {
    email: Email,
    password: AnyPassword,
    invite: Type.Optional(Type.String({ maxLength: 512, description: 'Workspace invite token to join a company upon sign in' })),
  },
  { title: 'SignInBody' },
);

const ConnectInfo = Type.Object(
  {
    email: Type.String(),
    provider: Type.String({ description: '`saml` when a verified SAML provider serves the domain, else `local`' }),
    password: Type.Boolean({ description: 'Whether to offer a password field (true for `local`)' }),
  },
  { title: 'ConnectInfo' },
);

function headerText(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

export function signInRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.post('/auth/signin', {
    config: { auth: 'public', rateLimit: authRateLimit(runtime.config) },
    schema: {
      operationId: 'signIn',
      tags: ['Authentication'],
      summary: 'Sign in with e-mail and password (optionally accepting a workspace invite)',
      description:
        'A wrong e-mail, a wrong password, an account without a password and an address not confirmed yet all answer the same 401 ' +
        '`invalid_credentials`, at the same cost: the answer never tells whether an account exists.',
      'x-seed': ['coodesh:auth/sign-in'],
      body: SignInBody,
      response: {
        200: Session,
        401: errorResponse('E-mail or password is incorrect (`invalid_credentials`).'),
        ...inviteErrors,
      },
    },
  }, async (request) =>
    signIn(runtime, request.body, {
      language: request.language,
      preferredWorkspaceId: headerText(request.headers['x-workspace-id']),
    }),
  );

  typed.post('/auth/connect', {
    config: { auth: 'public', rateLimit: authRateLimit(runtime.config) },
    schema: {
      operationId: 'connect',
      tags: ['Authentication'],
      summary: 'How to sign in with an e-mail (pre-login step); the answer depends on its domain only',
      description: 'Never tells whether the address has an account: every address of a domain gets the same answer.',
      'x-seed': ['coodesh:auth/connect'],
      body: Type.Object({ email: Email }, { title: 'ConnectBody' }),
      response: { 200: ConnectInfo },
    },
  }, async (request) => connectInfo(runtime.database.db, request.body.email));
}
