import { createHash } from 'node:crypto';
import type { QuestionContent } from '../content.js';
import type { QuestionLevel, QuestionType } from '../schema.js';

/** The id of a starter-catalog question, derived from its slug, so reloading the catalog updates rows instead of adding them. */
export function catalogIdOf(slug: string): string {
  return createHash('sha256').update(`question:${slug}`).digest('hex').slice(0, 24);
}

/** Titles (and optionally choice texts) in Portuguese and Spanish; English is the main locale. */
export interface CatalogTranslation {
  title: string;
  description?: string;
  choices?: Record<string, string>;
}

/** One question of the starter catalog as it is written; `catalogRows` turns it into a `public_questions` row. */
export interface CatalogQuestion {
  slug: string;
  type: QuestionType;
  level: QuestionLevel;
  /** Minutes. */
  duration: number;
  /** Taxonomy slugs (skills/taxonomy.ts); stored as `skillIdOf(slug)`. */
  skills: string[];
  topics?: string[];
  title: string;
  /** The statement, markdown, in English. */
  description: string;
  pt?: CatalogTranslation;
  es?: CatalogTranslation;
  content: QuestionContent;
  /** Type settings, e.g. the reviewer's `rubric` of essay and project questions. */
  settings?: Record<string, unknown>;
}

/** What a reviewer scores an essay or project answer on; `points` add up to the question's maximum. */
export interface RubricCriterion {
  criterion: string;
  points: number;
  guidance: string;
}
