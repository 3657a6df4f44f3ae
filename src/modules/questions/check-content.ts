import { AppError, type FieldProblem } from '../../platform/errors.js';
import { languageById } from '../judge/languages.js';
import { contentKeyOf, type Choice, type QuestionContent, type QuestionLocale } from './content.js';
import type { QuestionType } from './schema.js';

const contentKeys = ['question', 'fast', 'coding', 'sql', 'project'] as const;

/**
 * The rules of a question's content that its JSON schema cannot state (content.ts gives the shapes):
 * - the type's key is there (`project` may be left out: all of its fields are optional) and no other
 *   type's key is;
 * - question: every choice id unique; at least one right choice; a single-choice one has exactly one;
 * - softskill: every choice names its DISC dimension; no right flags;
 * - fast: the same choice rules per subquestion; subquestion and choice ids unique;
 * - coding: at least one language, each known to the judge; at least one hidden test (hidden tests
 *   score the answer); test ids unique; stubs and reference solutions only for the allowed languages;
 *   a test without expected_output needs a reference solution (its output is expected);
 * - freecoding: at least one known language; tests optional;
 * - sql: a dataset_id for format dataset, a script for format script;
 * - locale: each language once; its choice texts name choices of the question.
 * Every problem names its field (`body/coding/languages/1`).
 */
export function contentProblems(type: QuestionType, content: QuestionContent, locale: QuestionLocale[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string, message: string) => problems.push({ field: `body/${field}`, message });
  const key = contentKeyOf[type];
  for (const other of contentKeys) {
    if (other !== key && content[other] !== undefined) at(other, `a ${type} question keeps no ${other} content${key ? ` (its content goes under ${key})` : ''}`);
  }
  if (key && key !== 'project' && content[key] === undefined) at(key, `a ${type} question needs its ${key} content`);

  if (type === 'question' && content.question) checkChoices(content.question.choices, content.question.multiple, 'question/choices', at);
  if (type === 'softskill' && content.question) {
    uniqueIds(content.question.choices, 'question/choices', at);
    content.question.choices.forEach((choice, i) => {
      if (!choice.dimension) at(`question/choices/${i}/dimension`, 'a softskill choice names its DISC dimension (D, I, S or C)');
      if (choice.correct !== undefined) at(`question/choices/${i}/correct`, 'a softskill choice has no right answer');
    });
  }
  if (content.fast) {
    const seen = new Set<string>();
    content.fast.subquestions.forEach((sub, i) => {
      if (seen.has(sub._id)) at(`fast/subquestions/${i}/_id`, `the id ${sub._id} is used twice`);
      seen.add(sub._id);
      checkChoices(sub.choices, sub.multiple, `fast/subquestions/${i}/choices`, at);
    });
  }
  if (content.coding && (type === 'coding' || type === 'freecoding')) {
    const { languages, tests, stubs, reference_solutions: solutions } = content.coding;
    if (languages.length === 0) at('coding/languages', 'name at least one judge language id');
    languages.forEach((id, i) => {
      if (!languageById(id)) at(`coding/languages/${i}`, `the judge has no language ${id} (GET /assessments/questions/languages lists them)`);
    });
    if (new Set(languages).size !== languages.length) at('coding/languages', 'each language once');
    const allowed = new Set(languages.map(String));
    for (const [name, record] of [['stubs', stubs], ['reference_solutions', solutions]] as const) {
      for (const id of Object.keys(record ?? {})) if (!allowed.has(id)) at(`coding/${name}/${id}`, `language ${id} is not among the question's languages`);
    }
    uniqueIds(tests, 'coding/tests', at);
    if (type === 'coding') {
      if (!tests.some((t) => t.hidden)) at('coding/tests', 'a coding question needs at least one hidden test: hidden tests score the answer');
      const hasSolution = Object.keys(solutions ?? {}).length > 0;
      tests.forEach((test, i) => {
        if (test.expected_output === undefined && !hasSolution) at(`coding/tests/${i}/expected_output`, 'give the expected output, or a reference solution whose output is expected');
      });
    }
  }
  if (content.sql && type === 'sql') {
    if (content.sql.format === 'dataset' && !content.sql.dataset_id) at('sql/dataset_id', 'format dataset needs the dataset_id the query runs on');
    if (content.sql.format === 'script' && !content.sql.script?.trim()) at('sql/script', 'format script needs the script that builds the data');
  }

  const languages = new Set<string>();
  const choiceIds = new Set([...(content.question?.choices ?? []), ...(content.fast?.subquestions.flatMap((s) => s.choices) ?? [])].map((c) => c._id));
  locale.forEach((entry, i) => {
    if (languages.has(entry.language)) at(`locale/${i}/language`, `${entry.language} is given twice`);
    languages.add(entry.language);
    for (const id of Object.keys(entry.choices ?? {})) if (!choiceIds.has(id)) at(`locale/${i}/choices/${id}`, `no choice has the id ${id}`);
  });
  return problems;
}

function uniqueIds(items: Array<{ _id: string }>, field: string, at: (field: string, message: string) => void): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item._id)) at(`${field}/${i}/_id`, `the id ${item._id} is used twice`);
    seen.add(item._id);
  });
}

function checkChoices(choices: Choice[], multiple: boolean, field: string, at: (field: string, message: string) => void): void {
  uniqueIds(choices, field, at);
  const right = choices.filter((c) => c.correct === true).length;
  if (right === 0) at(field, 'mark at least one choice correct');
  else if (!multiple && right > 1) at(field, 'a single-choice question has exactly one correct choice (set multiple: true for several)');
  choices.forEach((choice, i) => {
    if (choice.dimension) at(`${field}/${i}/dimension`, 'DISC dimensions belong to softskill questions');
  });
}

export function checkContent(type: QuestionType, content: QuestionContent, locale: QuestionLocale[]): void {
  const problems = contentProblems(type, content, locale);
  if (problems.length === 0) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new AppError(400, 'invalid_question', `${problems[0].field}: ${problems[0].message}${more}`, problems);
}
