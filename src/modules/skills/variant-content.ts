import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { skills, type SkillLevel } from './schema.js';
import type { LevelTranslation, Locale, LocaleContent, TranslatedContent } from './variant-view.js';

const locales: readonly Locale[] = ['pt', 'en', 'es'];

export interface LevelInput {
  _id?: string;
  name: string;
  description?: string | null;
  examples?: string[];
}

/**
 * Levels in the order sent, numbered by position from 1. A level keeps the `_id` it is sent with
 * (so its translations and the questions naming it stay attached); one without gets a new id.
 */
export function normalizeLevels(input: LevelInput[]): SkillLevel[] {
  const seen = new Set<string>();
  return input.map((level, i) => {
    if (level._id !== undefined && seen.has(level._id)) throw badRequest('duplicate_level_id', `Level _id ${level._id} appears twice`, `body/levels/${i}/_id`);
    const id = level._id ?? newId();
    seen.add(id);
    const stored: SkillLevel = { _id: id, level: i + 1, name: level.name.trim() };
    if (level.description) stored.description = level.description;
    if (level.examples?.length) stored.examples = level.examples;
    return stored;
  });
}

function levelTranslation(input: LevelTranslation): LevelTranslation {
  const out: LevelTranslation = {};
  if (input.name !== undefined) out.name = input.name.trim();
  if (input.description !== undefined) out.description = input.description;
  if (input.examples !== undefined) out.examples = input.examples;
  return out;
}

/**
 * translated_content as stored: only the three locales and the declared fields (extra keys are
 * dropped), each level entry naming a level of the variant (400 naming the key otherwise).
 */
export function normalizeTranslations(input: TranslatedContent, levels: SkillLevel[], field = 'body/translated_content'): TranslatedContent {
  const levelIds = new Set(levels.map((level) => level._id));
  const out: TranslatedContent = {};
  for (const locale of locales) {
    const content = input[locale];
    if (!content) continue;
    const entry: LocaleContent = {};
    if (content.name !== undefined) entry.name = content.name.trim();
    if (content.description !== undefined) entry.description = content.description;
    if (content.levels) {
      entry.levels = {};
      for (const [id, translation] of Object.entries(content.levels)) {
        if (!levelIds.has(id)) throw badRequest('unknown_level', `translated_content.${locale}.levels names ${id}, which is not a level of this variant`, `${field}/${locale}/levels/${id}`);
        entry.levels[id] = levelTranslation(translation);
      }
    }
    out[locale] = entry;
  }
  return out;
}

/** Stored translations with the entries of levels that no longer exist removed. */
export function pruneTranslations(stored: TranslatedContent, levels: SkillLevel[]): TranslatedContent {
  const levelIds = new Set(levels.map((level) => level._id));
  const out: TranslatedContent = {};
  for (const locale of locales) {
    const content = stored[locale];
    if (!content) continue;
    const entry: LocaleContent = { ...content };
    if (content.levels) entry.levels = Object.fromEntries(Object.entries(content.levels).filter(([id]) => levelIds.has(id)));
    out[locale] = entry;
  }
  return out;
}

/** The taxonomy skill named by a `skill` body field: its id, null for none; 404 naming the field when unknown. */
export async function skillIdFrom(db: DbOrTx, skill: { _id?: string } | null): Promise<string | null> {
  if (!skill?._id) return null;
  const [found] = await db.select({ id: skills.id }).from(skills).where(eq(skills.id, skill._id));
  if (!found) throw new AppError(404, 'skill_not_found', `Skill ${skill._id} not found`, [{ field: 'body/skill/_id', message: 'is not a skill of the taxonomy (GET /skills)' }]);
  return found.id;
}
