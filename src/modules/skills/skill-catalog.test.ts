import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../test/support/fixtures.js';
import { settings } from '../../platform/db/schema.js';
import { skills, templateSkillVariants } from './schema.js';
import { skillIdOf } from './skill-id.js';
import { taxonomy } from './taxonomy.js';
import { templateVariants } from './templates.js';
import { catalogVersionKey, ensureSkillCatalog, loadSkillCatalog, skillCatalogVersion, templateIdOf } from './load-skill-catalog.js';
import { createVariant } from './create-variant.js';
import { resolveSkills } from './resolve-skills.js';

let t: TestApp;
let acme: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  t = await testApp();
  acme = await createTenant(t.runtime, 'Acme Catalog');
  other = await createTenant(t.runtime, 'Other Catalog');
});
afterAll(async () => {
  await t.close();
});

const shippedSkillIds = taxonomy.map((skill) => skillIdOf(skill.slug));
const shippedTemplateIds = templateVariants.map((template) => templateIdOf(template.key));

async function counts() {
  const [skillRows] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(skills).where(inArray(skills.id, shippedSkillIds));
  const [templateRows] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(templateSkillVariants)
    .where(inArray(templateSkillVariants.id, shippedTemplateIds));
  return { skills: skillRows.n, templates: templateRows.n };
}

describe('the skill catalog', () => {
  it('a started runtime holds the whole taxonomy and every template, with the version marker', async () => {
    expect(await counts()).toEqual({ skills: taxonomy.length, templates: templateVariants.length });
    const [marker] = await t.database.db.select().from(settings).where(eq(settings.key, catalogVersionKey));
    expect(marker.value).toBe(skillCatalogVersion());
    for (const template of await t.database.db.select().from(templateSkillVariants).where(inArray(templateSkillVariants.id, shippedTemplateIds))) {
      expect(template.levels.map((level) => level.level)).toEqual([1, 2, 3, 4]);
      const content = template.translatedContent as Record<string, { name: string; levels: Record<string, { name: string; examples: string[] }> }>;
      for (const locale of ['pt', 'es']) {
        expect(content[locale].name, `${template.name} ${locale}`).toBeTruthy();
        // jsonb keeps keys in its own order
        expect(Object.keys(content[locale].levels).sort()).toEqual(template.levels.map((level) => level._id).sort());
        for (const level of Object.values(content[locale].levels)) expect(level.examples.length).toBeGreaterThan(0);
      }
    }
  });

  it('every template refines a taxonomy skill', () => {
    const slugs = new Set(taxonomy.map((skill) => skill.slug));
    for (const template of templateVariants) expect(slugs.has(template.skill), template.key).toBe(true);
  });

  it('when the marker is current, start only reads it; a stale marker reloads and repairs the rows', async () => {
    expect(await ensureSkillCatalog(t.database.db)).toBe(false);
    await t.database.db.update(skills).set({ name: { en: 'Tampered' } }).where(eq(skills.id, skillIdOf('ethics')));
    await t.database.db.update(settings).set({ value: 'older' }).where(eq(settings.key, catalogVersionKey));
    expect(await ensureSkillCatalog(t.database.db)).toBe(true);
    const [ethics] = await t.database.db.select().from(skills).where(eq(skills.id, skillIdOf('ethics')));
    expect(ethics.name).toEqual({ en: 'Professional ethics', pt: 'Ética profissional', es: 'Ética profesional' });
    expect(await ensureSkillCatalog(t.database.db)).toBe(false);
  });

  it('loading again changes nothing (idempotent)', async () => {
    const before = await t.database.db.select().from(templateSkillVariants).where(eq(templateSkillVariants.id, templateIdOf('python')));
    await loadSkillCatalog(t.database.db);
    await loadSkillCatalog(t.database.db);
    expect(await counts()).toEqual({ skills: taxonomy.length, templates: templateVariants.length });
    const [after] = await t.database.db.select().from(templateSkillVariants).where(eq(templateSkillVariants.id, templateIdOf('python')));
    expect({ ...after, updated: null }).toEqual({ ...before[0], updated: null });
  });
});

describe('resolveSkills', () => {
  it('names taxonomy skills and the workspace variants, in the language asked, and leaves out the rest', async () => {
    const context = { db: t.database.db, tenant: { workspaceId: acme.workspace.id, allowedSubaccountIds: [] }, actorId: null };
    const refined = await createVariant(context, { name: 'Trabalho remoto', default_locale: 'pt', skill: { _id: skillIdOf('teamwork') }, translated_content: { en: { name: 'Remote work' } } });
    const loose = await createVariant(context, { name: 'Kanban' });
    const foreign = await createVariant({ ...context, tenant: { workspaceId: other.workspace.id, allowedSubaccountIds: [] } }, { name: 'Not yours' });
    const ids = [skillIdOf('sql'), skillIdOf('leadership'), refined.id, loose.id, foreign.id, 'f'.repeat(24), refined.id];

    const english = await resolveSkills(t.database.db, acme.workspace.id, ids);
    expect([...english.keys()].sort()).toEqual([skillIdOf('sql'), skillIdOf('leadership'), refined.id, loose.id].sort());
    expect(english.get(skillIdOf('sql'))).toEqual({ _id: skillIdOf('sql'), name: 'SQL', slug: 'sql', kind: 'hard', source: 'taxonomy' });
    expect(english.get(refined.id)).toEqual({ _id: refined.id, name: 'Remote work', slug: 'teamwork', kind: 'soft', source: 'variant' });
    expect(english.get(loose.id)).toEqual({ _id: loose.id, name: 'Kanban', kind: 'hard', source: 'variant' });

    const portuguese = await resolveSkills(t.database.db, acme.workspace.id, ids, 'pt');
    expect(portuguese.get(skillIdOf('leadership'))?.name).toBe('Liderança');
    expect(portuguese.get(refined.id)?.name).toBe('Trabalho remoto');
    expect((await resolveSkills(t.database.db, acme.workspace.id, [])).size).toBe(0);
  });
});
