import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { confirmAccount, resendConfirmation } from '../confirmation.js';
import { Email, Message, MessageWithUser, Token, accountUser, linkTokenErrors } from './schemas.js';

export function confirmationRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const rateLimit = authRateLimit(runtime.config);

  typed.post('/auth/confirmation', {
    config: { auth: 'public', rateLimit },
    schema: {
      operationId: 'resendConfirmation',
      tags: ['Authentication'],
      summary: 'Send the account-confirmation e-mail again (the answer is the same for every address)',
      'x-seed': ['coodesh:auth/confirmation-account-resend'],
      body: Type.Object({ email: Email }, { title: 'ConfirmationResendBody' }),
      response: { 200: Message },
    },
  }, async (request) => {
    await resendConfirmation(runtime, request.body.email, request.language);
    return { message: 'If this address has an unconfirmed account, a confirmation link is on its way' };
  });

  typed.put('/auth/confirmation/:token', {
    config: { auth: 'public', rateLimit },
    schema: {
      operationId: 'confirmAccount',
      tags: ['Authentication'],
      summary: 'Confirm an account with the e-mailed token (single use)',
      'x-seed': ['coodesh:auth/confirmation-account'],
      params: Token,
      response: { 200: MessageWithUser, ...linkTokenErrors },
    },
  }, async (request) => {
    const user = await confirmAccount(runtime, request.params.token);
    return { message: 'User account has been confirmed', user: accountUser(user) };
  });
}
