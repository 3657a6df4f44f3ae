import type { QuestionType } from '../../questions/schema.js';
import type { QuestionContent } from '../../questions/content.js';
import type { FrozenQuestion, RevisionContent } from '../types.js';
import type { ScorableAnswer } from './score-types.js';

/** Frozen questions and answers for scoring tests and benchmarks (no database). */
export function frozenQuestion(id: string, type: QuestionType, content: QuestionContent, options: Partial<FrozenQuestion> = {}): FrozenQuestion {
  return {
    _id: id,
    type,
    level: 'intermediate',
    title: `Question ${id}`,
    description: '',
    locale: [],
    skill_ids: [],
    duration: 5,
    duration_unit: 'minute',
    weight: 1,
    section: null,
    content,
    settings: {},
    ...options,
  };
}

export function revisionOf(questions: FrozenQuestion[], settings: RevisionContent['settings'] = {}): RevisionContent {
  return { name: 'Scoring test', description: '', language: 'en', duration_seconds: 3600, settings, sections: [], questions };
}

export function answerTo(questionId: string, response: ScorableAnswer['response'], extra: Partial<ScorableAnswer> = {}): ScorableAnswer {
  return { questionId, response, autoResult: null, review: null, ...extra };
}

const choices = (right: string[], ids: string[]) => ids.map((id) => ({ _id: id, text: id, correct: right.includes(id) }));

export const singleChoice = (id: string, options: Partial<FrozenQuestion> = {}) =>
  frozenQuestion(id, 'question', { question: { multiple: false, choices: choices(['a'], ['a', 'b', 'c']) } }, options);

export const multipleChoice = (id: string, options: Partial<FrozenQuestion> = {}) =>
  frozenQuestion(id, 'question', { question: { multiple: true, choices: choices(['a', 'b', 'c'], ['a', 'b', 'c', 'd', 'e']) } }, options);

export const codingQuestion = (id: string, tests: Array<{ _id: string; hidden: boolean; weight?: number }>, options: Partial<FrozenQuestion> = {}) =>
  frozenQuestion(id, 'coding', { coding: { languages: [71], tests: tests.map((test) => ({ input: '', ...test })) } }, options);

export const sqlQuestion = (id: string, options: Partial<FrozenQuestion> = {}) =>
  frozenQuestion(id, 'sql', { sql: { format: 'script', script: 'create table t(x int);', solution: 'select 1' } }, options);

export const essayQuestion = (id: string, options: Partial<FrozenQuestion> = {}) => frozenQuestion(id, 'essay', {}, options);

export const softskillQuestion = (id: string) =>
  frozenQuestion(id, 'softskill', {
    question: {
      multiple: true,
      choices: [
        { _id: 'd', text: 'Direct', dimension: 'D' },
        { _id: 'i', text: 'Lively', dimension: 'I' },
        { _id: 's', text: 'Steady', dimension: 'S' },
        { _id: 'c', text: 'Careful', dimension: 'C' },
      ],
    },
  });

export const fastQuestion = (id: string, options: Partial<FrozenQuestion> = {}) =>
  frozenQuestion(id, 'fast', {
    fast: {
      subquestions: [
        { _id: 's1', title: 'One', multiple: false, choices: choices(['a'], ['a', 'b']) },
        { _id: 's2', title: 'Two', multiple: true, choices: choices(['a', 'b'], ['a', 'b', 'c']) },
      ],
    },
  }, options);
