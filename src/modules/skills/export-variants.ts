import { sql, type SQL } from 'drizzle-orm';
import { textCell, timeCell } from '../../platform/exports/csv-columns.js';
import type { CsvColumn, CsvExportSpec } from '../../platform/exports/csv-export.js';
import { defineCsvExport } from '../../platform/exports/define-export.js';
import type { Language } from '../../platform/http/request-context.js';
import { subaccounts } from '../identity/workspaces/schema.js';
import type { ScopedTenant } from '../workspace/scope.js';
import { skills, skillVariants } from './schema.js';
import type { ExportInput } from './schemas.js';
import { variantFilterWhere, type VariantFilter } from './list-variants.js';

/** The variant's text in the export's language: its translation there, unless that is its default locale (the base columns). */
function localized(language: Language, translated: SQL, base: SQL): SQL {
  return sql`case when ${skillVariants.defaultLocale} = ${language}::text then ${base} else coalesce(nullif(${translated}, ''), ${base}) end`;
}

function variantColumns(language: Language): CsvColumn[] {
  const content = sql`(${skillVariants.translatedContent} -> ${language}::text)`;
  const name = localized(language, sql`${content} ->> 'name'`, sql`${skillVariants.name}`);
  const description = localized(language, sql`${content} ->> 'description'`, sql`${skillVariants.description}`);
  const levelName = localized(language, sql`${content} -> 'levels' -> (l.value ->> '_id') ->> 'name'`, sql`l.value ->> 'name'`);
  return [
    // Ids are 24-hex: no formula guard needed.
    { header: 'ID', value: sql`${skillVariants.id}::text` },
    { header: { en: 'Name', pt: 'Nome', es: 'Nombre' }, value: textCell(name) },
    { header: { en: 'Description', pt: 'Descrição', es: 'Descripción' }, value: textCell(description) },
    {
      header: { en: 'Skill', pt: 'Competência', es: 'Competencia' },
      value: sql`(select ${textCell(sql`coalesce(${skills.name} ->> ${language}::text, ${skills.name} ->> 'en')`)} from ${skills} where ${skills.id} = ${skillVariants.skillId})`,
    },
    { header: { en: 'Levels', pt: 'Níveis', es: 'Niveles' }, value: sql`jsonb_array_length(${skillVariants.levels})::text` },
    {
      header: { en: 'Level names', pt: 'Nomes dos níveis', es: 'Nombres de los niveles' },
      value: sql`(select string_agg(${textCell(levelName)}, '; ' order by l.ordinality) from jsonb_array_elements(${skillVariants.levels}) with ordinality as l(value, ordinality))`,
    },
    // Locales are a closed set of ours: no formula guard needed.
    { header: { en: 'Default locale', pt: 'Idioma padrão', es: 'Idioma predeterminado' }, value: sql`${skillVariants.defaultLocale}` },
    {
      header: { en: 'Subaccounts', pt: 'Subcontas', es: 'Subcuentas' },
      value: sql`(select string_agg(${textCell(subaccounts.name)}, '; ' order by ${subaccounts.name}) from ${subaccounts}
        where ${subaccounts.workspaceId} = ${skillVariants.workspaceId} and ${subaccounts.id} = any(${skillVariants.subaccountIds}))`,
    },
    { header: { en: 'Created (UTC)', pt: 'Criado em (UTC)', es: 'Creado (UTC)' }, value: timeCell(skillVariants.created) },
    { header: { en: 'Updated (UTC)', pt: 'Atualizado em (UTC)', es: 'Actualizado (UTC)' }, value: timeCell(skillVariants.updated) },
  ];
}

export function variantExportSpec(tenant: ScopedTenant, filter: VariantFilter, language: Language): CsvExportSpec {
  return {
    columns: variantColumns(language),
    from: (select) => select.from(skillVariants),
    where: variantFilterWhere(tenant, filter),
    key: skillVariants.id,
  };
}

/** POST /skills/variants/export: the body's search and ids, OR-combined like the list. */
export const skillsCsvExport = defineCsvExport<ExportInput>({
  name: 'skills',
  fileName: 'skills',
  permission: 'read_question',
  spec: (tenant, { search, ids }, language) => variantExportSpec(tenant, { search, ids }, language),
});
