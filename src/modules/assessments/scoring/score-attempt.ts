import type { FrozenQuestion, RevisionContent, ScoreBreakdown } from '../types.js';
import type { AttemptScore, ScorableAnswer, ScoreAttempt, ScoredAnswer } from './score-types.js';
import { addDisc, scoreQuestion, scoringRules, type DiscProfile } from './score-question.js';

/** The attempt rule, after the per-type rules (scoringRules). */
export const attemptRules = [
  'totalScore = Σ points earned (pending answers count 0 until scored); maxScore = Σ points of every question that carries points (softskill excluded); score = round(100 × totalScore / maxScore, 2), null when maxScore is 0.',
  'status: pending while any answer waits for the judge, else pending_review while any waits for a reviewer, else finished.',
  'Breakdown per question (in the revision\'s order) and per skill (sorted by id): a question\'s points and earned points are split equally among its skills; percentage = round(100 × score / max_score, 2), 0 when max_score is 0.',
  'Answers to questions not in the revision are ignored; the order of the answers does not matter.',
] as const;

/** The whole rule set, as the result and recalculate routes describe it. */
export const scoringDescription = ['Scoring rules:', ...scoringRules, ...attemptRules].map((line, index) => (index === 0 ? line : `- ${line}`)).join('\n');

const round2 = (value: number) => Math.round(value * 100) / 100;
const percentage = (score: number, max: number) => (max > 0 ? round2((100 * score) / max) : 0);

function skillRows(questions: readonly FrozenQuestion[], scoredById: ReadonlyMap<string, ScoredAnswer>): ScoreBreakdown['skills'] {
  const totals = new Map<string, { score: number; max: number }>();
  for (const question of questions) {
    const result = scoredById.get(question._id)!;
    const skills = [...new Set(question.skill_ids)];
    if (question.type === 'softskill' || skills.length === 0) continue;
    for (const skill of skills) {
      const total = totals.get(skill) ?? { score: 0, max: 0 };
      total.score += (result.score ?? 0) / skills.length;
      total.max += result.maxScore / skills.length;
      totals.set(skill, total);
    }
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([skill_id, total]) => ({ skill_id, score: round2(total.score), max_score: round2(total.max), percentage: percentage(total.score, total.max) }));
}

/** The attempt's score from its frozen revision and its answers. Pure and deterministic (see attemptRules). */
export const scoreAttempt: ScoreAttempt = (revision: RevisionContent, answers: readonly ScorableAnswer[]): AttemptScore => {
  const answerOf = new Map<string, ScorableAnswer>();
  for (const answer of answers) if (!answerOf.has(answer.questionId)) answerOf.set(answer.questionId, answer);

  const scored: ScoredAnswer[] = [];
  const scoredById = new Map<string, ScoredAnswer>();
  let disc: DiscProfile | null = null;
  let total = 0;
  let max = 0;
  for (const question of revision.questions) {
    const answer = answerOf.get(question._id);
    const result = scoreQuestion(question, answer);
    scored.push(result);
    scoredById.set(question._id, result);
    total += result.score ?? 0;
    max += result.maxScore;
    if (question.type === 'softskill') {
      disc ??= { D: 0, I: 0, S: 0, C: 0 };
      addDisc(disc, question, answer);
    }
  }
  const statuses = new Set(scored.map((result) => result.status));
  const status = statuses.has('pending') ? 'pending' : statuses.has('pending_review') ? 'pending_review' : 'finished';
  const totalScore = round2(total);
  const maxScore = round2(max);
  return {
    score: maxScore > 0 ? round2((100 * totalScore) / maxScore) : null,
    totalScore,
    maxScore,
    status,
    answers: scored,
    breakdown: {
      questions: revision.questions.map((question, index) => ({
        question_id: question._id,
        type: question.type,
        score: scored[index].score,
        max_score: scored[index].maxScore,
        status: scored[index].status,
      })),
      skills: skillRows(revision.questions, scoredById),
      disc,
    },
  };
};
