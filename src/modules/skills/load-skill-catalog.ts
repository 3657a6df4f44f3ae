import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { settings } from '../../platform/db/schema.js';
import { skills, templateSkillVariants, type SkillLevel } from './schema.js';
import { skillIdOf } from './skill-id.js';
import { taxonomy } from './taxonomy.js';
import { templateVariants, type TemplateVariant } from './templates.js';

/** The settings row holding the version of the catalog last loaded into this database. */
export const catalogVersionKey = 'skills_catalog_version';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

let version: string | undefined;
/** A digest of what ships (taxonomy and templates): any change to them loads them again. */
export function skillCatalogVersion(): string {
  version ??= hash(JSON.stringify({ taxonomy, templateVariants })).slice(0, 32);
  return version;
}

/** Stable ids, so a template and its levels keep their ids across instances and reloads. */
export const templateIdOf = (key: string) => hash(`template-variant:${key}`).slice(0, 24);
const templateLevelIdOf = (key: string, level: number) => hash(`template-level:${key}:${level}`).slice(0, 24);

type TemplateRow = typeof templateSkillVariants.$inferInsert;

/** A shipped template as its row: English is the base text, pt and es go to translated_content. */
export function templateRow(template: TemplateVariant): TemplateRow {
  const levels: SkillLevel[] = template.levels.map((level, i) => ({
    _id: templateLevelIdOf(template.key, i + 1),
    level: i + 1,
    name: level.name.en,
    description: level.description.en,
    examples: level.examples.en,
  }));
  const translated = (locale: 'pt' | 'es') => ({
    name: template.name[locale],
    description: template.description[locale],
    levels: Object.fromEntries(
      template.levels.map((level, i) => [levels[i]._id, { name: level.name[locale], description: level.description[locale], examples: level.examples[locale] }]),
    ),
  });
  return {
    id: templateIdOf(template.key),
    name: template.name.en,
    description: template.description.en,
    skillId: skillIdOf(template.skill),
    levels,
    defaultLocale: 'en',
    translatedContent: { pt: translated('pt'), es: translated('es') },
  };
}

/**
 * Loads the taxonomy and the template variants into the database, in one transaction, inserting
 * what is missing and rewriting what changed (rows are never deleted: questions and variants may
 * name them). Idempotent; `assay seed` and every start may call it.
 */
export async function loadSkillCatalog(db: Db): Promise<void> {
  const current = skillCatalogVersion();
  await db.transaction(async (tx) => {
    await tx
      .insert(skills)
      .values(taxonomy.map((skill) => ({ id: skillIdOf(skill.slug), slug: skill.slug, kind: skill.kind, name: skill.name })))
      .onConflictDoUpdate({ target: skills.id, set: { slug: sql`excluded.slug`, kind: sql`excluded.kind`, name: sql`excluded.name` } });
    await tx
      .insert(templateSkillVariants)
      .values(templateVariants.map(templateRow))
      .onConflictDoUpdate({
        target: templateSkillVariants.id,
        set: {
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          skillId: sql`excluded.skill_id`,
          levels: sql`excluded.levels`,
          defaultLocale: sql`excluded.default_locale`,
          translatedContent: sql`excluded.translated_content`,
          updated: sql`now()`,
        },
      });
    await tx
      .insert(settings)
      .values({ key: catalogVersionKey, value: current })
      .onConflictDoUpdate({ target: settings.key, set: { value: current } });
  });
}

/** At start: one indexed read when the stored version is current, the load otherwise. Answers whether it loaded. */
export async function ensureSkillCatalog(db: Db): Promise<boolean> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, catalogVersionKey));
  if (row?.value === skillCatalogVersion()) return false;
  await loadSkillCatalog(db);
  return true;
}
