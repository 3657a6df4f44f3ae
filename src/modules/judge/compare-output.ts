import type { Comparison } from './verdict.js';

export const DEFAULT_EPSILON = 1e-6;

/** Whether a program's output matches the expected output under the question's comparison rule. */
export function outputMatches(actual: string, expected: string, comparison: Comparison): boolean {
  if (comparison.mode === 'exact') return actual === expected;
  if (comparison.mode === 'trimmed') return trimmedLines(actual) === trimmedLines(expected);
  return floatTokensMatch(actual, expected, comparison.abs_epsilon ?? DEFAULT_EPSILON, comparison.rel_epsilon ?? DEFAULT_EPSILON);
}

/** CRLF as LF, trailing whitespace of each line dropped, trailing blank lines dropped. */
export function trimmedLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Token by token (any whitespace separates): numbers match within |a-b| <= abs or <= rel*|b|,
 * anything else must be equal.
 */
function floatTokensMatch(actual: string, expected: string, abs: number, rel: number): boolean {
  const a = actual.split(/\s+/).filter(Boolean);
  const b = expected.split(/\s+/).filter(Boolean);
  if (a.length !== b.length) return false;
  return a.every((token, i) => {
    const want = b[i];
    if (token === want) return true;
    if (!NUMBER.test(token) || !NUMBER.test(want)) return false;
    const x = Number(token);
    const y = Number(want);
    const diff = Math.abs(x - y);
    return diff <= abs || diff <= rel * Math.abs(y);
  });
}
