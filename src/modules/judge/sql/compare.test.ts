import { describe, expect, it } from 'vitest';
import { compareResults } from './compare.js';
import { firstKeyword } from './statement.js';

const result = (columns: string[], rows: unknown[][]) => ({ columns, rows });

describe('comparing SQL result sets', () => {
  it('matches the same rows in another order unless the question asks for order', () => {
    const expected = result(['id', 'name'], [[1, 'Ann'], [2, 'Bob']]);
    const reversed = result(['id', 'name'], [[2, 'Bob'], [1, 'Ann']]);
    expect(compareResults(expected, reversed, { ordered: false })).toEqual({ equal: true });
    expect(compareResults(expected, reversed, { ordered: true })).toEqual({ equal: false, reason: 'Row 1 differs from the expected result' });
  });

  it('matches column names in any case and any column order', () => {
    const expected = result(['Id', 'Name'], [[1, 'Ann']]);
    expect(compareResults(expected, result(['name', 'id'], [['Ann', 1]]), { ordered: true }).equal).toBe(true);
    expect(compareResults(expected, result(['id', 'title'], [[1, 'Ann']]), { ordered: true })).toEqual({
      equal: false,
      reason: 'Expected the columns (Id, Name), got (id, title)',
    });
  });

  it('compares numbers with a tolerance and numeric text as numbers', () => {
    const expected = result(['avg'], [[2.5]]);
    expect(compareResults(expected, result(['avg'], [[2.5000000001]]), { ordered: true }).equal).toBe(true);
    expect(compareResults(expected, result(['avg'], [['2.50']]), { ordered: true }).equal).toBe(true);
    expect(compareResults(expected, result(['avg'], [[2.51]]), { ordered: true }).equal).toBe(false);
    expect(compareResults(result(['n'], [['007']]), result(['n'], [['7']]), { ordered: true }).equal).toBe(false);
  });

  it('treats NULL as equal to NULL and to nothing else', () => {
    expect(compareResults(result(['x'], [[null]]), result(['x'], [[null]]), { ordered: true }).equal).toBe(true);
    expect(compareResults(result(['x'], [[null]]), result(['x'], [[0]]), { ordered: true }).equal).toBe(false);
    expect(compareResults(result(['x'], [[null]]), result(['x'], [['']]), { ordered: true }).equal).toBe(false);
  });

  it('counts duplicate rows', () => {
    const expected = result(['x'], [[1], [1], [2]]);
    expect(compareResults(expected, result(['x'], [[1], [2], [2]]), { ordered: false }).equal).toBe(false);
    expect(compareResults(expected, result(['x'], [[2], [1], [1]]), { ordered: false }).equal).toBe(true);
    expect(compareResults(expected, result(['x'], [[1], [2]]), { ordered: false })).toEqual({ equal: false, reason: 'Expected 3 rows, got 2' });
  });

  it('matches near-equal numbers that sort apart', () => {
    const expected = result(['x', 'y'], [[0.1 + 0.2, 'a'], [0.3, 'b']]);
    expect(compareResults(expected, result(['x', 'y'], [[0.3, 'a'], [0.30000000000000004, 'b']]), { ordered: false }).equal).toBe(true);
  });

  it('compares JSON and array values deeply', () => {
    const expected = result(['j'], [[{ a: [1, 2], b: null }]]);
    expect(compareResults(expected, result(['j'], [[{ b: null, a: [1, 2] }]]), { ordered: true }).equal).toBe(true);
    expect(compareResults(expected, result(['j'], [[{ a: [2, 1], b: null }]]), { ordered: true }).equal).toBe(false);
  });
});

describe('the first keyword of a statement', () => {
  it('skips blanks, comments and parentheses', () => {
    expect(firstKeyword('  -- note\n /* block */ (SELECT 1)')).toBe('select');
    expect(firstKeyword('WITH x AS (SELECT 1) SELECT * FROM x')).toBe('with');
    expect(firstKeyword('/* unterminated')).toBe('');
    expect(firstKeyword('delete from t')).toBe('delete');
  });
});
