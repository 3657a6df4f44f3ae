import { describe, expect, it } from 'vitest';
import { scoreQuestion } from './score-question.js';
import { scoreAttempt, scoringDescription } from './score-attempt.js';
import type { CodingAutoResult, ScorableAnswer, SqlAutoResult } from './score-types.js';
import type { FrozenQuestion } from '../types.js';
import {
  answerTo, codingQuestion, essayQuestion, fastQuestion, frozenQuestion, multipleChoice, revisionOf, singleChoice, softskillQuestion, sqlQuestion,
} from './score-fixtures.js';

const review = (score?: number) => ({ score, reviewer_id: 'r'.repeat(24), reviewed_at: '2026-01-01T00:00:00.000Z' });
const coding = (tests: Array<[string, boolean, string?]>): CodingAutoResult => ({
  kind: 'coding', run_id: 'run', language: 71, tests: tests.map(([_id, passed, status]) => ({ _id, hidden: true, passed, status: status ?? (passed ? 'accepted' : 'wrong_answer') })),
});
const sql = (passed: boolean, status = passed ? 'accepted' : 'wrong_answer'): SqlAutoResult => ({ kind: 'sql', passed, status });

describe('single choice', () => {
  const q = singleChoice('q1', { weight: 3 });
  it('gives all points for the right choice and none for a wrong one', () => {
    expect(scoreQuestion(q, answerTo('q1', { choices: ['a'] }))).toMatchObject({ score: 3, maxScore: 3, status: 'scored' });
    expect(scoreQuestion(q, answerTo('q1', { choices: ['b'] })).score).toBe(0);
  });
  it('gives nothing for two picks, even with the right one', () => {
    expect(scoreQuestion(q, answerTo('q1', { choices: ['a', 'b'] })).score).toBe(0);
  });
  it('ignores unknown ids and repeats', () => {
    expect(scoreQuestion(q, answerTo('q1', { choices: ['zzz', 'a', 'a'] })).score).toBe(3);
  });
  it('scores an empty or missing answer 0 with nothing pending', () => {
    expect(scoreQuestion(q, answerTo('q1', { choices: [] }))).toMatchObject({ score: 0, status: 'scored', answered: false });
    expect(scoreQuestion(q, undefined)).toMatchObject({ score: 0, status: 'scored' });
    expect(scoreQuestion(q, answerTo('q1', null)).score).toBe(0);
    expect(scoreQuestion(q, answerTo('q1', { text: 'not choices' })).score).toBe(0);
  });
});

describe('multiple choice: max(0, (right − wrong) / right total) × points', () => {
  const q = multipleChoice('q1', { weight: 6 });
  it.each([
    [['a', 'b', 'c'], 6],
    [['a', 'b'], 4],
    [['a', 'b', 'd'], 2],
    [['a', 'd'], 0],
    [['a', 'd', 'e'], 0],
    [['d', 'e'], 0],
    [['a', 'ghost'], 2],
  ])('picks %j earn %d', (choices, expected) => {
    expect(scoreQuestion(q, answerTo('q1', { choices })).score).toBe(expected);
  });
  it('earns nothing on a question with no right choice', () => {
    const none = frozenQuestion('q2', 'question', { question: { multiple: true, choices: [{ _id: 'a', text: 'a' }, { _id: 'b', text: 'b' }] } });
    expect(scoreQuestion(none, answerTo('q2', { choices: ['a'] })).score).toBe(0);
  });
  it('rounds to 2 decimals', () => {
    const q3 = multipleChoice('q3', { weight: 1 });
    expect(scoreQuestion(q3, answerTo('q3', { choices: ['a'] })).score).toBe(0.33);
  });
});

describe('fast', () => {
  const q = fastQuestion('f', { weight: 10 });
  it('gives each subquestion an equal share by its own choice rule', () => {
    expect(scoreQuestion(q, answerTo('f', { subanswers: { s1: ['a'], s2: ['a', 'b'] } })).score).toBe(10);
    expect(scoreQuestion(q, answerTo('f', { subanswers: { s1: ['a'], s2: ['a'] } })).score).toBe(7.5);
    expect(scoreQuestion(q, answerTo('f', { subanswers: { s1: ['b'], s2: ['a', 'c'] } })).score).toBe(0);
  });
  it('ignores unknown subquestions and scores missing ones 0', () => {
    expect(scoreQuestion(q, answerTo('f', { subanswers: { s1: ['a'], nope: ['a'] } })).score).toBe(5);
  });
});

