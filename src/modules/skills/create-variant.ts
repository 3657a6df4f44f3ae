import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { ScopedTenant } from '../workspace/scope.js';
import { checkConfinedAssignment } from '../workspace/confinement.js';
import { checkSubaccountRefs } from '../workspace/subaccounts/check-subaccounts.js';
import { skillVariants, templateSkillVariants, type SkillLevel } from './schema.js';
import type { CreateInput } from './schemas.js';
import { normalizeLevels, normalizeTranslations, skillIdFrom } from './variant-content.js';
import { defaultSubaccountIds } from './variant-scope.js';
import type { LocaleContent, TemplateVariantRow, TranslatedContent, VariantRow } from './variant-view.js';

export interface VariantContext {
  db: Db;
  tenant: ScopedTenant;
  /** The author: the signed-in user or the API key's creator. */
  actorId: string | null;
}

async function templateOf(db: Db, id: string): Promise<TemplateVariantRow> {
  const [row] = await db.select().from(templateSkillVariants).where(eq(templateSkillVariants.id, id));
  if (!row) throw new AppError(404, 'template_not_found', `Template ${id} not found`, [{ field: 'body/template_id', message: 'is not a template (GET /skills/variants/templates)' }]);
  return row;
}

/**
 * A template's translations for a copy: its levels' texts, but not the template's name (the copy
 * has its own) nor its description when the body gives one.
 */
function templateTranslations(stored: TranslatedContent, input: CreateInput): TranslatedContent {
  const out: TranslatedContent = {};
  for (const [locale, content] of Object.entries(stored) as Array<[keyof TranslatedContent, LocaleContent]>) {
    const { name: _name, description, ...rest } = content;
    out[locale] = input.description !== undefined ? rest : { ...rest, description };
  }
  return out;
}

/** A template's levels with ids of the copy's own, and the mapping from the template's ids. */
function copyLevels(levels: SkillLevel[]): { levels: SkillLevel[]; idOf: Map<string, string> } {
  const idOf = new Map(levels.map((level) => [level._id, newId()]));
  return { levels: levels.map((level) => ({ ...level, _id: idOf.get(level._id)! })), idOf };
}

function remapLevels(content: TranslatedContent, idOf: Map<string, string>): TranslatedContent {
  const out: TranslatedContent = {};
  for (const [locale, entry] of Object.entries(content) as Array<[keyof TranslatedContent, LocaleContent]>) {
    out[locale] = entry.levels ? { ...entry, levels: Object.fromEntries(Object.entries(entry.levels).map(([id, level]) => [idOf.get(id) ?? id, level])) } : entry;
  }
  return out;
}

/**
 * A new variant of the workspace, authored by the caller. From a template, what the body leaves
 * out (description, skill, levels, translations, default locale) is the template's; copied levels
 * get ids of their own (translated_content sent with a template may name the template's level ids).
 * Subaccounts: those sent, else the request's x-subaccount-id, else the caller's own confinement.
 */
export async function createVariant({ db, tenant, actorId }: VariantContext, input: CreateInput): Promise<VariantRow> {
  const template = input.template_id ? await templateOf(db, input.template_id) : undefined;
  const copied = template && !input.levels ? copyLevels(template.levels) : undefined;
  const levels = input.levels ? normalizeLevels(input.levels) : (copied?.levels ?? []);
  let translatedContent: TranslatedContent = {};
  if (input.translated_content) {
    translatedContent = template && copied
      ? remapLevels(normalizeTranslations(input.translated_content, template.levels), copied.idOf)
      : normalizeTranslations(input.translated_content, levels);
  } else if (template && copied) {
    translatedContent = remapLevels(templateTranslations(template.translatedContent, input), copied.idOf);
  }
  const skillId = input.skill !== undefined ? await skillIdFrom(db, input.skill) : (template?.skillId ?? null);
  const subaccountIds = input.subaccount_ids ?? defaultSubaccountIds(tenant);
  checkConfinedAssignment(tenant, subaccountIds, 'body/subaccount_ids');
  await checkSubaccountRefs(db, tenant, subaccountIds.map((id, i) => ({ id, field: `body/subaccount_ids/${i}` })));
  const [row] = await db
    .insert(skillVariants)
    .values({
      workspaceId: tenant.workspaceId,
      id: newId(),
      name: input.name.trim(),
      description: input.description !== undefined ? input.description : (template?.description ?? null),
      skillId,
      levels,
      defaultLocale: input.default_locale ?? template?.defaultLocale ?? 'en',
      translatedContent,
      subaccountIds,
      authorId: actorId,
    })
    .returning();
  return row;
}
