/**
 * The Coodesh `query` parameter: a JSONLogic tree, base64-encoded (plain JSON also accepted), turned
 * into a parameterized Drizzle `SQL` condition over a per-resource whitelist of fields.
 *
 *   FilterQuery(fields)               TypeBox field `{ query }` to spread into a querystring schema
 *   jsonLogicFilter(query, fields)    SQL | undefined (undefined when query is absent or empty);
 *                                     any problem is a 400 `invalid_filter` with details field `query/query`
 *   fields: { [name]: { column: PgColumn | SQL, type: 'text' | 'number' | 'date' | 'boolean' | 'text[]' } }
 *
 * Operators (field = {"var":"name"}, value = a JSON literal):
 *   and, or (1+ conditions) · ! (one condition, or a boolean field) · a boolean field alone means true
 *   ==, != (loose: "12" fits a number field) · ===, !== (strict JSON types) · null means IS NULL
 *   <, <=, >, >= (number, date, text) · {"<":[1,{"var":"n"},5]} and <= with 3 args: between, exclusive/inclusive
 *   in: field in [values] → = ANY($1) (a text[] field: overlaps) · value in text[] field → contains ·
 *       "text" in text field → substring
 *   == / != between a text[] field and a value: contains / does not contain
 * Limits: filterLimits in decode-filter.ts (depth 10, 200 nodes, 1000 values a list, 8 KB).
 * Values only ever reach the database as bound parameters; field names only pick whitelist entries.
 *
 *   const employeeFilters: FilterFields = {
 *     status: { column: memberships.status, type: 'text' },
 *     roles: { column: memberships.roles, type: 'text' },
 *     tags: { column: memberships.tags, type: 'text[]' },
 *   };
 *   querystring: Type.Object({ ...PageQuery, ...FilterQuery(employeeFilters) })
 *   where: and(eq(memberships.workspaceId, tenant.workspaceId), jsonLogicFilter(request.query.query, employeeFilters))
 */
