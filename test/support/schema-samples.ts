import { validatorCompiler } from '../../src/platform/http/validation.js';
import type { JsonSchema } from './openapi.js';

/**
 * Values generated from JSON schemas: a minimal valid instance, and invalid variants that each
 * break one rule. Every generated case is checked with the server's own Ajv settings, so a case the
 * server would accept is never sent as "bad input".
 */

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';
type Part = 'body' | 'querystring' | 'params' | 'headers';

const validators = new Map<Part, WeakMap<object, (data: unknown) => boolean>>();

/** Does the server (same Ajv options: bodies strict, text parts coerced) accept this value? */
export function accepts(schema: JsonSchema, value: unknown, part: Part = 'body'): boolean {
  let cache = validators.get(part);
  if (!cache) validators.set(part, (cache = new WeakMap()));
  let validate = cache.get(schema);
  if (!validate) {
    validate = validatorCompiler({ schema, httpPart: part, method: 'POST', url: '/' }) as unknown as (data: unknown) => boolean;
    cache.set(schema, validate);
  }
  // Ajv applies defaults and coercions in place: keep the caller's value intact.
  return validate(structuredClone(value)) === true;
}

const formats: Record<string, string> = {
  email: 'user@example.com',
  'date-time': '2024-01-01T00:00:00.000Z',
  date: '2024-01-01',
  time: '10:00:00Z',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': '/example',
  uuid: '00000000-0000-4000-8000-000000000000',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
  ipv6: '::1',
};

const patternCandidates = ['507f1f77bcf86cd799439011', 'sample', 'a', 'A', '1', 'en', 'abc-123', '2024-01-01', 'user@example.com', '#ffffff', 'BR', 'sample.txt'];

function branches(schema: JsonSchema): JsonSchema[] | undefined {
  return (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
}

/** The JSON types a schema admits; undefined means any. */
export function jsonTypesOf(schema: JsonSchema): Set<JsonType> | undefined {
  const alternatives = branches(schema);
  if (alternatives) {
    const all = new Set<JsonType>();
    for (const branch of alternatives) {
      const types = jsonTypesOf(branch);
      if (!types) return undefined;
      types.forEach((t) => all.add(t));
    }
    return all;
  }
  if (Array.isArray(schema.allOf)) {
    const typed = (schema.allOf as JsonSchema[]).map(jsonTypesOf).find(Boolean);
    if (typed) return typed;
  }
  if (schema.type) return new Set((Array.isArray(schema.type) ? schema.type : [schema.type]) as JsonType[]);
  const fixed = Array.isArray(schema.enum) ? (schema.enum as unknown[]) : 'const' in schema ? [schema.const] : undefined;
  if (fixed) return new Set(fixed.map(jsonTypeOf));
  if (schema.properties) return new Set(['object']);
  return undefined;
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** Whether a schema's type admits a value of this JSON type (integers are numbers too). */
export function admitsType(types: Set<JsonType> | undefined, type: JsonType): boolean {
  if (!types) return true;
  if (types.has(type)) return true;
  return type === 'integer' && types.has('number');
}

/** Enumerated values of a schema (`enum`, `const`, or a union of them); undefined if open. */
export function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as unknown[];
  if ('const' in schema) return [schema.const];
  const alternatives = branches(schema);
  if (!alternatives) return undefined;
  const values: unknown[] = [];
  for (const branch of alternatives) {
    const inner = enumOf(branch);
    if (!inner) return undefined;
    values.push(...inner);
  }
  return values;
}

function stringValue(schema: JsonSchema): string {
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Infinity);
  const fit = (text: string) => (text.length < min ? text.padEnd(min, 'a') : text).slice(0, max);
  if (typeof schema.format === 'string' && formats[schema.format]) return formats[schema.format];
  const example = Array.isArray(schema.examples) ? schema.examples.find((e): e is string => typeof e === 'string') : undefined;
  if (example !== undefined) return example;
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    const found = patternCandidates.map(fit).find((c) => pattern.test(c));
    if (found) return found;
  }
  return fit('sample');
}

function numberValue(schema: JsonSchema, integer: boolean): number {
  let value = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1;
  if (typeof schema.maximum === 'number' && value > schema.maximum) value = schema.maximum;
  return integer ? Math.ceil(value) : value;
}

/** A small instance meant to satisfy the schema (required properties only). */
export function validValue(schema: JsonSchema, depth = 0): unknown {
  if (depth > 8) return undefined;
  if ('default' in schema && typeof schema.default !== 'object') return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const alternatives = branches(schema);
  if (alternatives) {
    const preferred = alternatives.find((b) => !jsonTypesOf(b)?.has('null') || jsonTypesOf(b)!.size > 1) ?? alternatives[0];
    return validValue(preferred, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...(schema.allOf as JsonSchema[]).map((part) => validValue(part, depth + 1) as object));
  }
  const types = jsonTypesOf(schema);
  const type = types ? [...types].find((t) => t !== 'null') ?? 'null' : schema.properties ? 'object' : 'string';
  switch (type) {
    case 'string':
      return stringValue(schema);
    case 'integer':
    case 'number':
      return numberValue(schema, type === 'integer');
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const items = (schema.items ?? {}) as JsonSchema;
      return Array.from({ length: Number(schema.minItems ?? 0) }, () => validValue(items, depth + 1));
    }
    default: {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const value: Record<string, unknown> = {};
      for (const name of (schema.required ?? []) as string[]) value[name] = validValue(properties[name] ?? {}, depth + 1);
      return value;
    }
  }
}

