// Is the candidate's result set the expected one? Column names (any case, any column order),
// then rows: in order only when the question says order matters; numbers within a tolerance;
// NULL equals NULL.

export interface ComparableResult {
  columns: string[];
  rows: unknown[][];
}

export interface CompareOptions {
  ordered: boolean;
  absEpsilon?: number;
  relEpsilon?: number;
}

export type Comparison = { equal: true } | { equal: false; reason: string };

const numeric = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && numeric.test(value.trim())) return Number(value);
  return undefined;
}

function sameValue(a: unknown, b: unknown, abs: number, rel: number): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  // A number against a number, or against numeric text (an expected output written as "2.50").
  if (typeof a === 'number' || typeof b === 'number') {
    const x = numberOf(a);
    const y = numberOf(b);
    if (x === undefined || y === undefined) return false;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
    return x === y || Math.abs(x - y) <= Math.max(abs, rel * Math.max(Math.abs(x), Math.abs(y)));
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i], abs, rel));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue((a as never)[k], (b as never)[k], abs, rel));
  }
  return a === b;
}

function sameRow(a: unknown[], b: unknown[], abs: number, rel: number): boolean {
  return a.length === b.length && a.every((v, i) => sameValue(v, b[i], abs, rel));
}

/** Where each expected column sits in the actual result, or undefined when the names differ. */
function columnMap(expected: string[], actual: string[]): number[] | undefined {
  if (expected.length !== actual.length) return undefined;
  const lower = actual.map((c) => c.toLowerCase());
  const used = new Set<number>();
  const map: number[] = [];
  for (const name of expected) {
    const at = lower.findIndex((c, i) => c === name.toLowerCase() && !used.has(i));
    if (at === -1) return undefined;
    used.add(at);
    map.push(at);
  }
  return map;
}

/** A sort key that puts equal rows next to each other (numbers rounded below the tolerance). */
function sortKey(row: unknown[]): string {
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(9)) : value));
}

function sameMultiset(expected: unknown[][], actual: unknown[][], abs: number, rel: number): boolean {
  const sorted = (rows: unknown[][]) =>
    rows
      .map((row) => ({ key: sortKey(row), row }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .map((entry) => entry.row);
  const e = sorted(expected);
  const a = sorted(actual);
  if (e.every((row, i) => sameRow(row, a[i], abs, rel))) return true;
  // Rounding put near-equal rows in different places: match each expected row to any unused one.
  const unused = new Set(a.keys());
  return e.every((row) => {
    for (const i of unused) {
      if (sameRow(row, a[i], abs, rel)) return unused.delete(i);
    }
    return false;
  });
}

export function compareResults(expected: ComparableResult, actual: ComparableResult, options: CompareOptions): Comparison {
  const abs = options.absEpsilon ?? 1e-6;
  const rel = options.relEpsilon ?? 1e-9;
  const map = columnMap(expected.columns, actual.columns);
  if (!map) return { equal: false, reason: `Expected the columns (${expected.columns.join(', ')}), got (${actual.columns.join(', ')})` };
  if (expected.rows.length !== actual.rows.length) {
    return { equal: false, reason: `Expected ${expected.rows.length} rows, got ${actual.rows.length}` };
  }
  const rows = actual.rows.map((row) => map.map((i) => row[i]));
  if (!options.ordered) {
    return sameMultiset(expected.rows, rows, abs, rel) ? { equal: true } : { equal: false, reason: 'The rows differ from the expected result' };
  }
  const differs = expected.rows.findIndex((row, i) => !sameRow(row, rows[i], abs, rel));
  return differs === -1 ? { equal: true } : { equal: false, reason: `Row ${differs + 1} differs from the expected result` };
}
