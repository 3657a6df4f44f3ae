import { createHash } from 'node:crypto';

/** The id of a taxonomy skill, derived from its slug, so shipped content (the starter catalog) can name it before it is loaded. */
export function skillIdOf(slug: string): string {
  return createHash('sha256').update(`skill:${slug}`).digest('hex').slice(0, 24);
}
