import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { signUp } from '../sign-up.js';
import { normalizeEmail } from '../users.js';
import { inviteErrors, newPassword, ProfileFields } from './schemas.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const SignUpBody = Type.Object(
  {
    ...ProfileFields,
    password: Type.Optional(newPassword('At least 8 characters; required unless generatePassword is true')),
    companyName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Creates a workspace the new user administers' })),
    generatePassword: Type.Optional(Type.Boolean({ description: 'Generate a random password and e-mail it' })),
    tech_size: Type.Optional(Type.String({ maxLength: 50, description: 'Company tech team size, e.g. 11-50' })),
    plan: Type.Optional(Type.String({ maxLength: 50, description: 'Pricing plan, e.g. free' })),
    modules: Type.Optional(Type.String({ maxLength: 50, description: 'all, assessments, skills or hiring' })),
    instanceAdmin: Type.Optional(
      Type.Boolean({
        description:
          "Make this account the instance's super admin (credit grants, shared datasets). Honoured only for the first account " +
          'of an empty instance: once any account exists the sign-up answers 403 `instance_not_empty` and creates nothing. ' +
          'Later super admins are made with `npx assay grant-super-admin <email>`.',
      }),
    ),
  },
  { title: 'SignUpBody' },
);

const SignUpAccepted = Type.Object(
  {
    message: Type.String({ description: 'The same for every address: what happens next is in the mailbox' }),
    email: Type.String({ description: 'The address, normalized' }),
  },
  { title: 'SignUpAccepted' },
);

const signUpDescription =
  'Answers 202 with the same body whether an account was opened or not, so the answer never tells whether an address has an account. ' +
  'The mailbox is told what happened: a new account gets its confirmation link (and the generated password), an address that already has an ' +
  'account gets a notice with a sign-in and a password-reset link, and under SIGNUP=invite-only an address without an invitation gets a notice ' +
  'that accounts are by invitation. A new account signs in with its password once the address is confirmed (the first account of an empty ' +
  'instance is confirmed at once). SIGNUP (server configuration) decides who may open an account: `open` anyone; `invite-only` (the default) ' +
  'an address holding a pending invitation, or a request with an `invite` token; `closed` nobody: 403 `signup_closed`. ' +
  'invite-only is the default because accounts belong to the companies running Assay: whoever reaches a fresh server should not open ' +
  'accounts (and make it mail addresses); its first account may still sign up. ' +
  'Errors that depend only on the request (a missing name or password, an unknown, expired or someone else\'s invite) answer as usual.';

export function signUpRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post('/auth/signup', {
    config: { auth: 'public', rateLimit: authRateLimit(runtime.config) },
    schema: {
      operationId: 'signUp',
      tags: ['Authentication'],
      summary: 'Register an account (optionally creating a company, or joining one through an invite)',
      description: signUpDescription,
      'x-seed': ['coodesh:auth/sign-up'],
      body: SignUpBody,
      response: { 202: SignUpAccepted, ...inviteErrors, 403: errorResponse('Sign-up is closed (`signup_closed`), or the instance is not empty (`instance_not_empty`).') },
    },
  }, async (request, reply) => {
    const body = request.body;
    await signUp(runtime, {
      email: body.email,
      password: body.password,
      generatePassword: body.generatePassword,
      displayName: body.displayName,
      firstName: body.firstName,
      lastName: body.lastName,
      roles: body.roles,
      invite: body.invite,
      companyName: body.companyName,
      address: body.address,
      privacy: body.privacy,
      utm: { origin: body.origin, content: body.content, medium: body.medium, campaign: body.campaign, term: body.term },
      techSize: body.tech_size,
      plan: body.plan,
      modules: body.modules,
      instanceAdmin: body.instanceAdmin,
    }, { language: request.language });
    return reply.status(202).send({ message: 'Check your mailbox: we sent what to do next to this address', email: normalizeEmail(body.email) });
  });
}
