import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { badRequest } from '../../../platform/errors.js';
import { checkResetToken, requestPasswordReset, resetPassword } from '../password-reset.js';
import { Email, Message, MessageWithUser, Token, accountUser, linkTokenErrors, newPassword } from './schemas.js';

const ResetTokenInfo = Type.Object(
  { message: Type.String(), email: Type.String({ description: 'The account the link resets' }) },
  { title: 'ResetTokenInfo' },
);

const ResetBody = Type.Object(
  {
    newPassword: newPassword('New password, at least 8 characters'),
    confirmPassword: Type.String({ maxLength: 1024, description: 'Must equal newPassword' }),
  },
  { title: 'ResetBody' },
);

export function passwordRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const rateLimit = authRateLimit(runtime.config);

  typed.post('/auth/forgot/password', {
    config: { auth: 'public', rateLimit },
    schema: {
      operationId: 'forgotPassword',
      tags: ['Authentication'],
      summary: 'E-mail a password-reset link (the answer is the same whether the address has an account)',
      'x-seed': ['coodesh:auth/forgot'],
      body: Type.Object({ email: Email }, { title: 'ForgotBody' }),
      response: { 200: Message },
    },
  }, async (request) => {
    await requestPasswordReset(runtime, request.body.email, request.language);
    return { message: 'If this address has an account, a link to reset the password is on its way' };
  });

  typed.get('/auth/reset/:token', {
    config: { auth: 'public', rateLimit },
    schema: {
      operationId: 'validateResetToken',
      tags: ['Authentication'],
      summary: 'Check a password-reset token (404 unknown, 410 expired or used)',
      'x-seed': ['coodesh:auth/validate-reset-token'],
      params: Token,
      response: { 200: ResetTokenInfo, ...linkTokenErrors },
    },
  }, async (request) => {
    const user = await checkResetToken(runtime.database.db, request.params.token);
    return { message: 'Token is valid', email: user.email };
  });

  typed.post('/auth/reset/:token', {
    config: { auth: 'public', rateLimit },
    schema: {
      operationId: 'resetPassword',
      tags: ['Authentication'],
      summary: 'Set a new password with a reset token (single use)',
      'x-seed': ['coodesh:auth/reset'],
      params: Token,
      body: ResetBody,
      response: { 200: MessageWithUser, ...linkTokenErrors },
    },
  }, async (request) => {
    const { newPassword: password, confirmPassword } = request.body;
    if (password !== confirmPassword) {
      throw badRequest('password_mismatch', 'confirmPassword must equal newPassword', 'body/confirmPassword');
    }
    const user = await resetPassword(runtime, request.params.token, password);
    return { message: 'Password has been set successfully', user: accountUser(user) };
  });
}
