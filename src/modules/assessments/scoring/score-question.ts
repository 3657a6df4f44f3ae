import type { Choice } from '../../questions/content.js';
import { reviewedTypes } from '../../questions/content.js';
import type { FrozenQuestion } from '../types.js';
import type { CodingAutoResult, ScorableAnswer, ScoredAnswer, SqlAutoResult } from './score-types.js';

/**
 * The scoring rules, one per question type, as the OpenAPI descriptions state them. The points of a
 * question are its frozen `weight` (the question's weight times the assessment's weight for it).
 */
export const scoringRules = [
  'Points of a question = its frozen weight (question weight × assessment weight); points earned are rounded to 2 decimals.',
  'A reviewer\'s score (PUT /assessments/answers/:id/review), when given, replaces the rule of the type, clamped to 0..points; an answer moved back to pending_review waits for one.',
  'question, single choice: all points iff exactly one known choice is picked and it is a correct one, else 0.',
  'question, multiple choice: max(0, (right picked − wrong picked) / right total) × points; ids not among the choices are ignored, repeats count once; no choice marked right → 0.',
  'fast: each subquestion is worth points / subquestions, scored by the choice rule of its own single/multiple setting.',
  'coding: points × (weight of passed hidden tests / weight of hidden tests), from the judge\'s verdicts; with no hidden test every test counts; a test weighs 1 unless set (all weights 0: each counts 1); a test the judge did not report (compile error) counts as failed. Answered but not judged yet, or a judge internal error → pending (score null).',
  'sql: all points if the SQL judge passed the answer, else 0; answered but not judged yet, or a judge internal error → pending.',
  `reviewed types (${reviewedTypes.join(', ')}): the reviewer's score; answered and not reviewed → pending_review (score null).`,
  'An unanswered question earns 0 and needs no judge or reviewer. A question worth 0 points is scored 0 at once.',
  'softskill: no points (left out of the maximum); its picked choices count towards a DISC profile (D, I, S, C) in the breakdown.',
] as const;

const round2 = (value: number) => Math.round(value * 100) / 100;
const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The distinct string ids of `value` (an array), in first-seen order. */
function idsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((id): id is string => typeof id === 'string'))];
}

function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.values(value).some(hasContent);
  return value !== null && value !== undefined;
}

/** Whether the candidate gave anything to score: picks, code, text, a drawing, a link, or uploaded media. */
export function isAnswered(question: FrozenQuestion, answer: ScorableAnswer | undefined): boolean {
  if (!answer) return false;
  if ((answer.mediaCount ?? 0) > 0) return true;
  const response: unknown = answer.response;
  if (!isObject(response)) return false;
  switch (question.type) {
    case 'question':
    case 'softskill':
      return idsOf(response.choices).length > 0;
    case 'fast':
      return isObject(response.subanswers) && Object.values(response.subanswers).some((ids) => idsOf(ids).length > 0);
    case 'coding':
    case 'freecoding':
    case 'sql':
      return typeof response.code === 'string' && response.code.trim() !== '';
    default:
      return hasContent(response);
  }
}

/** The choice rule: the share (0..1) of a question's points that these picks earn. */
export function choiceShare(choices: readonly Choice[], multiple: boolean, picked: readonly string[]): number {
  const known = new Map(choices.map((choice) => [choice._id, choice.correct === true]));
  const picks = [...new Set(picked)].filter((id) => known.has(id));
  const rightTotal = choices.filter((choice) => choice.correct === true).length;
  if (rightTotal === 0 || picks.length === 0) return 0;
  if (!multiple) return picks.length === 1 && known.get(picks[0]) ? 1 : 0;
  const right = picks.filter((id) => known.get(id)).length;
  return Math.max(0, (right - (picks.length - right)) / rightTotal);
}

function scored(question: FrozenQuestion, points: number, score: number): ScoredAnswer {
  return { questionId: question._id, score: round2(clamp(score, points)), maxScore: points, status: 'scored' };
}

function waiting(question: FrozenQuestion, points: number, status: 'pending' | 'pending_review'): ScoredAnswer {
  return { questionId: question._id, score: null, maxScore: points, status };
}

