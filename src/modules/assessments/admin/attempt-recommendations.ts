import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import { publicQuestions } from '../../questions/schema.js';
import { answers } from '../schema.js';
import { isLocked, revisionQuestions, type AttemptRecord } from './attempt-view.js';

/** Skills recommended on: the attempt's weakest ones. */
const weakestSkills = 3;
const maxRecommendations = 10;

/**
 * Deterministic learning recommendations: the attempt's (or one answer's) skills with the lowest
 * percentage in its stored breakdown (at most 3, ties by skill id), and for them the published
 * public questions on those skills that the attempt did not contain, weakest skill first, then by
 * slug (at most 10). Nothing before the attempt is scored, nor while its results are locked.
 */
export async function attemptRecommendations(db: DbOrTx, record: AttemptRecord, answerId?: string) {
  const { attempt } = record;
  const questions = await revisionQuestions(db, attempt);
  let skills = (attempt.breakdown?.skills ?? []).slice();
  if (answerId) {
    const [answer] = await db
      .select({ questionId: answers.questionId })
      .from(answers)
      .where(and(eq(answers.workspaceId, attempt.workspaceId), eq(answers.attemptId, attempt.id), eq(answers.id, answerId)));
    if (!answer) throw notFound('Answer');
    const ofQuestion = new Set(questions.find((q) => q._id === answer.questionId)?.skill_ids ?? []);
    skills = skills.filter((s) => ofQuestion.has(s.skill_id));
  }
  if (isLocked(record) || skills.length === 0) return { recommendations: [], total: 0 };
  const weakest = skills.sort((a, b) => a.percentage - b.percentage || a.skill_id.localeCompare(b.skill_id)).slice(0, weakestSkills);
  const taken = questions.map((q) => q._id);
  const found: Array<{ _id: string; slug: string; title: string; type: string; level: string; skill_id: string; skill_percentage: number }> = [];
  for (const skill of weakest) {
    if (found.length >= maxRecommendations) break;
    const rows = await db
      .select({ _id: publicQuestions.id, slug: publicQuestions.slug, title: publicQuestions.title, type: publicQuestions.type, level: publicQuestions.level })
      .from(publicQuestions)
      .where(and(
        eq(publicQuestions.status, 'published'),
        sql`${skill.skill_id} = any(${publicQuestions.skillIds})`,
        taken.length ? notInArray(publicQuestions.id, taken) : undefined,
        found.length ? notInArray(publicQuestions.id, found.map((f) => f._id)) : undefined,
      ))
      .orderBy(asc(publicQuestions.slug))
      .limit(maxRecommendations - found.length);
    found.push(...rows.map((row) => ({ ...row, skill_id: skill.skill_id, skill_percentage: skill.percentage })));
  }
  return { recommendations: found, total: found.length };
}
