/** Source code as written: a raw template (backslashes kept), without the newline after the opening backtick. */
export function source(strings: TemplateStringsArray, ...values: unknown[]): string {
  return String.raw(strings, ...values).replace(/^\n/, '');
}

/** Deterministic pseudo-random integers in [min, max] (a linear congruential generator), for large hidden tests. */
export function integers(seed: number, count: number, min: number, max: number): number[] {
  let state = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out.push(min + (state % (max - min + 1)));
  }
  return out;
}

/** Deterministic text of `count` characters drawn from `alphabet`. */
export function letters(seed: number, count: number, alphabet: string): string {
  return integers(seed, count, 0, alphabet.length - 1)
    .map((i) => alphabet[i])
    .join('');
}
