import type { DbOrTx } from '../../../platform/db/client.js';
import { newId } from '../../../platform/ids.js';
import { assessments, type AssessmentRow } from '../schema.js';
import type { AssessmentSettings } from '../types.js';
import { careerValue, type AssessmentInput } from './assessment-input.js';
import type { AssessmentActor } from './create-assessment.js';
import { findAssessment } from './find-assessment.js';

export interface DuplicateOverrides {
  name?: string;
  career?: AssessmentInput['career'];
  settings?: AssessmentSettings;
}

/** null clears the career; an empty id or object (the seed's sample sends `{}`) keeps the original's. */
function careerOverride(career: DuplicateOverrides['career']): Record<string, unknown> | null | undefined {
  if (career === null) return null;
  return careerValue(career) ?? undefined;
}

/**
 * A copy as a new draft: questions with their weights and settings, sections, skills, duration,
 * language, tags and subaccounts; name, career and settings as overridden. The caller becomes its
 * author. Share links, attempts and media attachments are not copied (the files belong to the original).
 */
export async function duplicateAssessment(db: DbOrTx, { tenant, actorId }: AssessmentActor, id: string, overrides: DuplicateOverrides): Promise<AssessmentRow> {
  const source = await findAssessment(db, tenant, id);
  const career = careerOverride(overrides.career);
  const [row] = await db
    .insert(assessments)
    .values({
      workspaceId: tenant.workspaceId,
      id: newId(),
      name: overrides.name ?? `${source.name} (copy)`,
      description: source.description,
      status: 'draft',
      language: source.language,
      duration: source.duration,
      durationUnit: source.durationUnit,
      questions: source.questions,
      sections: source.sections,
      skillIds: source.skillIds,
      career: career === undefined ? source.career : career,
      settings: overrides.settings ?? source.settings,
      tags: source.tags,
      subaccountIds: source.subaccountIds,
      authorId: actorId,
    })
    .returning();
  return row;
}
