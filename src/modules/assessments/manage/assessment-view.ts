import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Language } from '../../../platform/http/request-context.js';
import { users } from '../../identity/schema.js';
import { skills, skillVariants } from '../../skills/schema.js';
import { findQuestions } from '../../questions/find-questions.js';
import type { AssessmentRow } from '../schema.js';
import type { AssessmentMedia } from './media-rules.js';
import { withDownloadUrl } from '../../../platform/storage/file-id.js';
import { languageLabel, statusLabel, unitLabel } from './labels.js';

export interface SkillRef {
  _id: string;
  name: string;
}

export interface PersonRef {
  _id: string;
  name: string;
  email: string;
}

export interface QuestionEntryView {
  _id: string;
  weight: number;
  section: string | null;
  settings: Record<string, unknown>;
  title?: string | null;
  type?: string | null;
  level?: string | null;
  scope?: string | null;
}

export interface AssessmentView {
  _id: string;
  name: string;
  description: string;
  status: AssessmentRow['status'];
  status_formatted: string;
  language: AssessmentRow['language'];
  language_formatted: string;
  duration: number;
  duration_unit: AssessmentRow['durationUnit'];
  duration_unit_formatted: string;
  questions: QuestionEntryView[];
  questions_count: number;
  sections: AssessmentRow['sections'];
  skill_ids: string[];
  skills: SkillRef[];
  career: Record<string, unknown> | null;
  settings: AssessmentRow['settings'];
  media: AssessmentMediaView[];
  tags: string[];
  subaccount_ids: string[];
  company: string;
  author: PersonRef | null;
  last_interaction: string | null;
  created: string;
  updated: string;
}

/** Skill names in the x-language: taxonomy skills and the workspace's own variants. */
export async function skillNames(db: DbOrTx, workspaceId: string, ids: readonly string[], language: Language): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return names;
  for (const row of await db.select({ id: skills.id, name: skills.name }).from(skills).where(inArray(skills.id, unique))) {
    names.set(row.id, row.name[language] ?? row.name.en);
  }
  const rest = unique.filter((id) => !names.has(id));
  if (rest.length > 0) {
    const variants = await db.select({ id: skillVariants.id, name: skillVariants.name }).from(skillVariants)
      .where(and(eq(skillVariants.workspaceId, workspaceId), inArray(skillVariants.id, rest)));
    for (const row of variants) names.set(row.id, row.name);
  }
  return names;
}

export async function personRefs(db: DbOrTx, ids: ReadonlyArray<string | null>): Promise<Map<string, PersonRef>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName, email: users.email }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, { _id: row.id, name: row.name, email: row.email }]));
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * The assessments as the API answers them. `withQuestions` adds each question's title, type and
 * level (one read of the questions); lists leave it out.
 */
export async function assessmentViews(db: DbOrTx, rows: AssessmentRow[], language: Language, options: { withQuestions?: boolean } = {}): Promise<AssessmentView[]> {
  if (rows.length === 0) return [];
  const workspaceId = rows[0].workspaceId;
  const names = await skillNames(db, workspaceId, rows.flatMap((row) => row.skillIds), language);
  const authors = await personRefs(db, rows.map((row) => row.authorId));
  const questions = options.withQuestions ? await findQuestions(db, workspaceId, rows.flatMap((row) => row.questions.map((q) => q._id))) : undefined;
  return rows.map((row) => ({
    _id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    status_formatted: statusLabel(row.status, language),
    language: row.language,
    language_formatted: languageLabel(row.language, language),
    duration: row.duration,
    duration_unit: row.durationUnit,
    duration_unit_formatted: unitLabel(row.durationUnit, language),
    questions: row.questions.map((entry) => {
      const view: QuestionEntryView = { _id: entry._id, weight: entry.weight, section: entry.section ?? null, settings: entry.settings ?? {} };
      if (!questions) return view;
      const question = questions.get(entry._id);
      return { ...view, title: question?.title ?? null, type: question?.type ?? null, level: question?.level ?? null, scope: question?.scope ?? null };
    }),
    questions_count: row.questions.length,
    sections: row.sections,
    skill_ids: row.skillIds,
    skills: row.skillIds.map((id) => ({ _id: id, name: names.get(id) ?? id })),
    career: row.career ?? null,
    settings: row.settings,
    media: mediaView(row.id, row.media),
    tags: row.tags,
    subaccount_ids: row.subaccountIds,
    company: row.workspaceId,
    author: row.authorId ? (authors.get(row.authorId) ?? null) : null,
    last_interaction: iso(row.lastInteraction),
    created: row.created.toISOString(),
    updated: row.updated.toISOString(),
  }));
}

export async function assessmentView(db: DbOrTx, row: AssessmentRow, language: Language): Promise<AssessmentView> {
  const [view] = await assessmentViews(db, [row], language, { withQuestions: true });
  return view;
}

export type AssessmentMediaView = AssessmentMedia & { url: string };

/** The media as answered: each file with its download route (GET /assessments/:id/media/:file). */
export function mediaView(assessmentId: string, media: AssessmentMedia[]): AssessmentMediaView[] {
  return media.map((file) => withDownloadUrl(file, `/assessments/${assessmentId}/media`));
}
