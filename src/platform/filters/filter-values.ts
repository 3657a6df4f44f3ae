import { sql, type SQL } from 'drizzle-orm';
import { invalidFilter } from './decode-filter.js';

export type FilterFieldType = 'text' | 'number' | 'date' | 'boolean' | 'text[]';

/**
 * `==`, `!=` and the comparisons are loose, as in JSONLogic: "12" matches a number field, 12 a text
 * field, "true" a boolean. `===` and `!==` want the JSON type that matches the field.
 */
export type Strictness = 'loose' | 'strict';

const numeric = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const isoDate = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const int32 = 2 ** 31 - 1;

function describe(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 40) ?? String(value);
}

/** A JS value of the field's type, or a 400 naming the field and the value. */
export function coerce(name: string, type: FilterFieldType, value: unknown, strictness: Strictness): string | number | boolean {
  const wrong = () => invalidFilter(`${describe(value)} is not a valid value for ${type} field "${name}"`);
  switch (type) {
    case 'text':
    case 'text[]':
      if (typeof value === 'string') return checkedText(value, name);
      if (strictness === 'loose' && typeof value === 'number' && Number.isFinite(value)) return String(value);
      throw wrong();
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (strictness === 'loose' && typeof value === 'string' && numeric.test(value.trim())) return Number(value);
      throw wrong();
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (strictness === 'loose' && (value === 'true' || value === 1)) return true;
      if (strictness === 'loose' && (value === 'false' || value === 0)) return false;
      throw wrong();
    case 'date':
      return dateValue(value, strictness, wrong);
  }
}

function checkedText(value: string, name: string): string {
  // PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
  if (value.includes('\u0000')) throw invalidFilter(`a value for "${name}" contains a NUL character`);
  return value;
}

/** An ISO 8601 date or timestamp (or epoch milliseconds when loose), normalized so PostgreSQL always accepts it. */
function dateValue(value: unknown, strictness: Strictness, wrong: () => Error): string {
  let time = Number.NaN;
  if (typeof value === 'string' && isoDate.test(value) && realDay(value)) time = Date.parse(value);
  if (strictness === 'loose' && typeof value === 'number' && Number.isFinite(value)) time = value;
  const date = new Date(time);
  if (Number.isNaN(time) || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) throw wrong();
  return date.toISOString();
}

/** V8 reads 2024-02-30 as March 1st: refuse days the month does not have. */
function realDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * One bound parameter. Numbers that fit an int4 are left untyped so PostgreSQL takes the column's
 * type (and its index); others are bound as numeric, so 1.5 against an integer column compares
 * instead of failing to cast.
 */
export function param(value: string | number | boolean): SQL {
  if (typeof value === 'number' && !(Number.isInteger(value) && Math.abs(value) <= int32)) return sql`${value}::numeric`;
  return sql`${value}`;
}

/** A literal list bound as ONE array parameter (`= ANY($1)`), with the same typing rule. */
export function listParam(values: Array<string | number | boolean>): SQL {
  const wide = values.some((v) => typeof v === 'number' && !(Number.isInteger(v) && Math.abs(v) <= int32));
  return wide ? sql`${sql.param(values)}::numeric[]` : sql`${sql.param(values)}`;
}
