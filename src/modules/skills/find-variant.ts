import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { preparedPerDb, type Db, type DbOrTx } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { visibleSubaccountIds, type ScopedTenant } from '../workspace/scope.js';
import { skills, skillVariants, templateSkillVariants } from './schema.js';
import { variantWhere } from './variant-scope.js';
import { variantView, type Locale, type TaxonomySkill, type VariantRow, type VariantView } from './variant-view.js';

/** A variant of the workspace the request may see; 404 otherwise (another workspace's, another subaccount's, unknown). */
export async function findWorkspaceVariant(db: DbOrTx, tenant: ScopedTenant, id: string): Promise<VariantRow> {
  const [row] = await db.select().from(skillVariants).where(and(variantWhere(tenant), eq(skillVariants.id, id)));
  if (!row) throw notFound('Skill variant');
  return row;
}

// A GET by id is a hot read: the variant and its taxonomy skill in one statement, prepared once per
// database (see preparedPerDb). The scope is variantWhere's, with the visible ids as a parameter.
const workspaceVariantWithSkill = preparedPerDb((db) =>
  db
    .select({ variant: getTableColumns(skillVariants), skill: getTableColumns(skills) })
    .from(skillVariants)
    .leftJoin(skills, eq(skills.id, skillVariants.skillId))
    .where(
      and(
        eq(skillVariants.workspaceId, sql.placeholder('workspaceId')),
        eq(skillVariants.id, sql.placeholder('id')),
        sql`(${sql.placeholder('visible')}::varchar(24)[] is null or cardinality(${skillVariants.subaccountIds}) = 0 or ${skillVariants.subaccountIds} && ${sql.placeholder('visible')}::varchar(24)[])`,
      ),
    )
    .prepare('skill_variant_by_id'),
);

const templateVariantWithSkill = preparedPerDb((db) =>
  db
    .select({ variant: getTableColumns(templateSkillVariants), skill: getTableColumns(skills) })
    .from(templateSkillVariants)
    .leftJoin(skills, eq(skills.id, templateSkillVariants.skillId))
    .where(eq(templateSkillVariants.id, sql.placeholder('id')))
    .prepare('skill_template_variant_by_id'),
);

/** A workspace variant, or else a shipped template (read-only, visible to every workspace). */
export async function findVariant(db: Db, tenant: ScopedTenant, id: string, asked: Locale | undefined): Promise<VariantView> {
  const [own] = await workspaceVariantWithSkill(db).execute({ workspaceId: tenant.workspaceId, id, visible: visibleSubaccountIds(tenant) ?? null });
  const found = own ?? (await templateVariantWithSkill(db).execute({ id }))[0];
  if (!found) throw notFound('Skill variant');
  const skillsById = new Map<string, TaxonomySkill>(found.skill ? [[found.skill.id, found.skill]] : []);
  return variantView(found.variant, skillsById, asked);
}
