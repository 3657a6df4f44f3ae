import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError, badRequest, conflict } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { findQuestions, type VisibleQuestion } from '../../questions/find-questions.js';
import type { DurationUnit } from '../../questions/schema.js';
import { checkSubaccountRefs } from '../../workspace/subaccounts/check-subaccounts.js';
import { checkConfinedAssignment } from '../../workspace/confinement.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import type { AssessmentRow, AssessmentStatus } from '../schema.js';
import type { AssessmentQuestionEntry, AssessmentSection, AssessmentSettings } from '../types.js';
import { skillNames } from './assessment-view.js';
import type { ContentLanguage } from './labels.js';

/** The writable fields of an assessment (create and update bodies). */
export interface AssessmentInput {
  name?: string;
  description?: string;
  language?: ContentLanguage;
  skills?: string[];
  career?: string | Record<string, unknown> | null;
  questions?: Array<{ _id: string; weight?: number; section?: string | null; settings?: Record<string, unknown> }>;
  sections?: Array<{ _id?: string; name: string; description?: string }>;
  duration?: number;
  duration_unit?: DurationUnit;
  status?: AssessmentStatus;
  settings?: AssessmentSettings;
  subaccount_ids?: string[];
  tags?: string[];
}

/** What may follow what; staying in a status is always allowed. */
export const statusTransitions: Record<AssessmentStatus, readonly AssessmentStatus[]> = {
  draft: ['published', 'archived'],
  published: ['archived'],
  archived: ['published'],
};

export function checkTransition(from: AssessmentStatus, to: AssessmentStatus): void {
  if (from === to || statusTransitions[from].includes(to)) return;
  throw new AppError(409, 'invalid_status_transition', `An assessment cannot go from ${from} to ${to}`, [
    { field: 'body/status', message: `from ${from} the status may become ${statusTransitions[from].join(' or ')}` },
  ]);
}

/** A career is named by its id or sent as an object; either way it is kept as an object. */
export function careerValue(career: AssessmentInput['career']): Record<string, unknown> | null {
  if (career === undefined || career === null) return null;
  if (typeof career === 'string') return career.trim() === '' ? null : { _id: career };
  return Object.keys(career).length === 0 ? null : career;
}

const minutesPer: Record<DurationUnit, number> = { minute: 1, hour: 60, day: 1440 };

/** The sum of the questions' own durations, in minutes (the seed's "sum of assessments_questions"). */
export function questionsMinutes(entries: AssessmentQuestionEntry[], found: Map<string, VisibleQuestion>): number {
  let total = 0;
  for (const entry of entries) {
    const question = found.get(entry._id);
    if (question) total += question.duration * minutesPer[question.durationUnit];
  }
  return total;
}

function sectionsOf(input: NonNullable<AssessmentInput['sections']>): AssessmentSection[] {
  const seen = new Set<string>();
  return input.map((section, i) => {
    const id = section._id ?? newId();
    if (seen.has(id)) throw badRequest('duplicate_section', `Section ${id} is listed twice`, `body/sections/${i}/_id`);
    seen.add(id);
    return { _id: id, name: section.name, ...(section.description !== undefined ? { description: section.description } : {}) };
  });
}

/**
 * The questions of the body, each visible to the workspace (its own or public), none twice, each
 * in a section that exists. A question archived in the library may stay where it already was but
 * not be added.
 */
async function questionsOf(
  db: DbOrTx,
  workspaceId: string,
  input: NonNullable<AssessmentInput['questions']>,
  sections: AssessmentSection[],
  already: ReadonlySet<string>,
): Promise<{ entries: AssessmentQuestionEntry[]; found: Map<string, VisibleQuestion> }> {
  const found = await findQuestions(db, workspaceId, input.map((q) => q._id));
  const sectionIds = new Set(sections.map((s) => s._id));
  const seen = new Set<string>();
  const entries = input.map((q, i): AssessmentQuestionEntry => {
    const question = found.get(q._id);
    if (!question) throw badRequest('question_not_found', `Question ${q._id} is not in this workspace's library nor public`, `body/questions/${i}/_id`);
    if (question.status === 'archived' && !already.has(q._id)) throw badRequest('question_archived', `Question ${q._id} is archived and cannot be added`, `body/questions/${i}/_id`);
    if (seen.has(q._id)) throw badRequest('duplicate_question', `Question ${q._id} is listed twice`, `body/questions/${i}/_id`);
    seen.add(q._id);
    const section = q.section ?? null;
    if (section !== null && !sectionIds.has(section)) throw badRequest('section_not_found', `Section ${section} is not one of the assessment's sections`, `body/questions/${i}/section`);
    return { _id: q._id, weight: q.weight ?? 1, section, settings: q.settings ?? {} };
  });
  return { entries, found };
}