describe('coding', () => {
  const q = codingQuestion('c', [{ _id: 't1', hidden: false }, { _id: 'h1', hidden: true }, { _id: 'h2', hidden: true, weight: 3 }], { weight: 8 });
  const code = { language: 71, code: 'print(1)' };
  it('scores by the weight of the passed hidden tests', () => {
    expect(scoreQuestion(q, answerTo('c', code, { autoResult: { ...coding([['t1', false], ['h1', true], ['h2', true]]) } })).score).toBe(8);
    expect(scoreQuestion(q, answerTo('c', code, { autoResult: { ...coding([['t1', true], ['h1', true], ['h2', false]]) } })).score).toBe(2);
    expect(scoreQuestion(q, answerTo('c', code, { autoResult: { ...coding([['t1', true], ['h1', false], ['h2', true]]) } })).score).toBe(6);
  });
  it('counts every test when none is hidden', () => {
    const open = codingQuestion('o', [{ _id: 'a', hidden: false }, { _id: 'b', hidden: false }], { weight: 4 });
    expect(scoreQuestion(open, answerTo('o', code, { autoResult: { ...coding([['a', true], ['b', false]]) } })).score).toBe(2);
  });
  it('is pending until the judge has run, and again on a judge internal error', () => {
    expect(scoreQuestion(q, answerTo('c', code))).toMatchObject({ score: null, status: 'pending', maxScore: 8 });
    expect(scoreQuestion(q, answerTo('c', code, { autoResult: { ...coding([['h1', false, 'internal_error'], ['h2', true]]) } })).status).toBe('pending');
  });
  it('scores a compile error (no test reported) 0', () => {
    const result: CodingAutoResult = { kind: 'coding', run_id: 'r', language: 71, tests: [], compile_output: 'SyntaxError' };
    expect(scoreQuestion(q, answerTo('c', code, { autoResult: { ...result } }))).toMatchObject({ score: 0, status: 'scored' });
  });
  it('scores no code 0 without waiting for the judge', () => {
    expect(scoreQuestion(q, answerTo('c', { language: 71, code: '  ' }))).toMatchObject({ score: 0, status: 'scored' });
  });
  it('counts each test 1 when every weight is 0', () => {
    const zero = codingQuestion('z', [{ _id: 'a', hidden: true, weight: 0 }, { _id: 'b', hidden: true, weight: 0 }], { weight: 2 });
    expect(scoreQuestion(zero, answerTo('z', code, { autoResult: { ...coding([['a', true], ['b', false]]) } })).score).toBe(1);
  });
});

describe('sql', () => {
  const q = sqlQuestion('s', { weight: 5 });
  it('gives all points when the judge passed it, else 0, pending before', () => {
    expect(scoreQuestion(q, answerTo('s', { code: 'select 1' }, { autoResult: { ...sql(true) } })).score).toBe(5);
    expect(scoreQuestion(q, answerTo('s', { code: 'select 2' }, { autoResult: { ...sql(false) } })).score).toBe(0);
    expect(scoreQuestion(q, answerTo('s', { code: 'select 2' })).status).toBe('pending');
    expect(scoreQuestion(q, answerTo('s', { code: 'select 2' }, { autoResult: { ...sql(false, 'internal_error') } })).status).toBe('pending');
  });
});

