import { and, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { paginate, type Page, type PageQueryValues } from '../../platform/paging/paginate.js';
import type { ScopedTenant } from '../workspace/scope.js';
import { searchAny } from '../workspace/search.js';
import { skillVariants, templateSkillVariants } from './schema.js';
import { variantWhere } from './variant-scope.js';
import { variantViews, type Locale, type VariantView } from './variant-view.js';

type VariantTable = typeof skillVariants | typeof templateSkillVariants;

export interface VariantFilter {
  search?: string;
  ids?: string[];
}

/** Name (base and every translation) or description contains the text. */
function searchVariants(table: VariantTable, search: string | undefined): SQL | undefined {
  const translatedName = (locale: Locale) => sql`(${table.translatedContent} -> ${locale}::text ->> 'name')`;
  return searchAny(search, [table.name, table.description, translatedName('pt'), translatedName('en'), translatedName('es')]);
}

/** The request's visible variants matching `search` OR named in `ids` (either alone when only one is sent). */
export function variantFilterWhere(tenant: ScopedTenant, filter: VariantFilter): SQL {
  const matches = [searchVariants(skillVariants, filter.search), filter.ids?.length ? inArray(skillVariants.id, filter.ids) : undefined].filter(
    (condition): condition is SQL => condition !== undefined,
  );
  return and(variantWhere(tenant), matches.length ? or(...matches) : undefined) as SQL;
}

const sortable = (table: VariantTable) => ({ name: table.name, created: table.created, updated: table.updated });

/** The workspace's variants, a page at a time, in `asked` or each one's default locale. orderBy: _id, name, created, updated. */
export async function listVariants(db: DbOrTx, tenant: ScopedTenant, query: PageQueryValues & VariantFilter, asked: Locale | undefined): Promise<Page<VariantView>> {
  const page = await paginate(db, query, {
    fields: getTableColumns(skillVariants),
    from: (select) => select.from(skillVariants),
    where: variantFilterWhere(tenant, query),
    sortable: sortable(skillVariants),
    id: skillVariants.id,
  });
  return { ...page, docs: await variantViews(db, page.docs, asked) };
}

/** The shipped templates (no workspace), with `search` like the workspace list. */
export async function listTemplates(db: DbOrTx, query: PageQueryValues & { search?: string }, asked: Locale | undefined): Promise<Page<VariantView>> {
  const page = await paginate(db, query, {
    fields: getTableColumns(templateSkillVariants),
    from: (select) => select.from(templateSkillVariants),
    where: and(sql`true`, searchVariants(templateSkillVariants, query.search)) as SQL,
    sortable: sortable(templateSkillVariants),
    id: templateSkillVariants.id,
  });
  return { ...page, docs: await variantViews(db, page.docs, asked) };
}
