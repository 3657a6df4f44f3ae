import { createHash } from 'node:crypto';

/** A small deterministic PRNG (mulberry32): the same seed gives the same sequence on every server. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for one list of the attempt (its questions, one question's choices), from the attempt's seed. */
export function seedFor(attemptSeed: number, list: string): number {
  return createHash('sha256').update(`${attemptSeed}:${list}`).digest().readUInt32BE(0);
}

/** `items` in the order a seed gives (Fisher–Yates); the input is left as is. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A random seed for a new attempt (the `attempts.seed` integer column). */
export function newAttemptSeed(): number {
  return Math.floor(Math.random() * 2_147_483_647);
}
