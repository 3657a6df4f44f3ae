import { describe, expect, it } from 'vitest';
import { outputMatches, trimmedLines } from './compare-output.js';

describe('output comparison', () => {
  it('exact compares byte for byte', () => {
    expect(outputMatches('1\n', '1\n', { mode: 'exact' })).toBe(true);
    expect(outputMatches('1\n', '1', { mode: 'exact' })).toBe(false);
  });

  it('trimmed ignores trailing spaces per line, CRLF and trailing blank lines, not leading or inner ones', () => {
    expect(trimmedLines('a  \r\nb\t\n\n\n')).toBe('a\nb');
    expect(outputMatches('a \nb\n\n', 'a\nb', { mode: 'trimmed' })).toBe(true);
    expect(outputMatches(' a\nb', 'a\nb', { mode: 'trimmed' })).toBe(false);
    expect(outputMatches('a\n\nb', 'a\nb', { mode: 'trimmed' })).toBe(false);
  });

  it('float matches numbers within the absolute or relative epsilon, other tokens exactly', () => {
    const float = (abs: number, rel: number) => ({ mode: 'float' as const, abs_epsilon: abs, rel_epsilon: rel });
    expect(outputMatches('0.333333 x\n', '0.3333333333 x', float(1e-6, 0))).toBe(true);
    expect(outputMatches('0.3334 x', '0.3333333333 x', float(1e-6, 0))).toBe(false);
    expect(outputMatches('1000001', '1e6', float(0, 1e-5))).toBe(true);
    expect(outputMatches('1 2', '1 2 3', float(1, 1))).toBe(false);
    expect(outputMatches('yes', 'no', float(1, 1))).toBe(false);
    expect(outputMatches('NaN', 'NaN', float(1e-6, 1e-6))).toBe(true);
    expect(outputMatches('0.5', '.5', { mode: 'float' })).toBe(true);
  });
});
