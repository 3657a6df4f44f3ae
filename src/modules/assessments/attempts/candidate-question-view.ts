import type { Choice, QuestionContent } from '../../questions/content.js';
import type { FrozenQuestion, RevisionContent } from '../types.js';
import { seedFor, shuffled } from './attempt-order.js';

/**
 * What a candidate reads of a frozen question: statement, choices without the `correct` flags or
 * explanations, coding languages, stubs and the sample tests only (no hidden test, no reference
 * solution), the SQL data but not the solution. Everything else of the revision stays on the server.
 */
export interface CandidateChoice {
  _id: string;
  text: string;
}

export interface CandidateQuestion {
  _id: string;
  type: FrozenQuestion['type'];
  level: FrozenQuestion['level'];
  title: string;
  description: string;
  locale: Array<{ language: string; title: string; description?: string; choices?: Record<string, string> }>;
  duration: number;
  duration_unit: string;
  weight: number;
  section: string | null;
  question?: { multiple: boolean; choices: CandidateChoice[] };
  fast?: { subquestions: Array<{ _id: string; title: string; multiple: boolean; choices: CandidateChoice[] }> };
  coding?: {
    languages: number[];
    stubs: Record<string, string>;
    sample_tests: Array<{ _id: string; input: string; expected_output: string | null }>;
    time_ms: number | null;
    memory_kb: number | null;
  };
  sql?: { format: 'dataset' | 'script'; dataset_id: string | null; script: string | null; ordered: boolean; multiple_statements: boolean };
  project?: { repository_required: boolean; instructions: string | null };
}

interface Order {
  seed: number;
  randomizeChoices: boolean;
}

function choicesOf(choices: readonly Choice[], order: Order, list: string, shuffle: boolean | undefined): CandidateChoice[] {
  const view = choices.map((c) => ({ _id: c._id, text: c.text }));
  return order.randomizeChoices || shuffle ? shuffled(view, seedFor(order.seed, list)) : view;
}

function contentView(question: FrozenQuestion, content: QuestionContent, order: Order): Partial<CandidateQuestion> {
  const view: Partial<CandidateQuestion> = {};
  if (content.question) {
    view.question = { multiple: content.question.multiple, choices: choicesOf(content.question.choices, order, question._id, content.question.shuffle_choices) };
  }
  if (content.fast) {
    view.fast = {
      subquestions: content.fast.subquestions.map((sub) => ({
        _id: sub._id,
        title: sub.title,
        multiple: sub.multiple,
        choices: choicesOf(sub.choices, order, `${question._id}/${sub._id}`, false),
      })),
    };
  }
  if (content.coding) {
    view.coding = {
      languages: content.coding.languages,
      stubs: content.coding.stubs ?? {},
      sample_tests: content.coding.tests.filter((t) => !t.hidden).map((t) => ({ _id: t._id, input: t.input, expected_output: t.expected_output ?? null })),
      time_ms: content.coding.time_ms ?? null,
      memory_kb: content.coding.memory_kb ?? null,
    };
  }
  if (content.sql) {
    view.sql = {
      format: content.sql.format,
      dataset_id: content.sql.dataset_id ?? null,
      script: content.sql.script ?? null,
      ordered: content.sql.ordered ?? false,
      multiple_statements: content.sql.multiple_statements ?? false,
    };
  }
  if (content.project) view.project = { repository_required: content.project.repository_required ?? false, instructions: content.project.instructions ?? null };
  return view;
}

export function candidateQuestionView(question: FrozenQuestion, order: Order): CandidateQuestion {
  return {
    _id: question._id,
    type: question.type,
    level: question.level,
    title: question.title,
    description: question.description,
    locale: question.locale.map((l) => ({ language: l.language, title: l.title, description: l.description, choices: l.choices })),
    duration: question.duration,
    duration_unit: question.duration_unit,
    weight: question.weight,
    section: question.section,
    ...contentView(question, question.content, order),
  };
}

/** The revision's questions as this attempt shows them: in its own order when the assessment randomizes. */
export function candidateQuestions(revision: RevisionContent, attemptSeed: number): CandidateQuestion[] {
  const order: Order = { seed: attemptSeed, randomizeChoices: revision.settings.randomize_choices === true };
  const questions = revision.settings.randomize_questions ? shuffled(revision.questions, seedFor(attemptSeed, 'questions')) : revision.questions;
  return questions.map((q) => candidateQuestionView(q, order));
}
