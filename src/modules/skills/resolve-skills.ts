import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Language } from '../../platform/http/request-context.js';
import { skills, skillVariants } from './schema.js';
import { skillName } from './variant-view.js';

export interface ResolvedSkill {
  _id: string;
  /** In `language`: the taxonomy's name, or the variant's translation (else its base name). */
  name: string;
  /** Taxonomy skills, and variants refining one: the taxonomy slug. */
  slug?: string;
  /** hard or soft: the taxonomy skill's, or that of the skill a variant refines (hard when none). */
  kind: 'hard' | 'soft';
  source: 'taxonomy' | 'variant';
}

/**
 * What questions and assessments need to show the skills they name: each id that is a taxonomy
 * skill or one of the workspace's variants (any subaccount), by id. Ids that are neither are absent
 * from the map, so a caller can refuse them. Two queries whatever the number of ids.
 */
export async function resolveSkills(db: DbOrTx, workspaceId: string, ids: readonly string[], language: Language = 'en'): Promise<Map<string, ResolvedSkill>> {
  const wanted = [...new Set(ids)];
  const resolved = new Map<string, ResolvedSkill>();
  if (wanted.length === 0) return resolved;
  const taxonomy = await db.select().from(skills).where(inArray(skills.id, wanted));
  for (const skill of taxonomy) resolved.set(skill.id, { _id: skill.id, name: skillName(skill.name, language), slug: skill.slug, kind: skill.kind, source: 'taxonomy' });
  const rest = wanted.filter((id) => !resolved.has(id));
  if (rest.length === 0) return resolved;
  const variants = await db
    .select({
      id: skillVariants.id,
      name: skillVariants.name,
      defaultLocale: skillVariants.defaultLocale,
      translatedContent: skillVariants.translatedContent,
      slug: skills.slug,
      kind: skills.kind,
    })
    .from(skillVariants)
    .leftJoin(skills, eq(skills.id, skillVariants.skillId))
    .where(and(eq(skillVariants.workspaceId, workspaceId), inArray(skillVariants.id, rest)));
  for (const variant of variants) {
    const translated = variant.defaultLocale === language ? undefined : (variant.translatedContent as Record<string, { name?: string } | undefined>)[language]?.name;
    resolved.set(variant.id, { _id: variant.id, name: translated || variant.name, ...(variant.slug ? { slug: variant.slug } : {}), kind: variant.kind ?? 'hard', source: 'variant' });
  }
  return resolved;
}