describe('reviewed types', () => {
  const q = essayQuestion('e', { weight: 4 });
  it('wait for a reviewer, then take the score clamped to 0..points', () => {
    expect(scoreQuestion(q, answerTo('e', { text: 'My essay' }))).toMatchObject({ score: null, status: 'pending_review' });
    expect(scoreQuestion(q, answerTo('e', { text: 'My essay' }, { review: review(3) })).score).toBe(3);
    expect(scoreQuestion(q, answerTo('e', { text: 'My essay' }, { review: review(99) })).score).toBe(4);
    expect(scoreQuestion(q, answerTo('e', { text: 'My essay' }, { review: review(-1) })).score).toBe(0);
  });
  it('stay pending_review after a review without a score', () => {
    expect(scoreQuestion(q, answerTo('e', { text: 'x' }, { review: review() })).status).toBe('pending_review');
  });
  it('score an unanswered one 0 with no review needed; uploaded media counts as an answer', () => {
    expect(scoreQuestion(q, answerTo('e', { text: '' }))).toMatchObject({ score: 0, status: 'scored' });
    const video = frozenQuestion('v', 'video', {}, { weight: 2 });
    expect(scoreQuestion(video, answerTo('v', null, { mediaCount: 1 })).status).toBe('pending_review');
  });
  it.each(['freecoding', 'project', 'whiteboard', 'audio', 'file', 'conversational'] as const)('%s waits for a reviewer', (type) => {
    const question = frozenQuestion('x', type, {}, { weight: 1 });
    const response = type === 'freecoding' ? { language: 71, code: 'x' } : type === 'whiteboard' ? { drawing: { lines: [1] } } : { text: 'answer' };
    expect(scoreQuestion(question, answerTo('x', response)).status).toBe('pending_review');
  });
});

describe('a reviewer and a request for review', () => {
  it('a reviewer\'s score replaces the machine\'s; a review requested waits whatever the type', () => {
    const q = singleChoice('q', { weight: 2 });
    expect(scoreQuestion(q, answerTo('q', { choices: ['b'] }, { review: review(1.5) })).score).toBe(1.5);
    expect(scoreQuestion(q, answerTo('q', { choices: ['a'] }, { reviewRequested: true })).status).toBe('pending_review');
  });
});

describe('zero points and softskill', () => {
  it('a question worth 0 points is scored 0 at once, even a reviewed one', () => {
    expect(scoreQuestion(essayQuestion('e', { weight: 0 }), answerTo('e', { text: 'x' }))).toMatchObject({ score: 0, maxScore: 0, status: 'scored' });
  });
  it('softskill carries no points and fills the DISC profile', () => {
    const revision = revisionOf([softskillQuestion('d1'), softskillQuestion('d2'), singleChoice('q', { weight: 1 })]);
    const result = scoreAttempt(revision, [answerTo('d1', { choices: ['d', 'i', 'ghost', 'd'] }), answerTo('d2', { choices: ['d'] }), answerTo('q', { choices: ['a'] })]);
    expect(result).toMatchObject({ score: 100, totalScore: 1, maxScore: 1, status: 'finished' });
    expect(result.breakdown.disc).toEqual({ D: 2, I: 1, S: 0, C: 0 });
  });
});

describe('the attempt', () => {
  const questions: FrozenQuestion[] = [
    singleChoice('q1', { weight: 2, skill_ids: ['js'] }),
    multipleChoice('q2', { weight: 3, skill_ids: ['js', 'web'] }),
    codingQuestion('c', [{ _id: 'h', hidden: true }], { weight: 5, skill_ids: ['py'] }),
    essayQuestion('e', { weight: 4 }),
  ];
  const revision = revisionOf(questions);
  const base: ScorableAnswer[] = [
    answerTo('q1', { choices: ['a'] }),
    answerTo('q2', { choices: ['a', 'b'] }),
    answerTo('c', { language: 71, code: 'x' }, { autoResult: { ...coding([['h', true]]) } }),
    answerTo('e', { text: 'essay' }, { review: review(2) }),
  ];

  it('sums points, takes the percentage and splits skills equally', () => {
    const result = scoreAttempt(revision, base);
    expect(result).toMatchObject({ totalScore: 11, maxScore: 14, score: 78.57, status: 'finished' });
    expect(result.breakdown.skills).toEqual([
      { skill_id: 'js', score: 3, max_score: 3.5, percentage: 85.71 },
      { skill_id: 'py', score: 5, max_score: 5, percentage: 100 },
      { skill_id: 'web', score: 1, max_score: 1.5, percentage: 66.67 },
    ]);
    expect(result.breakdown.questions.map((q) => q.question_id)).toEqual(['q1', 'q2', 'c', 'e']);
    expect(result.breakdown.disc).toBeNull();
  });

  it('is pending while the judge has work, then pending_review while a reviewer has', () => {
    const unjudged = base.map((a) => (a.questionId === 'c' ? { ...a, autoResult: null } : a.questionId === 'e' ? { ...a, review: null } : a));
    expect(scoreAttempt(revision, unjudged)).toMatchObject({ status: 'pending', totalScore: 4, maxScore: 14 });
    const unreviewed = base.map((a) => (a.questionId === 'e' ? { ...a, review: null } : a));
    expect(scoreAttempt(revision, unreviewed)).toMatchObject({ status: 'pending_review', totalScore: 9 });
  });

  it('ignores answers to questions the revision does not hold', () => {
    expect(scoreAttempt(revision, [...base, answerTo('other', { choices: ['a'] })])).toEqual(scoreAttempt(revision, base));
  });

  it('with no questions or no answers', () => {
    expect(scoreAttempt(revisionOf([]), [])).toMatchObject({ score: null, totalScore: 0, maxScore: 0, status: 'finished', answers: [] });
    expect(scoreAttempt(revision, [])).toMatchObject({ score: 0, totalScore: 0, maxScore: 14, status: 'finished' });
  });

  it('describes its rules for the routes', () => {
    expect(scoringDescription).toContain('multiple choice: max(0, (right picked − wrong picked) / right total) × points');
  });
});

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  return { next, pick };
}

