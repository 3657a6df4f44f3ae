import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import type { ScopedTenant } from '../workspace/scope.js';
import { skillVariants, templateSkillVariants } from './schema.js';
import { variantWhere } from './variant-scope.js';
import { variantViews, type Locale, type TemplateVariantRow, type VariantRow, type VariantView } from './variant-view.js';

/** A variant of the workspace the request may see; 404 otherwise (another workspace's, another subaccount's, unknown). */
export async function findWorkspaceVariant(db: DbOrTx, tenant: ScopedTenant, id: string): Promise<VariantRow> {
  const [row] = await db.select().from(skillVariants).where(and(variantWhere(tenant), eq(skillVariants.id, id)));
  if (!row) throw notFound('Skill variant');
  return row;
}

/** A workspace variant, or else a shipped template (read-only, visible to every workspace). */
export async function findVariant(db: DbOrTx, tenant: ScopedTenant, id: string, asked: Locale | undefined): Promise<VariantView> {
  const [row] = await db.select().from(skillVariants).where(and(variantWhere(tenant), eq(skillVariants.id, id)));
  const found: VariantRow | TemplateVariantRow | undefined = row ?? (await db.select().from(templateSkillVariants).where(eq(templateSkillVariants.id, id)))[0];
  if (!found) throw notFound('Skill variant');
  const [view] = await variantViews(db, [found], asked);
  return view;
}
