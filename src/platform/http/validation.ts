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

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
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
