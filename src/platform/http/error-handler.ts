import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, reasonPhrase, type FieldProblem } from '../errors.js';

interface ValidationIssue {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldOf(context: string | undefined, issue: ValidationIssue): string {
  const path = issue.instancePath.replace(/^\//, '');
  const missing = issue.params.missingProperty as string | undefined;
  const extra = issue.params.additionalProperty as string | undefined;
  const leaf = missing ?? extra;
  // `query` as clients know it (Fastify calls the part `querystring`).
  const part = context === 'querystring' ? 'query' : (context ?? 'body');
  return [part, path, leaf].filter(Boolean).join('/');
}

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
      const details: FieldProblem[] = fe.validation.map((issue) => {
        const field = fieldOf(fe.validationContext, issue);
        return { field, message: `${field} ${issue.message ?? 'is invalid'}` };
      });
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
