import { Type, type TUnsafe } from 'typebox';
import { reasonPhrase, type FieldProblem } from '../errors.js';
import { maxJsonDepth } from './parse-json-body.js';
import type { RouteAuth } from './request-context.js';

/** The one error shape of the core API, shared by every route's documented error responses. */
export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer({ description: 'The HTTP status, repeated' }),
    error: Type.String({ description: 'Its reason phrase, e.g. Bad Request' }),
    code: Type.String({ description: 'A stable code to branch on, e.g. `validation_failed`, `workspace_not_found`' }),
    message: Type.String({ description: 'What went wrong, for people' }),
    details: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'Where, e.g. `body/email`, `query/pageSize`, `headers/x-workspace-id`' }),
          message: Type.String(),
        }),
        { description: 'One entry per field at fault' },
      ),
    ),
  },
  { $id: 'ErrorResponse', title: 'ErrorResponse', description: 'Every error of the core API' },
);

export interface ErrorShape {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: FieldProblem[];
}

/** A route's own error response (a status only it gives, e.g. 409), in the shared shape: `response: { 409: errorResponse('...') }`. */
export function errorResponse(description: string): TUnsafe<ErrorShape> {
  return Type.Unsafe<ErrorShape>({ $ref: 'ErrorResponse#', description });
}

/** What the transform needs to know of a route. */
export interface RouteFacts {
  method: string | string[];
  url: string;
  auth: RouteAuth;
  schema: Record<string, unknown>;
  rateLimited: boolean;
  bodyLimit: number;
}

const hasPathParams = (url: string) => /[:*]/.test(url);

function queryNames(schema: Record<string, unknown>): string[] {
  const query = schema.querystring as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(query?.properties ?? {});
}

/** The reasons for a 400 this route can give, read from what it takes. */
function badRequestReasons(route: RouteFacts): string[] {
  const { schema } = route;
  const reasons: string[] = [];
  if (schema.body || schema.querystring || schema.params || schema.headers) {
    reasons.push('the input breaks its schema (`validation_failed`; each `details[].field` names a field, e.g. `body/email`, `query/pageSize`)');
  }
  if (schema.body) reasons.push(`the body is not JSON, or nests objects and arrays deeper than ${maxJsonDepth} levels (\`body_too_deep\`)`);
  const query = queryNames(schema);
  if (query.includes('after')) reasons.push('`after` is not a cursor of this list (`invalid_cursor`), or `orderBy` is not sortable here (`invalid_order_by`)');
  if (route.auth === 'workspace') reasons.push('a signed-in user sent no `x-workspace-id` (`workspace_required`)');
  return reasons;
}

function notFoundReasons(route: RouteFacts): string[] {
  const reasons: string[] = [];
  if (hasPathParams(route.url)) reasons.push('what the path names does not exist, or belongs to another workspace');
  if (route.auth !== 'public') reasons.push('`x-workspace-id` or `x-subaccount-id` names a workspace or subaccount the caller is not in');
  return reasons;
}

const sentence = (reasons: string[]) => `${reasons[0].charAt(0).toUpperCase()}${reasons[0].slice(1)}${reasons.length > 1 ? `; or ${reasons.slice(1).join('; or ')}` : ''}.`;

/**
 * The error responses every route of a kind can give, derived from the route: 400 for input, 401
 * and 403 for routes behind credentials, 404 for path parameters and tenant headers, 413 and 415
 * for bodies, 429 for rate-limited routes. Each is the shared `ErrorResponse`.
 */
export function derivedErrorResponses(route: RouteFacts): Record<string, string> {
  const responses: Record<string, string> = {};
  const badRequest = badRequestReasons(route);
  if (badRequest.length > 0) responses['400'] = sentence(badRequest);
  if (route.auth !== 'public') {
    responses['401'] =
      route.auth === 'user'
        ? 'No valid Bearer token of a signed-in user (`unauthorized`), or an API key where a user is needed (`user_required`).'
        : 'No valid `x-api-key` or `Authorization: Bearer` token (`unauthorized`).';
    responses['403'] = 'The caller may not do this here: its role or permissions fall short (`forbidden`, `missing_permission`).';
  }
  const notFound = notFoundReasons(route);
  if (notFound.length > 0) responses['404'] = sentence(notFound);
  if (route.schema.body) {
    responses['413'] = `The body is larger than ${route.bodyLimit} bytes (\`BODY_LIMIT\`).`;
    responses['415'] = 'The body is sent with a Content-Type this route does not read.';
  }
  if (route.rateLimited) responses['429'] = 'Too many requests from this client address in the window (`rate_limited`); retry after the `retry-after` seconds.';
  return responses;
}

const successPhrases: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted: the work goes on in the background',
  '204': 'Done; no body',
};

/** A success response's description: the schema's own, else what the status means and the shape's name. */
export function successDescription(status: string, schema: Record<string, unknown> | undefined): string {
  if (typeof schema?.description === 'string' && schema.description) return schema.description;
  const phrase = successPhrases[status] ?? 'Success';
  return typeof schema?.title === 'string' ? `${phrase}: \`${schema.title}\`` : phrase;
}

interface ResponseSchema {
  $ref?: string;
  description?: string;
  title?: string;
  'x-response-description'?: string;
  [key: string]: unknown;
}

/** The route's response map for the document: its own responses described, the derived errors added. */
export function documentedResponses(route: RouteFacts): Record<string, ResponseSchema> {
  const own = (route.schema.response ?? {}) as Record<string, ResponseSchema>;
  const derived = derivedErrorResponses(route);
  const result: Record<string, ResponseSchema> = {};
  for (const [status, schema] of Object.entries(own)) {
    const described = Boolean(schema['x-response-description'] || schema.description);
    if (described) result[status] = schema;
    else if (/^2/.test(status)) result[status] = { ...schema, 'x-response-description': successDescription(status, schema) };
    else result[status] = { ...schema, 'x-response-description': derived[status] ?? reasonPhrase(Number(status)) };
  }
  for (const [status, description] of Object.entries(derived)) {
    // Spelled out as JSON: a route that produces XML or CSV still answers its errors in JSON.
    if (!own[status]) result[status] = { description, content: { 'application/json': { schema: { $ref: 'ErrorResponse#' } } } };
  }
  return result;
}
