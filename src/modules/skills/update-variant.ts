import { and, eq, sql } from 'drizzle-orm';
import { badRequest, notFound } from '../../platform/errors.js';
import { checkConfinedAssignment } from '../workspace/confinement.js';
import { checkSubaccountRefs } from '../workspace/subaccounts/check-subaccounts.js';
import { skillVariants } from './schema.js';
import type { UpdateInput } from './schemas.js';
import { normalizeLevels, normalizeTranslations, pruneTranslations, skillIdFrom } from './variant-content.js';
import { variantWhere } from './variant-scope.js';
import type { VariantRow } from './variant-view.js';
import type { VariantContext } from './create-variant.js';

/**
 * Replaces name and levels (levels sent with their `_id` keep it; translations of levels left out
 * are dropped) and, when sent, description, skill, translated_content, default_locale and
 * subaccount_ids. One transaction over the locked row, so concurrent updates do not interleave.
 */
export async function updateVariant({ db, tenant }: VariantContext, id: string, input: UpdateInput): Promise<VariantRow> {
  if (typeof input._id === 'string' && input._id !== id) throw badRequest('id_mismatch', 'body._id must be the path id', 'body/_id');
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(skillVariants).where(and(variantWhere(tenant), eq(skillVariants.id, id))).for('update');
    if (!current) throw notFound('Skill variant');
    const levels = normalizeLevels(input.levels);
    const translatedContent = input.translated_content
      ? normalizeTranslations(input.translated_content, levels)
      : pruneTranslations(current.translatedContent, levels);
    const changes: Partial<Omit<typeof skillVariants.$inferInsert, 'updated'>> = { name: input.name.trim(), levels, translatedContent };
    if (input.description !== undefined) changes.description = input.description;
    if (input.skill !== undefined) changes.skillId = await skillIdFrom(tx, input.skill);
    if (input.default_locale !== undefined) changes.defaultLocale = input.default_locale;
    if (input.subaccount_ids !== undefined) {
      checkConfinedAssignment(tenant, input.subaccount_ids, 'body/subaccount_ids');
      await checkSubaccountRefs(tx, tenant, input.subaccount_ids.map((sub, i) => ({ id: sub, field: `body/subaccount_ids/${i}` })));
      changes.subaccountIds = input.subaccount_ids;
    }
    const [row] = await tx.update(skillVariants).set({ ...changes, updated: sql`now()` }).where(and(eq(skillVariants.workspaceId, tenant.workspaceId), eq(skillVariants.id, id))).returning();
    return row;
  });
}
