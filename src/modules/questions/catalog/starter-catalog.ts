import { createHash } from 'node:crypto';
import type { QuestionLocale } from '../content.js';
import type { publicQuestions } from '../schema.js';
import { skillIdOf } from '../../skills/skill-id.js';
import { catalogIdOf, type CatalogQuestion } from './catalog-question.js';
import { codingQuestions } from './coding-questions.js';
import { sqlQuestions } from './sql-questions.js';
import { choiceQuestions } from './choice-questions.js';
import { fastQuestions } from './fast-questions.js';
import { reviewedQuestions } from './reviewed-questions.js';
import { softskillQuestions } from './softskill-questions.js';

/** Every question Assay ships as a public question, in display order. */
export const starterCatalog: readonly CatalogQuestion[] = [
  ...codingQuestions,
  ...sqlQuestions,
  ...choiceQuestions,
  ...fastQuestions,
  ...reviewedQuestions,
  ...softskillQuestions,
];

export type CatalogRow = Omit<typeof publicQuestions.$inferInsert, 'created' | 'updated'>;

function localesOf(question: CatalogQuestion): QuestionLocale[] {
  const translations = (['pt', 'es'] as const).flatMap((language) => {
    const translation = question[language];
    return translation ? [{ language, ...translation }] : [];
  });
  return [{ language: 'en', title: question.title, description: question.description }, ...translations];
}

/** The `public_questions` row of a catalog question: published, owned by no workspace, with a slug-derived id. */
export function catalogRow(question: CatalogQuestion): CatalogRow {
  return {
    id: catalogIdOf(question.slug),
    slug: question.slug,
    type: question.type,
    status: 'published',
    level: question.level,
    title: question.title,
    description: question.description,
    locale: localesOf(question),
    duration: question.duration,
    durationUnit: 'minute',
    weight: 1,
    skillIds: question.skills.map(skillIdOf),
    categories: [],
    questionDomains: [],
    topics: question.topics ?? [],
    content: question.content,
    settings: question.settings ?? {},
    internalNotes: null,
    attachments: [],
    bootstrap: null,
    authorId: null,
    sourceQuestionId: null,
    ownerWorkspaceId: null,
  };
}

let built: { rows: CatalogRow[]; version: string } | undefined;

/** The catalog's rows and its version (a hash of them), built once per process. */
export function starterCatalogRows(): { rows: CatalogRow[]; version: string } {
  if (!built) {
    const rows = starterCatalog.map(catalogRow);
    built = { rows, version: createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32) };
  }
  return built;
}
