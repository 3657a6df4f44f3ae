import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Language } from '../../platform/http/request-context.js';
import { paginate, type Page, type PageQueryValues } from '../../platform/paging/paginate.js';
import { searchAny } from '../workspace/search.js';
import { skills, type Translations } from './schema.js';
import { skillName } from './variant-view.js';

export interface TaxonomyView {
  _id: string;
  slug: string;
  name: string;
  names: Translations;
  kind: 'hard' | 'soft';
}

/** The global taxonomy (every workspace reads the same), a page at a time. orderBy: _id, slug, name (English), created. */
export async function listTaxonomy(
  db: DbOrTx,
  query: PageQueryValues & { search?: string; kind?: 'hard' | 'soft' },
  language: Language,
): Promise<Page<TaxonomyView>> {
  const name = (locale: Language) => sql`(${skills.name} ->> ${locale}::text)`;
  const page = await paginate(db, query, {
    fields: { id: skills.id, slug: skills.slug, name: skills.name, kind: skills.kind },
    from: (select) => select.from(skills),
    where: and(sql`true`, query.kind ? eq(skills.kind, query.kind) : undefined, searchAny(query.search, [skills.slug, name('en'), name('pt'), name('es')])) as SQL,
    sortable: { slug: skills.slug, name: name('en'), created: skills.created },
    id: skills.id,
  });
  return { ...page, docs: page.docs.map((row) => ({ _id: row.id, slug: row.slug, name: skillName(row.name, language), names: row.name, kind: row.kind })) };
}
