/** One error shape for the core API: `{statusCode, error, message, details?}`. */
export interface FieldProblem {
  /** Where the problem is, e.g. `body/email` or `query/pageSize`. */
  field: string;
  message: string;
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function reasonPhrase(status: number): string {
  return reasons[status] ?? 'Error';
}

/** An error decided by the domain: a status, a stable code and a short message. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, field?: string) =>
  new AppError(400, code, message, field ? [{ field, message }] : undefined);
export const unauthorized = (message = 'Authentication required', code = 'unauthorized') => new AppError(401, code, message);
export const forbidden = (message = 'You may not do this', code = 'forbidden') => new AppError(403, code, message);
export const notFound = (what: string) => new AppError(404, `${what.replace(/\s+/g, '_').toLowerCase()}_not_found`, `${what} not found`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
