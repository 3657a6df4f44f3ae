import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { Session } from '../session.js';
import { signUp } from '../sign-up.js';
import { newPassword, ProfileFields } from './schemas.js';

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

export function signUpRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post('/auth/signup', {
    config: { auth: 'public', rateLimit: authRateLimit(runtime.config) },
    schema: {
      operationId: 'signUp',
      tags: ['Authentication'],
      summary: 'Register an account (optionally creating a company, or joining one through an invite)',
      'x-seed': ['coodesh:auth/sign-up'],
      body: SignUpBody,
      response: { 201: Session },
    },
  }, async (request, reply) => {
    const body = request.body;
    const session = await signUp(runtime, {
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
    return reply.status(201).send(session);
  });
}
