import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const common: Options = { useDefaults: true, allErrors: false, strict: false, keywords: ['x-seed', 'example'] };

/**
 * Bodies are not coerced: `{"age":"12"}` for a number is a 400 naming `body/age`. Unknown body
 * fields are tolerated (seed clients send extras) and ignored by handlers, which read only declared
 * fields. Query strings, params and headers arrive as text, so they are coerced.
 */
const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false, removeAdditional: false }));
const textAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array', removeAdditional: false }));

/** A string PostgreSQL cannot store: a NUL (text and jsonb refuse it) or a lone UTF-16 surrogate (jsonb refuses it). */
// eslint-disable-next-line no-control-regex -- a NUL is exactly what this must find
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

interface Visit {
  value: unknown;
  path: string;
  /** The key that holds `value`, checked before it; its problem is reported at the parent's path. */
  key?: string;
  parent?: string;
}

/**
 * The JSON-pointer path of the first string (or key) PostgreSQL cannot store, in document order.
 * Walked with an explicit stack, so no nesting depth can exhaust the call stack.
 */
export function unstorablePath(value: unknown): string | undefined {
  const stack: Visit[] = [{ value, path: '' }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    if (visit.key !== undefined && unstorable.test(visit.key)) return visit.parent;
    const current = visit.value;
    if (typeof current === 'string') {
      if (unstorable.test(current)) return visit.path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push({ value: current[i], path: `${visit.path}/${i}` });
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, item] = entries[i];
        stack.push({ value: item, path: `${visit.path}/${key}`, key, parent: visit.path });
      }
    }
  }
  return undefined;
}

type Validate = ((data: unknown, context?: unknown) => boolean) & { errors?: unknown; schemaEnv?: unknown };

/** Schema check, then nothing the database cannot store: a 400 naming the field, not a 500. */
function refusingUnstorable(validate: Validate): Validate {
  const checked: Validate = (data, context) => {
    if (!validate(data, context)) {
      checked.errors = validate.errors;
      return false;
    }
    const path = unstorablePath(data);
    if (path === undefined) return true;
    checked.errors = [{ instancePath: path, keyword: 'unicode', params: {}, message: 'must be well-formed Unicode without NUL characters (\\u0000)' }];
    return false;
  };
  checked.schemaEnv = validate.schemaEnv;
  return checked;
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return refusingUnstorable(ajv.compile(schema as object) as Validate) as ReturnType<FastifySchemaCompiler<unknown>>;
};

/** Strict checker for response payloads (tests and development): drift fails loudly. */
const responseAjv = addFormats(new Ajv({ ...common, coerceTypes: false, useDefaults: false }));
const responseCheckers = new WeakMap<object, ReturnType<Ajv['compile']>>();

export function checkResponse(schema: object, payload: unknown): string | undefined {
  let check = responseCheckers.get(schema);
  if (!check) {
    check = responseAjv.compile(schema);
    responseCheckers.set(schema, check);
  }
  if (check(payload)) return undefined;
  return responseAjv.errorsText(check.errors, { dataVar: 'response' });
}
