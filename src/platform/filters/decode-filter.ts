import { AppError } from '../errors.js';

/** Bounds on what a client may send in `query`, so a filter can never be an expensive request. */
export const filterLimits = {
  /** Characters of the raw parameter (base64 or JSON). */
  maxLength: 8192,
  /** Nesting of operators (`{"and":[{"or":[...]}]}` is depth 2). */
  maxDepth: 10,
  /** Operators, vars and scalar values; a literal list counts as one node. */
  maxNodes: 200,
  /** Values in one literal list (`in`). */
  maxListLength: 1000,
};

/** A 400 on the `query` parameter, saying what is wrong with it. */
export function invalidFilter(problem: string): AppError {
  const message = `query: ${problem}`;
  return new AppError(400, 'invalid_filter', message, [{ field: 'query/query', message }]);
}

const base64Pattern = /^[A-Za-z0-9+/_-]+={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON value inside the `query` parameter; undefined when the parameter is empty.
 *
 * The seed sends base64(JSON). Plain JSON is also accepted: base64 never starts with `{`, so a
 * value beginning with `{` is read as JSON and anything else as base64 (standard or URL-safe,
 * padding optional). A space is read as `+`, because an unescaped `+` in a query string arrives
 * as a space.
 */
export function decodeFilter(raw: string | undefined): unknown {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  if (text.length > filterLimits.maxLength) throw invalidFilter(`is longer than ${filterLimits.maxLength} characters`);
  const json = text.startsWith('{') ? text : fromBase64(text);
  try {
    return JSON.parse(json);
  } catch {
    throw invalidFilter(text.startsWith('{') ? 'is not valid JSON' : 'is base64 but not of valid JSON');
  }
}

function fromBase64(text: string): string {
  const normalized = text.replace(/ /g, '+');
  if (!base64Pattern.test(normalized)) throw invalidFilter('is neither base64 nor a JSON object');
  const bytes = Buffer.from(normalized.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalidFilter('is base64 but not of UTF-8 text');
  }
}
