import type { JsonSchema } from './openapi.js';
import { accepts, enumOf, jsonTypesOf, validValue } from './schema-samples.js';

/**
 * Values the schema accepts but a handler or the database may not: empty and huge strings,
 * unicode, SQL and LIKE metacharacters, lone surrogates, dates at the ends of the calendar,
 * integers past 32 bits, floats at the ends of the double range, empty and repeated arrays,
 * prototype keys. Each case sets one property of a valid instance; every case is checked to pass
 * the server's own validation, so a 4xx from the handler or a 2xx are both fine, and only a 5xx
 * is a bug.
 */
export interface EdgeCase {
  label: string;
  value: unknown;
}

const strings = ['', ' ', 'Zoë 😀 中文 עברית', "' OR 1=1; --", '%_\\%', '\ud800', '../../etc/passwd', '<script>alert(1)</script>'];
const dateTimes = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '1970-01-01T00:00:00+14:00', '2024-02-29T12:00:00.123456Z'];
const dates = ['0001-01-01', '9999-12-31', '2024-02-29'];
const emails = ['a@b.co', 'User+Tag@Example.COM', "o'brien@example.com", `${'l'.repeat(64)}@${'d'.repeat(60)}.example.com`, 'zoë@exämple.com'];
const integers = [0, -1, 2_147_483_647, 2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
const numbers = [0, -0, 1e-300, 1e308, -1e308, 0.30000000000000004];

function leafEdges(schema: JsonSchema, textual: boolean): EdgeCase[] {
  if (enumOf(schema)) return [];
  const types = jsonTypesOf(schema) ?? new Set();
  const out: EdgeCase[] = [];
  if (types.has('string')) {
    const format = schema.format;
    const values =
      format === 'date-time' ? dateTimes : format === 'date' ? dates : format === 'email' ? emails : [...strings, 'x'.repeat(Math.min(Number(schema.maxLength ?? 5000), 5000))];
    for (const value of values) out.push({ label: `string ${JSON.stringify(value.slice(0, 24))}${value.length > 24 ? `… (${value.length})` : ''}`, value });
  }
  if (types.has('integer') || types.has('number')) {
    for (const value of types.has('integer') ? integers : [...integers, ...numbers]) out.push({ label: `number ${value}`, value: textual ? String(value) : value });
  }
  if (textual) return out;
  if (types.has('array')) {
    const item = validValue((schema.items ?? {}) as JsonSchema);
    out.push({ label: 'empty array', value: [] }, { label: 'repeated items', value: [item, item, item] });
  }
  if (types.has('object') || schema.properties) {
    out.push({ label: 'prototype keys', value: JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') });
  }
  return out;
}

/** Whole instances of `schema`, each a valid one with one value, at any depth, set to an edge value. */
function variants(schema: JsonSchema, depth: number): EdgeCase[] {
  const base = validValue(schema);
  const cases = leafEdges(schema, false);
  if (depth >= 3) return cases;
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties && typeof base === 'object' && base !== null && !Array.isArray(base)) {
    for (const [name, property] of Object.entries(properties)) {
      for (const inner of variants(property, depth + 1)) cases.push({ label: `${name}: ${inner.label}`, value: { ...base, [name]: inner.value } });
    }
  }
  const items = schema.items as JsonSchema | undefined;
  if (items && jsonTypesOf(schema)?.has('array')) {
    for (const inner of variants(items, depth + 1)) cases.push({ label: `[0] ${inner.label}`, value: [inner.value] });
  }
  return cases;
}

/** Edge cases for a JSON body: one value at a time, optional and nested properties included. */
export function edgeBodies(schema: JsonSchema, max: number): EdgeCase[] {
  return variants(schema, 0)
    .filter((c) => typeof c.value === 'object' && c.value !== null && !Array.isArray(c.value))
    .filter((c) => accepts(schema, c.value, 'body'))
    .slice(0, max);
}

/** Edge cases for a query string: one parameter at a time. */
export function edgeQueries(params: Array<{ name: string; schema: JsonSchema }>, base: Record<string, string>, max: number): EdgeCase[] {
  const schema: JsonSchema = { type: 'object', properties: Object.fromEntries(params.map((p) => [p.name, p.schema])) };
  const cases: EdgeCase[] = [];
  for (const p of params) {
    for (const edge of leafEdges(p.schema, true)) cases.push({ label: `${p.name}: ${edge.label}`, value: { ...base, [p.name]: edge.value } });
  }
  return cases.filter((c) => accepts(schema, c.value, 'querystring')).slice(0, max);
}
