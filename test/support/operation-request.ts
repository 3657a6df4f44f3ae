import type { InjectOptions } from 'fastify';
import { urlOf, type Operation } from './openapi.js';
import { validQuery, validValue } from './schema-samples.js';

/** Headers the suites set themselves (credentials and tenancy), never generated from the schema. */
const contextHeaders = new Set(['x-api-key', 'authorization', 'x-workspace-id', 'x-subaccount-id', 'content-type']);

export interface RequestOverrides {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A request that should pass the operation's schema validation: generated values for required
 * path, query and header parameters and for the JSON body, replaced by whatever the caller knows.
 */
export function validRequest(op: Operation, overrides: RequestOverrides = {}): InjectOptions & { url: string } {
  const params = { ...validQuery(op.pathParams), ...overrides.params };
  const query = { ...validQuery(op.queryParams), ...overrides.query };
  const generatedHeaders = validQuery(op.headerParams.filter((p) => !contextHeaders.has(p.name.toLowerCase())));
  const body = overrides.body !== undefined ? overrides.body : op.jsonBody ? validValue(op.jsonBody) : undefined;
  return {
    method: op.method,
    url: urlOf(op, params, query),
    headers: { ...generatedHeaders, ...overrides.headers },
    ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
  };
}
