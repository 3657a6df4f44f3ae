import pg from 'pg';

/**
 * Replaces the `$n` placeholders of a query with the values as SQL literals, for the one statement
 * that cannot take parameters: `COPY (SELECT ...) TO STDOUT`.
 *
 * Each value is first turned into the text node-postgres would send for it as a parameter (arrays
 * become `{...}` array literals, dates ISO timestamps, objects JSON), then quoted with
 * node-postgres' `escapeLiteral` (an `E'...'` literal when backslashes occur, so it is right whatever
 * `standard_conforming_strings` says). node-postgres sends every parameter as untyped text, and an
 * untyped quoted literal is resolved by PostgreSQL from its context the same way, so the inlined
 * statement means what the parameterized one means. Placeholders are found only outside quoted
 * literals, quoted identifiers, dollar-quoted strings and comments.
 */
export function inlineParams(text: string, params: unknown[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const end = skipQuoted(text, i);
    if (end > i) {
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '$' && /[0-9]/.test(text[i + 1] ?? '') && !/[A-Za-z0-9_$]/.test(text[i - 1] ?? '')) {
      let j = i + 1;
      while (/[0-9]/.test(text[j] ?? '')) j += 1;
      const index = Number(text.slice(i + 1, j)) - 1;
      if (index < 0 || index >= params.length) throw new Error(`inlineParams: no value for $${index + 1}`);
      out += literal(params[index]);
      i = j;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

/** The text form of a parameter value, as node-postgres' prepareValue makes it. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  throw new TypeError(`cannot inline a ${typeof value} parameter`);
}

function arrayLiteral(values: unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    return `"${asText(item)!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

function literal(value: unknown): string {
  const text = asText(value);
  if (text === null) return 'NULL';
  // PostgreSQL text cannot hold NUL, and a bound parameter with one fails too: refuse it.
  if (text.includes('\u0000')) throw new Error('inlineParams: a value contains a NUL character');
  return pg.escapeLiteral(text);
}

/** The end of a quoted literal, quoted identifier, dollar-quoted string or comment starting at i; i when none starts there. */
function skipQuoted(text: string, i: number): number {
  const c = text[i];
  if (c === "'") {
    const escapes = /[eE]/.test(text[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(text[i - 2] ?? '');
    let j = i + 1;
    while (j < text.length) {
      if (escapes && text[j] === '\\') j += 2;
      else if (text[j] === "'" && text[j + 1] === "'") j += 2;
      else if (text[j] === "'") return j + 1;
      else j += 1;
    }
    return text.length;
  }
  if (c === '"') {
    const j = text.indexOf('"', i + 1);
    return j < 0 ? text.length : j + 1;
  }
  if (c === '-' && text[i + 1] === '-') {
    const j = text.indexOf('\n', i);
    return j < 0 ? text.length : j + 1;
  }
  if (c === '/' && text[i + 1] === '*') {
    const j = text.indexOf('*/', i + 2);
    return j < 0 ? text.length : j + 2;
  }
  if (c === '$') {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i));
    if (tag && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
      const j = text.indexOf(tag[0], i + tag[0].length);
      return j < 0 ? text.length : j + tag[0].length;
    }
  }
  return i;
}