import { Type } from 'typebox';
import { and, not, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { decodeFilter, filterLimits, invalidFilter } from './decode-filter.js';
import { coerce, listParam, param, type FilterFieldType, type Strictness } from './filter-values.js';

export { filterLimits } from './decode-filter.js';
export type { FilterFieldType } from './filter-values.js';

export interface FilterField {
  column: PgColumn | SQL;
  type: FilterFieldType;
}
export type FilterFields = Record<string, FilterField>;

/** The `query` querystring field, documenting which fields this list accepts. */
export function FilterQuery(fields: FilterFields) {
  return {
    query: Type.Optional(
      Type.String({
        description:
          `JSONLogic filter, base64-encoded (plain JSON is accepted too). Fields: ${Object.keys(fields).join(', ')}. ` +
          'Operators: and, or, !, ==, !=, ===, !==, <, <=, >, >=, in, var.',
        examples: ['eyI9PSI6W3sidmFyIjoic3RhdHVzIn0sImFjdGl2ZSJdfQ=='],
      }),
    ),
  };
}

export function jsonLogicFilter(query: string | undefined, fields: FilterFields): SQL | undefined {
  const tree = decodeFilter(query);
  if (tree === undefined) return undefined;
  // `{}` is what some clients send for "no filter".
  if (isObject(tree) && Object.keys(tree).length === 0) return undefined;
  return new Translation(fields).condition(tree, 1);
}

type FieldRef = { name: string; field: FilterField };
type Operand = { field: FieldRef } | { value: unknown };

const comparisons: Record<string, { sql: string; flipped: string }> = {
  '<': { sql: '<', flipped: '>' },
  '<=': { sql: '<=', flipped: '>=' },
  '>': { sql: '>', flipped: '<' },
  '>=': { sql: '>=', flipped: '<=' },
};
const supported = ['and', 'or', '!', '==', '!=', '===', '!==', '<', '<=', '>', '>=', 'in', 'var'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Translation {
  private nodes = 0;

  constructor(private readonly fields: FilterFields) {}

  private count(): void {
    this.nodes += 1;
    if (this.nodes > filterLimits.maxNodes) throw invalidFilter(`has more than ${filterLimits.maxNodes} nodes`);
  }

  condition(node: unknown, depth: number): SQL {
    if (depth > filterLimits.maxDepth) throw invalidFilter(`is nested deeper than ${filterLimits.maxDepth} levels`);
    this.count();
    const keys = isObject(node) ? Object.keys(node) : [];
    if (!isObject(node) || keys.length !== 1) {
      throw invalidFilter('each condition must be an object with one operator, e.g. {"==":[{"var":"status"},"active"]}');
    }
    const operator = keys[0];
    const raw = node[operator];
    const args = Array.isArray(raw) ? raw : [raw];
    switch (operator) {
      case 'and':
      case 'or': {
        if (args.length === 0) throw invalidFilter(`"${operator}" needs at least one condition`);
        const parts = args.map((arg) => this.condition(arg, depth + 1));
        return (operator === 'and' ? and(...parts) : or(...parts)) as SQL;
      }
      case '!': {
        if (args.length !== 1) throw invalidFilter('"!" takes exactly one condition');
        return not(sql`coalesce(${this.truthy(args[0], depth + 1)}, false)`);
      }
      case 'var':
        return this.booleanField(this.fieldOf(raw), true);
      case '==':
      case '!=':
        return this.equality(operator, args, 'loose', depth);
      case '===':
      case '!==':
        return this.equality(operator, args, 'strict', depth);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return args.length === 3 ? this.between(operator, args, depth) : this.comparison(operator, args, depth);
      case 'in':
        return this.membership(args, depth);
      default:
        throw invalidFilter(`operator ${JSON.stringify(operator.slice(0, 40))} is not supported; use one of: ${supported.join(', ')}`);
    }
  }

  /** The operand of `!`: a condition, or a boolean field on its own. */
  private truthy(node: unknown, depth: number): SQL {
    if (isObject(node) && Object.keys(node).length === 1 && 'var' in node) {
      this.count();
      return this.booleanField(this.fieldOf(node.var), true);
    }
    return this.condition(node, depth);
  }

  private booleanField(ref: FieldRef, expected: boolean): SQL {
    if (ref.field.type !== 'boolean') throw invalidFilter(`field "${ref.name}" is not boolean, so it cannot stand alone as a condition`);
    return sql`${ref.field.column} = ${expected}`;
  }

  private fieldOf(spec: unknown): FieldRef {
    const name: unknown = Array.isArray(spec) && spec.length === 1 ? spec[0] : spec;
    if (typeof name !== 'string') throw invalidFilter('"var" takes a field name (defaults are not supported)');
    if (!Object.hasOwn(this.fields, name)) {
      throw invalidFilter(`field ${JSON.stringify(name.slice(0, 64))} cannot be filtered here; use one of: ${Object.keys(this.fields).join(', ')}`);
    }
    return { name, field: this.fields[name] };
  }

  private operand(node: unknown, depth: number): Operand {
    if (depth > filterLimits.maxDepth) throw invalidFilter(`is nested deeper than ${filterLimits.maxDepth} levels`);
    this.count();
    if (isObject(node)) {
      if (Object.keys(node).length === 1 && 'var' in node) return { field: this.fieldOf(node.var) };
      throw invalidFilter('operands must be {"var":"field"} or literal values');
    }
    if (Array.isArray(node) && node.length > filterLimits.maxListLength) throw invalidFilter(`has a list longer than ${filterLimits.maxListLength} values`);
    return { value: node };
  }

  /** A field on one side and a literal on the other, in either order. */
  private fieldAndValue(operator: string, args: unknown[], depth: number): { ref: FieldRef; value: unknown; flipped: boolean } {
    if (args.length !== 2) throw invalidFilter(`"${operator}" takes two operands`);
    const [left, right] = args.map((arg) => this.operand(arg, depth + 1));
    if ('field' in left && 'value' in right) return { ref: left.field, value: right.value, flipped: false };
    if ('value' in left && 'field' in right) return { ref: right.field, value: left.value, flipped: true };
    throw invalidFilter(`"${operator}" compares one {"var":...} with one value`);
  }

  private scalar(ref: FieldRef, value: unknown, strictness: Strictness): SQL {
    if (Array.isArray(value) || isObject(value)) throw invalidFilter(`a list is not a valid value for field "${ref.name}" here`);
    const type = ref.field.type === 'text[]' ? 'text' : ref.field.type;
    return param(coerce(ref.name, type, value, strictness));
  }

  private equality(operator: string, args: unknown[], strictness: Strictness, depth: number): SQL {
    const { ref, value } = this.fieldAndValue(operator, args, depth);
    const negated = operator.startsWith('!');
    const column = ref.field.column;
    if (value === null) return negated ? sql`${column} is not null` : sql`${column} is null`;
    if (ref.field.type === 'text[]') {
      const contains = sql`coalesce(${this.scalar(ref, value, strictness)} = any(${column}), false)`;
      return negated ? not(contains) : contains;
    }
    const bound = this.scalar(ref, value, strictness);
    // JSONLogic's != is true for a missing value; IS DISTINCT FROM keeps NULL rows, where <> would drop them.
    return negated ? sql`${column} is distinct from ${bound}` : sql`${column} = ${bound}`;
  }

  private ordered(ref: FieldRef, operator: string): void {
    if (ref.field.type === 'boolean' || ref.field.type === 'text[]') {
      throw invalidFilter(`"${operator}" does not apply to ${ref.field.type} field "${ref.name}"`);
    }
  }

  private comparison(operator: string, args: unknown[], depth: number): SQL {
    const { ref, value, flipped } = this.fieldAndValue(operator, args, depth);
    this.ordered(ref, operator);
    if (value === null) throw invalidFilter(`"${operator}" cannot compare with null`);
    const op = flipped ? comparisons[operator].flipped : comparisons[operator].sql;
    return sql`${ref.field.column} ${sql.raw(op)} ${this.scalar(ref, value, 'loose')}`;
  }

  /** `{"<":[low, {"var":f}, high]}`: low < f < high (with `<=`: inclusive). */
  private between(operator: string, args: unknown[], depth: number): SQL {
    if (operator !== '<' && operator !== '<=') throw invalidFilter(`"${operator}" takes two operands (only < and <= take three)`);
    const [low, middle, high] = args.map((arg) => this.operand(arg, depth + 1));
    if (!('value' in low && 'field' in middle && 'value' in high)) throw invalidFilter(`"${operator}" with three operands needs [value, {"var":...}, value]`);
    const ref = middle.field;
    this.ordered(ref, operator);
    if (low.value === null || high.value === null) throw invalidFilter(`"${operator}" cannot compare with null`);
    const lower = sql.raw(operator === '<' ? '>' : '>=');
    const upper = sql.raw(operator);
    const column = ref.field.column;
    return sql`(${column} ${lower} ${this.scalar(ref, low.value, 'loose')} and ${column} ${upper} ${this.scalar(ref, high.value, 'loose')})`;
  }

  private membership(args: unknown[], depth: number): SQL {
    const { ref, value, flipped } = this.fieldAndValue('in', args, depth);
    const column = ref.field.column;
    if (!flipped) {
      if (!Array.isArray(value)) throw invalidFilter(`"in" needs a list of values after field "${ref.name}"`);
      if (value.length === 0) return sql`false`;
      const elementType = ref.field.type === 'text[]' ? 'text' : ref.field.type;
      const values = value.map((v) => {
        if (v === null || typeof v === 'object') throw invalidFilter(`the list for field "${ref.name}" may hold only ${elementType} values`);
        return coerce(ref.name, elementType, v, 'loose');
      });
      // A text[] field "in" a list: any shared element (the seed's roles example).
      return ref.field.type === 'text[]' ? sql`${column} && ${listParam(values)}` : sql`${column} = any(${listParam(values)})`;
    }
    if (ref.field.type === 'text[]') return sql`coalesce(${this.scalar(ref, value, 'loose')} = any(${column}), false)`;
    if (ref.field.type === 'text') return sql`strpos(${column}, ${this.scalar(ref, value, 'strict')}) > 0`;
    throw invalidFilter(`"in" with a value first needs a text or text[] field, not ${ref.field.type} field "${ref.name}"`);
  }
}
