import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, reasonPhrase } from '../errors.js';
import { validationProblems, type ValidationIssue } from './validation-problems.js';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({
        statusCode: error.statusCode,
        error: reasonPhrase(error.statusCode),
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
    }
    const fe = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
    if (fe.validation) {
      const details = validationProblems(fe.validationContext, fe.validation);
      return reply.status(400).send({
        statusCode: 400,
        error: reasonPhrase(400),
        code: 'validation_failed',
        message: details.map((d) => d.message).join('; '),
        details,
      });
    }
    const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled error');
    return reply.status(status).send({
      statusCode: status,
      error: reasonPhrase(status),
      code: status === 500 ? 'internal_error' : (fe.code ?? 'bad_request').toLowerCase(),
      message: status === 500 ? 'Something went wrong on our side' : fe.message,
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      statusCode: 404,
      error: reasonPhrase(404),
      code: 'route_not_found',
      message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
    });
  });
}
