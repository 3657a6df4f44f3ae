import type { FastifyInstance } from 'fastify';

/** A JSON Schema as it appears in the OpenAPI document (TypeBox output after @fastify/swagger). */
export type JsonSchema = Record<string, unknown>;

export type AuthMode = 'public' | 'user' | 'workspace';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the OpenAPI document, flattened for the cross-cutting suites. */
export interface Operation {
  method: string;
  /** OpenAPI path, e.g. `/api-keys/{id}`. */
  path: string;
  operationId?: string;
  /** `operationId`, or `METHOD path` when it has none (so failures still name it). */
  name: string;
  auth: AuthMode;
  seedIds: unknown;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  /** Schema of an `application/json` request body, when the operation takes one. */
  jsonBody?: JsonSchema;
  bodyRequired: boolean;
  /** Media types of the request body (a multipart upload has no jsonBody). */
  bodyMediaTypes: string[];
  /** Status code → JSON schema of that response (when it declares one). */
  responses: Record<string, JsonSchema | undefined>;
  /** Status code → media types of that response (e.g. `text/csv` for a download). */
  responseMediaTypes: Record<string, string[]>;
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

interface RawOperation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: Parameter['in']; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  'x-seed'?: unknown;
}

/** The server's transform writes `security`: [] for public, bearer only for user routes. */
function authOf(security: RawOperation['security']): AuthMode {
  if (!security || security.length === 0) return 'public';
  return security.some((s) => 'apiKey' in s) ? 'workspace' : 'user';
}

export function operationsOf(document: { paths?: Record<string, Record<string, unknown>> }): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const raw = item[method] as RawOperation | undefined;
      if (!raw) continue;
      const params = (raw.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required === true, schema: p.schema ?? {} }));
      const content = raw.requestBody?.content ?? {};
      const responses: Record<string, JsonSchema | undefined> = {};
      const responseMediaTypes: Record<string, string[]> = {};
      for (const [status, response] of Object.entries(raw.responses ?? {})) {
        responses[status] = response.content?.['application/json']?.schema;
        responseMediaTypes[status] = Object.keys(response.content ?? {});
      }
      result.push({
        method: method.toUpperCase(),
        path,
        operationId: raw.operationId,
        name: raw.operationId ?? `${method.toUpperCase()} ${path}`,
        auth: authOf(raw.security),
        seedIds: raw['x-seed'],
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        jsonBody: content['application/json']?.schema,
        bodyRequired: raw.requestBody?.required === true,
        bodyMediaTypes: Object.keys(content),
        responses,
        responseMediaTypes,
      });
    }
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** The operations of a ready app, read from its OpenAPI document. */
export function appOperations(app: FastifyInstance): Operation[] {
  return operationsOf(app.swagger() as unknown as Parameters<typeof operationsOf>[0]);
}

/** `/api-keys/{id}` with `{id: 'x'}` → `/api-keys/x`, plus a query string. */
export function urlOf(op: Operation, params: Record<string, string>, query: Record<string, unknown> = {}): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${op.name}: no value for path parameter ${name}`);
    return encodeURIComponent(params[name]);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, typeof item === 'string' ? item : JSON.stringify(item));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The JSON schema of the first 2xx response. */
export function successSchema(op: Operation): { status: string; schema: JsonSchema } | undefined {
  const status = Object.keys(op.responses)
    .filter((s) => /^2/.test(s))
    .sort()[0];
  const schema = status ? op.responses[status] : undefined;
  return status && schema ? { status, schema } : undefined;
}
