import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Language } from '../../platform/http/request-context.js';
import { skills, type skillVariants, type SkillLevel, type templateSkillVariants, type Translations } from './schema.js';

export type Locale = Language;

/** What translated_content holds per locale (the base columns are in default_locale). */
export interface LevelTranslation {
  name?: string;
  description?: string | null;
  examples?: string[];
}
export interface LocaleContent {
  name?: string;
  description?: string | null;
  levels?: Record<string, LevelTranslation>;
}
export type TranslatedContent = Partial<Record<Locale, LocaleContent>>;

export type VariantRow = typeof skillVariants.$inferSelect;
export type TemplateVariantRow = typeof templateSkillVariants.$inferSelect;
type AnyVariantRow = TemplateVariantRow & Partial<Pick<VariantRow, 'workspaceId' | 'subaccountIds' | 'authorId'>>;

export interface SkillRef {
  _id: string;
  slug: string;
  name: string;
  kind: 'hard' | 'soft';
}

export interface VariantView {
  _id: string;
  name: string;
  description: string | null;
  skill: SkillRef | null;
  levels: Array<{ _id: string; level: number; name: string; description: string | null; examples: string[] }>;
  default_locale: Locale;
  locale: Locale;
  translated_content: TranslatedContent;
  company: string | null;
  subaccount_ids: string[];
  author: string | null;
  template: boolean;
  created: string;
  updated: string;
}

export type TaxonomySkill = typeof skills.$inferSelect;

export const skillName = (name: Translations, locale: Locale) => name[locale] || name.en;

export function skillRef(skill: TaxonomySkill, locale: Locale): SkillRef {
  return { _id: skill.id, slug: skill.slug, name: skillName(skill.name, locale), kind: skill.kind };
}

/** The taxonomy skills these variants refine, by id, in one query. */
export async function skillsOf(db: DbOrTx, rows: Array<{ skillId: string | null }>): Promise<Map<string, TaxonomySkill>> {
  const ids = [...new Set(rows.map((row) => row.skillId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const found = await db.select().from(skills).where(inArray(skills.id, ids));
  return new Map(found.map((skill) => [skill.id, skill]));
}

/**
 * A variant as clients read it, in `asked` (x-language) or else its default locale: name,
 * description and each level come from translated_content[locale] where it has them, from the
 * base columns otherwise; the skill's name from the taxonomy in the same locale.
 */
export function variantView(row: AnyVariantRow, skillsById: Map<string, TaxonomySkill>, asked: Locale | undefined): VariantView {
  const locale = asked ?? row.defaultLocale;
  const content = (row.translatedContent as TranslatedContent)[locale];
  const translated = locale === row.defaultLocale ? undefined : content;
  const skill = row.skillId ? skillsById.get(row.skillId) : undefined;
  return {
    _id: row.id,
    name: translated?.name || row.name,
    description: translated?.description ?? row.description ?? null,
    skill: skill ? skillRef(skill, locale) : null,
    levels: row.levels.map((level) => levelView(level, translated?.levels?.[level._id])),
    default_locale: row.defaultLocale,
    locale,
    translated_content: row.translatedContent,
    company: row.workspaceId ?? null,
    subaccount_ids: row.subaccountIds ?? [],
    author: row.authorId ?? null,
    template: row.workspaceId === undefined,
    created: row.created.toISOString(),
    updated: row.updated.toISOString(),
  };
}

function levelView(level: SkillLevel, translation: LevelTranslation | undefined) {
  return {
    _id: level._id,
    level: level.level,
    name: translation?.name || level.name,
    description: translation?.description ?? level.description ?? null,
    examples: translation?.examples?.length ? translation.examples : (level.examples ?? []),
  };
}

/** Views of a page of rows, with their skills read in one query. */
export async function variantViews(db: DbOrTx, rows: AnyVariantRow[], asked: Locale | undefined): Promise<VariantView[]> {
  const skillsById = await skillsOf(db, rows);
  return rows.map((row) => variantView(row, skillsById, asked));
}
