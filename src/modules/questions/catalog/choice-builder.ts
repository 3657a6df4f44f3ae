import type { Choice } from '../content.js';
import type { CatalogQuestion, CatalogTranslation } from './catalog-question.js';
import type { QuestionLevel } from '../schema.js';

/** A choice as written: its text, whether it is right, and why. */
export type ChoiceSpec = [text: string, correct: boolean, explanation: string];

/** Choices get the stable ids a, b, c… in the order written. */
export function choicesOf(specs: ChoiceSpec[]): Choice[] {
  return specs.map(([text, correct, explanation], i) => ({ _id: String.fromCharCode(97 + i), text, correct, explanation }));
}

export interface ChoiceQuestionSpec {
  slug: string;
  level: QuestionLevel;
  duration?: number;
  skills: string[];
  topics?: string[];
  title: string;
  pt: CatalogTranslation;
  es: CatalogTranslation;
  description: string;
  /** Several right choices (checkbox) rather than one (radio). */
  multiple?: boolean;
  choices: ChoiceSpec[];
}

/** A single or multiple choice question with an explanation on every choice; choices are shown shuffled. */
export function choiceQuestion(spec: ChoiceQuestionSpec): CatalogQuestion {
  return {
    slug: spec.slug,
    type: 'question',
    level: spec.level,
    duration: spec.duration ?? 2,
    skills: spec.skills,
    topics: spec.topics,
    title: spec.title,
    description: spec.description,
    pt: spec.pt,
    es: spec.es,
    content: { question: { multiple: spec.multiple ?? false, shuffle_choices: true, choices: choicesOf(spec.choices) } },
  };
}