function unionOfSkills(entries: AssessmentQuestionEntry[], found: Map<string, VisibleQuestion>): string[] {
  return [...new Set(entries.flatMap((entry) => found.get(entry._id)?.skillIds ?? []))];
}

async function checkSkills(db: DbOrTx, workspaceId: string, ids: string[]): Promise<string[]> {
  const names = await skillNames(db, workspaceId, ids, 'en');
  const bad = ids.findIndex((id) => !names.has(id));
  if (bad >= 0) throw badRequest('skill_not_found', `Skill ${ids[bad]} is neither a taxonomy skill nor a variant of this workspace`, `body/skills/${bad}`);
  return [...new Set(ids)];
}

/** The columns a create or an update writes, from the body over the current row (or the defaults). */
export type AssessmentChanges = Partial<Pick<AssessmentRow,
  'name' | 'description' | 'language' | 'skillIds' | 'career' | 'questions' | 'sections' | 'duration' | 'durationUnit' | 'status' | 'settings' | 'subaccountIds' | 'tags'>>;

/**
 * Checks the body against the current assessment (`current` undefined on create) and answers the
 * columns to write. Rules: the status machine; archived is read-only unless the same request
 * restores it to published; published needs at least one question; questions and sections as in
 * questionsOf; skill_ids are the skills sent, else (when the questions change) the union of the
 * questions' skills; subaccounts must be the caller's to give.
 */
export async function assessmentChanges(db: DbOrTx, tenant: ScopedTenant, input: AssessmentInput, current: AssessmentRow | undefined): Promise<AssessmentChanges> {
  const from = current?.status ?? 'draft';
  const status = input.status ?? from;
  if (current && from === 'archived' && status === 'archived') {
    throw conflict('assessment_archived', 'An archived assessment is read-only; set status to published to restore it');
  }
  checkTransition(from, status);

  const changes: AssessmentChanges = { status };
  if (input.name !== undefined) changes.name = input.name;
  if (input.description !== undefined) changes.description = input.description;
  if (input.language !== undefined) changes.language = input.language;
  if (input.career !== undefined) changes.career = careerValue(input.career);
  if (input.duration !== undefined) changes.duration = input.duration;
  if (input.duration_unit !== undefined) changes.durationUnit = input.duration_unit;
  if (input.settings !== undefined) changes.settings = input.settings;
  if (input.tags !== undefined) changes.tags = [...new Set(input.tags)];

  const sections = input.sections ? sectionsOf(input.sections) : (current?.sections ?? []);
  if (input.sections) changes.sections = sections;
  let questions = current?.questions ?? [];
  if (input.questions) {
    const { entries, found } = await questionsOf(db, tenant.workspaceId, input.questions, sections, new Set(questions.map((q) => q._id)));
    questions = entries;
    changes.questions = entries;
    if (input.skills === undefined) changes.skillIds = unionOfSkills(entries, found);
    if (!current && input.duration === undefined && entries.length > 0) {
      changes.duration = Math.max(1, questionsMinutes(entries, found));
      changes.durationUnit = 'minute';
    }
  } else if (input.sections) {
    const known = new Set(sections.map((s) => s._id));
    const orphan = questions.findIndex((q) => q.section && !known.has(q.section));
    if (orphan >= 0) throw badRequest('section_in_use', `Question ${questions[orphan]._id} is in section ${questions[orphan].section}, which the new sections leave out`, 'body/sections');
  }
  if (input.skills !== undefined) changes.skillIds = await checkSkills(db, tenant.workspaceId, input.skills);
  if (status === 'published' && questions.length === 0) {
    throw badRequest('questions_required', 'A published assessment needs at least one question', 'body/questions');
  }

  if (input.subaccount_ids !== undefined) {
    const ids = [...new Set(input.subaccount_ids)];
    checkConfinedAssignment(tenant, ids, 'body/subaccount_ids');
    await checkSubaccountRefs(db, tenant, ids.map((id, i) => ({ id, field: `body/subaccount_ids/${i}` })));
    changes.subaccountIds = ids;
  }
  return changes;
}
