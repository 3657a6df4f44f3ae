import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Language } from '../../platform/http/request-context.js';
import { paginate, type PageQueryValues } from '../../platform/paging/paginate.js';
import { skills } from '../skills/schema.js';
import type { ScopedTenant } from '../workspace/scope.js';
import { containsPattern } from '../workspace/search.js';
import { visibleQuestions, type Grouping, type VisibleQuestionsTable } from './visible-questions.js';

/**
 * Skills named by a set of questions, with how many of them name each. Names come from the global
 * taxonomy (null for ids it does not know, e.g. a workspace variant's).
 * TODO(skills): resolve variant names through the skills module's resolveSkills once it lands.
 */
export async function pageQuestionSkills(
  db: DbOrTx,
  tenant: ScopedTenant | undefined,
  grouping: Grouping,
  query: PageQueryValues,
  options: { where: (q: VisibleQuestionsTable) => SQL | undefined; skillIds?: string[]; search?: string },
  language: Language,
) {
  const q = visibleQuestions(db, tenant, grouping);
  const used = db
    .select({ skillId: sql<string>`s.skill_id`.as('skill_id'), questions: sql<number>`count(*)::int`.as('questions') })
    .from(sql`${q} cross join lateral unnest(${q.skillIds}) as s(skill_id)`)
    .where(options.where(q) ?? sql`true`)
    .groupBy(sql`s.skill_id`)
    .as('used_skills');
  const name = sql<string | null>`coalesce(${skills.name}->>${language}, ${skills.name}->>'en')`;
  const text = options.search?.trim();
  const page = await paginate(db, query, {
    fields: { _id: used.skillId, name, questions: used.questions },
    from: (select) => select.from(used).leftJoin(skills, eq(skills.id, used.skillId)),
    where: and(
      options.skillIds?.length ? inArray(used.skillId, options.skillIds) : undefined,
      text ? sql`(${used.skillId} ilike ${containsPattern(text)} or ${name} ilike ${containsPattern(text)})` : undefined,
    ) ?? sql`true`,
    sortable: { questions: sql`${used.questions}`, name: sql`lower(coalesce(${name}, ${used.skillId}))` },
    id: used.skillId as never,
  });
  return { ...page, docs: page.docs.map((d) => ({ _id: d._id, name: d.name, questions: Number(d.questions) })) };
}

/** One question's skills as {_id, name}. */
export async function skillsOfQuestion(db: DbOrTx, skillIds: string[], language: Language) {
  if (skillIds.length === 0) return [];
  const rows = await db.select({ id: skills.id, name: skills.name }).from(skills).where(inArray(skills.id, skillIds));
  const names = new Map(rows.map((r) => [r.id, r.name[language] ?? r.name.en]));
  return skillIds.map((id) => ({ _id: id, name: names.get(id) ?? null }));
}