function randomCase(seed: number) {
  const { next, pick } = generator(seed);
  const ids = ['a', 'b', 'c', 'd', 'e', 'ghost'];
  const questions: FrozenQuestion[] = [];
  const answers: ScorableAnswer[] = [];
  const count = Math.floor(next() * 12);
  for (let i = 0; i < count; i += 1) {
    const id = `q${i}`;
    const weight = pick([0, 0.5, 1, 2, 3.7, 10]);
    const skill_ids = [pick(['js', 'py', 'sql']), pick(['js', 'web'])].slice(0, Math.floor(next() * 3));
    const kind = pick(['single', 'multiple', 'fast', 'coding', 'sql', 'essay', 'softskill'] as const);
    const question =
      kind === 'single' ? singleChoice(id, { weight, skill_ids }) : kind === 'multiple' ? multipleChoice(id, { weight, skill_ids })
      : kind === 'fast' ? fastQuestion(id, { weight, skill_ids }) : kind === 'coding' ? codingQuestion(id, [{ _id: 'h1', hidden: true }, { _id: 'h2', hidden: true, weight: 2 }], { weight, skill_ids })
      : kind === 'sql' ? sqlQuestion(id, { weight, skill_ids }) : kind === 'essay' ? essayQuestion(id, { weight, skill_ids }) : softskillQuestion(id);
    questions.push(question);
    if (next() < 0.2) continue;
    const picks = ids.filter(() => next() < 0.4);
    const withReview = next() < 0.3 ? { review: review(next() * 12 - 1) } : {};
    if (kind === 'single' || kind === 'multiple' || kind === 'softskill') answers.push(answerTo(id, { choices: picks }, withReview));
    else if (kind === 'fast') answers.push(answerTo(id, { subanswers: { s1: picks.slice(0, 1), s2: picks } }, withReview));
    else if (kind === 'coding') answers.push(answerTo(id, { language: 71, code: 'x' }, { ...withReview, autoResult: next() < 0.2 ? null : { ...coding([['h1', next() < 0.5], ['h2', next() < 0.5]]) } }));
    else if (kind === 'sql') answers.push(answerTo(id, { code: 'select 1' }, { ...withReview, autoResult: next() < 0.2 ? null : { ...sql(next() < 0.5) } }));
    else answers.push(answerTo(id, { text: next() < 0.8 ? 'essay' : '' }, withReview));
  }
  return { revision: revisionOf(questions), answers, shuffled: [...answers].sort(() => next() - 0.5) };
}

describe('determinism (500 generated attempts)', () => {
  it('same input gives a deep-equal result; shuffled answers give the same result', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const { revision, answers, shuffled } = randomCase(seed);
      const first = scoreAttempt(revision, answers);
      expect(scoreAttempt(structuredClone(revision), structuredClone(answers)), `seed ${seed}`).toEqual(first);
      expect(scoreAttempt(revision, shuffled), `seed ${seed} shuffled`).toEqual(first);
      expect(first.totalScore, `seed ${seed}`).toBeLessThanOrEqual(first.maxScore);
      if (first.score !== null) expect(first.score).toBeGreaterThanOrEqual(0);
      if (first.score !== null) expect(first.score).toBeLessThanOrEqual(100);
    }
  });
});