function codingShare(question: FrozenQuestion, result: CodingAutoResult): number | 'pending' {
  const tests = question.content.coding?.tests ?? [];
  const hidden = tests.filter((test) => test.hidden);
  const counted = hidden.length > 0 ? hidden : tests;
  if (counted.length === 0) return 0;
  const verdicts = new Map((Array.isArray(result.tests) ? result.tests : []).map((test) => [test._id, test]));
  if (counted.some((test) => verdicts.get(test._id)?.status === 'internal_error')) return 'pending';
  const unweighted = counted.every((test) => (test.weight ?? 1) === 0);
  const weightOf = (test: (typeof counted)[number]) => (unweighted ? 1 : (test.weight ?? 1));
  const total = counted.reduce((sum, test) => sum + weightOf(test), 0);
  const passed = counted.filter((test) => verdicts.get(test._id)?.passed === true).reduce((sum, test) => sum + weightOf(test), 0);
  return passed / total;
}

function autoResultOf<K extends 'coding' | 'sql'>(answer: ScorableAnswer, kind: K): (K extends 'coding' ? CodingAutoResult : SqlAutoResult) | undefined {
  const result = answer.autoResult;
  return isObject(result) && result.kind === kind ? (result as never) : undefined;
}

function byType(question: FrozenQuestion, answer: ScorableAnswer, points: number): ScoredAnswer {
  const response = answer.response as Record<string, unknown>;
  switch (question.type) {
    case 'question': {
      const content = question.content.question;
      if (!content) return scored(question, points, 0);
      return scored(question, points, choiceShare(content.choices, content.multiple, idsOf(response.choices)) * points);
    }
    case 'fast': {
      const subquestions = question.content.fast?.subquestions ?? [];
      if (subquestions.length === 0) return scored(question, points, 0);
      const subanswers = isObject(response.subanswers) ? response.subanswers : {};
      const share = subquestions.reduce((sum, sub) => sum + choiceShare(sub.choices, sub.multiple, idsOf(subanswers[sub._id])), 0) / subquestions.length;
      return scored(question, points, share * points);
    }
    case 'coding': {
      const result = autoResultOf(answer, 'coding');
      if (!result) return waiting(question, points, 'pending');
      const share = codingShare(question, result);
      return share === 'pending' ? waiting(question, points, 'pending') : scored(question, points, share * points);
    }
    case 'sql': {
      const result = autoResultOf(answer, 'sql');
      if (!result || result.status === 'internal_error') return waiting(question, points, 'pending');
      return scored(question, points, result.passed === true ? points : 0);
    }
    default:
      // The reviewed types (freecoding, project, essay, whiteboard, video, audio, file, conversational).
      return waiting(question, points, 'pending_review');
  }
}

/** One answer by the rule of its question's type (see scoringRules). Pure: no clock, no I/O. */
export function scoreQuestion(question: FrozenQuestion, answer: ScorableAnswer | undefined): ScoredAnswer {
  return { ...byRule(question, answer), answered: isAnswered(question, answer) };
}

function byRule(question: FrozenQuestion, answer: ScorableAnswer | undefined): ScoredAnswer {
  if (question.type === 'softskill') return { questionId: question._id, score: 0, maxScore: 0, status: 'scored' };
  const points = Number.isFinite(question.weight) && question.weight > 0 ? question.weight : 0;
  if (points === 0) return scored(question, 0, 0);
  const reviewScore = answer?.review?.score;
  if (typeof reviewScore === 'number' && Number.isFinite(reviewScore)) return scored(question, points, reviewScore);
  if (answer?.reviewRequested) return waiting(question, points, 'pending_review');
  if (!answer || !isAnswered(question, answer)) return scored(question, points, 0);
  return byType(question, answer, points);
}

export type DiscProfile = Record<'D' | 'I' | 'S' | 'C', number>;

/** Adds the DISC dimensions of a softskill answer's picked choices to `profile` (unknown ids ignored, repeats once). */
export function addDisc(profile: DiscProfile, question: FrozenQuestion, answer: ScorableAnswer | undefined): void {
  const choices = question.content.question?.choices ?? [];
  const response: unknown = answer?.response;
  if (!isObject(response)) return;
  const byId = new Map(choices.map((choice) => [choice._id, choice.dimension]));
  for (const id of idsOf(response.choices)) {
    const dimension = byId.get(id);
    if (dimension) profile[dimension] += 1;
  }
}