/** One invalid input; `field` is the path the 400's `details[].field` must name, when it is one field. */
export interface BadCase {
  label: string;
  value: unknown;
  field?: string;
}

const wrongTypeCandidates: Array<[JsonType, unknown]> = [
  ['string', 'wrong-type'],
  ['integer', 12345],
  ['boolean', true],
  ['object', { wrong: 'type' }],
  ['array', ['wrong-type']],
];

/** Invalid variants of one property value: wrong type, unknown enum value, too long, out of range. */
function badValuesOf(schema: JsonSchema, textual: boolean): Array<{ label: string; value: unknown }> {
  const out: Array<{ label: string; value: unknown }> = [];
  const types = jsonTypesOf(schema);
  if (textual) {
    if (types && !types.has('string')) out.push({ label: 'not a number/boolean', value: 'wrong-type' });
  } else {
    const wrong = wrongTypeCandidates.find(([type]) => !admitsType(types, type));
    if (wrong) out.push({ label: `wrong type (${wrong[0]})`, value: wrong[1] });
  }
  if (enumOf(schema)) out.push({ label: 'value outside the enum', value: 'not-a-valid-value' });
  const leaf = branches(schema)?.find((b) => jsonTypesOf(b) && !jsonTypesOf(b)!.has('null')) ?? schema;
  if (typeof leaf.maxLength === 'number') out.push({ label: `longer than maxLength ${leaf.maxLength}`, value: 'a'.repeat(leaf.maxLength + 1) });
  if (jsonTypesOf(leaf)?.has('string') && !enumOf(schema)) out.push({ label: 'contains NUL (PostgreSQL cannot store it)', value: 'a\u0000b' });
  if (typeof leaf.minLength === 'number' && leaf.minLength > 0) out.push({ label: `shorter than minLength ${leaf.minLength}`, value: '' });
  const asText = (n: number) => (textual ? String(n) : n);
  if (typeof leaf.minimum === 'number') out.push({ label: `below minimum ${leaf.minimum}`, value: asText(leaf.minimum - 1) });
  if (typeof leaf.maximum === 'number') out.push({ label: `above maximum ${leaf.maximum}`, value: asText(leaf.maximum + 1) });
  if (typeof leaf.maxItems === 'number' && !textual) {
    out.push({ label: `more than maxItems ${leaf.maxItems}`, value: Array.from({ length: leaf.maxItems + 1 }, () => validValue((leaf.items ?? {}) as JsonSchema)) });
  }
  return out;
}

/** Invalid JSON bodies for an object schema, each checked to be rejected by the server's Ajv. */
export function badBodies(schema: JsonSchema, max: number): BadCase[] {
  const base = validValue(schema);
  const baseValid = accepts(schema, base, 'body');
  const cases: BadCase[] = [
    { label: 'an array instead of an object', value: [] },
    { label: 'a string instead of an object', value: 'text' },
    { label: 'a number instead of an object', value: 42 },
  ];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const baseObject = (base && typeof base === 'object' && !Array.isArray(base) ? base : {}) as Record<string, unknown>;
  for (const name of (schema.required ?? []) as string[]) {
    const { [name]: _dropped, ...rest } = baseObject;
    cases.push({ label: `missing required ${name}`, value: rest, field: baseValid ? `body/${name}` : undefined });
  }
  for (const [name, property] of Object.entries(properties)) {
    for (const bad of badValuesOf(property, false)) {
      cases.push({ label: `${name}: ${bad.label}`, value: { ...baseObject, [name]: bad.value }, field: baseValid ? `body/${name}` : undefined });
    }
  }
  return cases.filter((c) => !accepts(schema, c.value, 'body')).slice(0, max);
}

/** Query strings that break one parameter each (values are text, as on the wire). */
export function badQueries(params: Array<{ name: string; required: boolean; schema: JsonSchema }>, max: number): BadCase[] {
  if (params.length === 0) return [];
  const schema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
  const base = validQuery(params);
  const baseValid = accepts(schema, base, 'querystring');
  const cases: BadCase[] = [];
  for (const p of params) {
    if (p.required) {
      const { [p.name]: _dropped, ...rest } = base;
      cases.push({ label: `missing required ${p.name}`, value: rest, field: baseValid ? `query/${p.name}` : undefined });
    }
    for (const bad of badValuesOf(p.schema, true)) {
      if (typeof bad.value !== 'string') continue;
      cases.push({ label: `${p.name}: ${bad.label}`, value: { ...base, [p.name]: bad.value }, field: baseValid ? `query/${p.name}` : undefined });
    }
  }
  return cases.filter((c) => !accepts(schema, c.value, 'querystring')).slice(0, max);
}

/** Text values for the required parameters (path, query or header). */
export function validQuery(params: Array<{ name: string; required: boolean; schema: JsonSchema }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of params) {
    if (!p.required) continue;
    const value = validValue(p.schema);
    out[p.name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}
