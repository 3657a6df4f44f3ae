import { Type, type Static } from 'typebox';
import type { FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { resolveLanguage } from '../judge/languages.js';
import type { Choice, CodeTest, QuestionContent } from './content.js';
import { durationUnits, questionLevels, questionTypes, type QuestionRow } from './schema.js';

/**
 * One question as a spreadsheet row: flat columns, lists separated by `|`. The same shape arrives as
 * JSON (`POST /assessments/questions/import`) or as the columns of a CSV file (`.../import/csv`).
 *
 * | column | types | meaning |
 * |---|---|---|
 * | type, title | all | required |
 * | description, language, level, duration, duration_unit, weight, skills, topics | all | optional |
 * | choices (`Paris|*London|Rome`: `*` marks a right one), correct (`B` or `A|C`, instead of `*`), multiple, shuffle_choices, explanation | question | choices required, at least one right |
 * | choices (`D:Takes charge|I:Inspires|S:Supports|C:Checks`) | softskill | each choice names its DISC dimension |
 * | languages (`python|71`), tests (JSON array of {input, expected_output?, hidden?, weight?}), solution, time_ms, memory_kb, comparison | coding | languages and tests required |
 * | languages | freecoding | required |
 * | solution, script or dataset_id, ordered, multiple_statements | sql | solution and one of script/dataset_id required |
 * | repository_required | project | optional |
 *
 * `fast` questions carry subquestions and cannot be written as one row.
 */

const list = (description: string, maxItems = 50) =>
  Type.Union([Type.String({ maxLength: 20_000 }), Type.Array(Type.String({ maxLength: 500 }), { maxItems })], { description });

export const ImportTestSchema = Type.Object({
  input: Type.String({ maxLength: 1_000_000 }),
  expected_output: Type.Optional(Type.String({ maxLength: 1_000_000 })),
  hidden: Type.Optional(Type.Boolean()),
  weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
});

export const BulkImportQuestionItemSchema = Type.Object(
  {
    type: Type.Enum([...questionTypes], { description: '`fast` cannot be imported (it has subquestions)' }),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.Optional(Type.String({ maxLength: 100_000, description: 'Statement, markdown' })),
    language: Type.Optional(Type.Union([Type.Literal('pt'), Type.Literal('en'), Type.Literal('es')], { description: 'Language of title/description; default: the body\'s `language`, else x-language' })),
    level: Type.Optional(Type.Enum([...questionLevels], { default: 'intermediate' })),
    duration: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 10 })),
    duration_unit: Type.Optional(Type.Enum([...durationUnits], { default: 'minute' })),
    weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, default: 1 })),
    skills: Type.Optional(list('Skill slugs (`javascript`) or ids (24 hex: a taxonomy skill or a workspace skill variant); a string is split on `|` or `,`')),
    topics: Type.Optional(list('Free topics; a string is split on `|`')),
    choices: Type.Optional(list('question/softskill: the choices in order; a string is split on `|`. `*` before a choice marks it right; softskill: `D:`, `I:`, `S:` or `C:` before each', 26)),
    correct: Type.Optional(Type.String({ maxLength: 200, description: 'question: the right choices by letter (`B`, `A|C`) or 1-based number, instead of `*` markers' })),
    multiple: Type.Optional(Type.Boolean({ description: 'question: several choices may be picked. Default: true when more than one is right' })),
    shuffle_choices: Type.Optional(Type.Boolean()),
    explanation: Type.Optional(Type.String({ maxLength: 10_000 })),
    languages: Type.Optional(
      Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.String({ maxLength: 40 })]), { maxItems: 60 })], {
        description: 'coding/freecoding: judge languages by id (71) or name (python); a string is split on `|` or `,`',
      }),
    ),
    tests: Type.Optional(
      Type.Union([Type.String({ maxLength: 5_000_000, description: 'The JSON array, as a spreadsheet cell holds it' }), Type.Array(ImportTestSchema, { maxItems: 200 })], {
        description: 'coding: test cases [{input, expected_output?, hidden?, weight?}]; without expected_output the solution\'s output is expected',
      }),
    ),
    solution: Type.Optional(Type.String({ maxLength: 100_000, description: 'coding: reference solution in the first language; sql: the solution query' })),
    time_ms: Type.Optional(Type.Integer({ minimum: 100, maximum: 15_000 })),
    memory_kb: Type.Optional(Type.Integer({ minimum: 16_384, maximum: 1_048_576 })),
    comparison: Type.Optional(Type.Union([Type.Literal('exact'), Type.Literal('trimmed'), Type.Literal('float')])),
    script: Type.Optional(Type.String({ maxLength: 1_000_000, description: 'sql: the script that builds the data' })),
    dataset_id: Type.Optional(Type.String({ maxLength: 24, description: 'sql: a dataset of the workspace or a shared one' })),
    ordered: Type.Optional(Type.Boolean({ description: 'sql: row order matters' })),
    multiple_statements: Type.Optional(Type.Boolean()),
    repository_required: Type.Optional(Type.Boolean({ description: 'project: the answer must link a repository' })),
  },
  { title: 'BulkImportQuestionItem' },
);
export type ImportRow = Static<typeof BulkImportQuestionItemSchema>;

export const maxImportRows = 1000;

export interface RowDefaults {
  language: 'pt' | 'en' | 'es';
  status: 'created' | 'published';
  workspaceId: string;
  subaccountIds: string[];
  authorId: string | null;
  batchId: string;
}

/** A row turned into a question, with what the database still has to confirm (skills, dataset). */
export interface PreparedQuestion {
  row: QuestionRow;
  skillRefs: string[];
  datasetId?: string;
}

type Problems = FieldProblem[];

function split(value: string | string[] | undefined, separator: RegExp): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : value.split(separator);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

const letterIndex = (token: string) => (/^[A-Za-z]$/.test(token) ? token.toUpperCase().charCodeAt(0) - 65 : /^[0-9]+$/.test(token) ? Number(token) - 1 : -1);

function choiceContent(row: ImportRow, at: (field: string) => string, problems: Problems): QuestionContent['question'] {
  const raw = Array.isArray(row.choices) ? row.choices.map((c) => c.trim()) : split(row.choices, /\|/);
  if (raw.length < 2) {
    problems.push({ field: at('choices'), message: 'at least 2 choices, separated by |' });
    return undefined;
  }
  if (raw.length > 26) {
    problems.push({ field: at('choices'), message: 'at most 26 choices' });
    return undefined;
  }
  if (row.type === 'softskill') {
    const choices: Choice[] = [];
    for (const [i, text] of raw.entries()) {
      const match = /^([DISC])\s*[:=]\s*(.+)$/s.exec(text);
      if (!match) {
        problems.push({ field: at(`choices/${i}`), message: 'a softskill choice starts with its DISC dimension: D:, I:, S: or C:' });
        continue;
      }
      choices.push({ _id: newId(), text: match[2].trim(), dimension: match[1] as Choice['dimension'] });
    }
    return { multiple: false, choices };
  }
  const marked = raw.map((text) => text.startsWith('*'));
  let right = marked;
  if (row.correct !== undefined && row.correct.trim() !== '') {
    if (marked.some(Boolean)) {
      problems.push({ field: at('correct'), message: 'mark the right choices with * or list them in correct, not both' });
      return undefined;
    }
    right = raw.map(() => false);
    for (const token of split(row.correct, /[|,;\s]+/)) {
      const index = letterIndex(token);
      if (index < 0 || index >= raw.length) {
        problems.push({ field: at('correct'), message: `"${token}" names no choice (A to ${String.fromCharCode(64 + raw.length)}, or 1 to ${raw.length})` });
        return undefined;
      }
      right[index] = true;
    }
  }
  const count = right.filter(Boolean).length;
  if (count === 0) {
    problems.push({ field: at('choices'), message: 'mark at least one right choice (* before it, or the correct column)' });
    return undefined;
  }
  const multiple = row.multiple ?? count > 1;
  if (!multiple && count > 1) {
    problems.push({ field: at('correct'), message: 'multiple is false but more than one choice is right' });
    return undefined;
  }
  const choices = raw.map((text, i) => ({ _id: newId(), text: marked[i] ? text.slice(1).trim() : text, correct: right[i] }));
  const empty = choices.findIndex((c) => c.text === '');
  if (empty >= 0) {
    problems.push({ field: at(`choices/${empty}`), message: 'a choice has no text' });
    return undefined;
  }
  return {
    multiple,
    choices,
    ...(row.shuffle_choices !== undefined ? { shuffle_choices: row.shuffle_choices } : {}),
    ...(row.explanation ? { explanation: row.explanation } : {}),
  };
}

function judgeLanguages(row: ImportRow, at: (field: string) => string, problems: Problems): number[] | undefined {
  const tokens = Array.isArray(row.languages) ? row.languages : split(row.languages, /[|,]/);
  if (tokens.length === 0) {
    problems.push({ field: at('languages'), message: `${row.type} questions need at least one judge language (id or name)` });
    return undefined;
  }
  const ids: number[] = [];
  for (const [i, token] of tokens.entries()) {
    const language = resolveLanguage(token);
    if (!language) {
      problems.push({ field: at(`languages/${i}`), message: `${String(token)} is not a judge language` });
      return undefined;
    }
    if (!ids.includes(language.id)) ids.push(language.id);
  }
  return ids;
}

function parseTests(row: ImportRow, at: (field: string) => string, problems: Problems): Array<Static<typeof ImportTestSchema>> | undefined {
  if (row.tests === undefined || (typeof row.tests === 'string' && row.tests.trim() === '')) {
    problems.push({ field: at('tests'), message: 'coding questions need test cases: [{"input": "...", "expected_output": "..."}]' });
    return undefined;
  }
  if (Array.isArray(row.tests)) return row.tests;
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.tests);
  } catch {
    problems.push({ field: at('tests'), message: 'not a JSON array of test cases' });
    return undefined;
  }
  const shaped = Array.isArray(parsed) && parsed.length <= 200 && parsed.every((t) => isTest(t));
  if (!shaped) {
    problems.push({ field: at('tests'), message: 'a JSON array (at most 200) of {input: string, expected_output?: string, hidden?: boolean, weight?: number}' });
    return undefined;
  }
  return parsed as Array<Static<typeof ImportTestSchema>>;
}

function isTest(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const t = value as Record<string, unknown>;
  return (
    typeof t.input === 'string' &&
    (t.expected_output === undefined || typeof t.expected_output === 'string') &&
    (t.hidden === undefined || typeof t.hidden === 'boolean') &&
    (t.weight === undefined || (typeof t.weight === 'number' && t.weight >= 0 && t.weight <= 1000))
  );
}

function codingContent(row: ImportRow, at: (field: string) => string, problems: Problems): QuestionContent['coding'] {
  const languages = judgeLanguages(row, at, problems);
  if (row.type === 'freecoding') return languages ? { languages, tests: [] } : undefined;
  const tests = parseTests(row, at, problems);
  if (!languages || !tests) return undefined;
  if (tests.length === 0) {
    problems.push({ field: at('tests'), message: 'at least one test case' });
    return undefined;
  }
  const solution = row.solution?.trim() ? row.solution : undefined;
  const unchecked = tests.findIndex((t) => t.expected_output === undefined);
  if (unchecked >= 0 && !solution) {
    problems.push({ field: at(`tests/${unchecked}/expected_output`), message: 'give the expected output, or a solution whose output stands for it' });
    return undefined;
  }
  const codeTests: CodeTest[] = tests.map((t) => ({
    _id: newId(),
    input: t.input,
    ...(t.expected_output !== undefined ? { expected_output: t.expected_output } : {}),
    hidden: t.hidden ?? false,
    ...(t.weight !== undefined ? { weight: t.weight } : {}),
  }));
  return {
    languages,
    tests: codeTests,
    ...(solution ? { reference_solutions: { [String(languages[0])]: solution } } : {}),
    ...(row.time_ms !== undefined ? { time_ms: row.time_ms } : {}),
    ...(row.memory_kb !== undefined ? { memory_kb: row.memory_kb } : {}),
    ...(row.comparison ? { comparison: row.comparison } : {}),
  };
}

function sqlContent(row: ImportRow, at: (field: string) => string, problems: Problems): QuestionContent['sql'] {
  const solution = row.solution?.trim();
  if (!solution) problems.push({ field: at('solution'), message: 'sql questions need the solution query' });
  const datasetId = row.dataset_id?.trim() || undefined;
  const script = row.script?.trim() ? row.script : undefined;
  if (!datasetId && !script) problems.push({ field: at('script'), message: 'sql questions need a script that builds the data, or a dataset_id' });
  if (datasetId && !/^[0-9a-f]{24}$/.test(datasetId)) problems.push({ field: at('dataset_id'), message: 'not a dataset id (24 hex)' });
  if (!solution || (!datasetId && !script)) return undefined;
  return {
    format: datasetId ? 'dataset' : 'script',
    ...(datasetId ? { dataset_id: datasetId } : {}),
    ...(script ? { script } : {}),
    solution: row.solution as string,
    ...(row.ordered !== undefined ? { ordered: row.ordered } : {}),
    ...(row.multiple_statements !== undefined ? { multiple_statements: row.multiple_statements } : {}),
  };
}

function contentOf(row: ImportRow, at: (field: string) => string, problems: Problems): QuestionContent | undefined {
  switch (row.type) {
    case 'question':
    case 'softskill': {
      const question = choiceContent(row, at, problems);
      return question ? { question } : undefined;
    }
    case 'coding':
    case 'freecoding': {
      const coding = codingContent(row, at, problems);
      return coding ? { coding } : undefined;
    }
    case 'sql': {
      const sql = sqlContent(row, at, problems);
      return sql ? { sql } : undefined;
    }
    case 'project':
      return { project: row.repository_required !== undefined ? { repository_required: row.repository_required } : {} };
    case 'fast':
      problems.push({ field: at('type'), message: 'fast questions have subquestions and cannot be imported as rows: create them with POST /assessments/questions' });
      return undefined;
    default:
      return {};
  }
}

function slugOf(title: string, id: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${base || 'question'}-${id.slice(-12)}`;
}

/**
 * Checks one row and builds its question; problems name `<prefix>/<index>/<field>`. Skills and the
 * dataset are checked against the database by the caller (import-questions.ts).
 */
export function prepareQuestion(row: ImportRow, index: number, prefix: string, defaults: RowDefaults, problems: Problems): PreparedQuestion | undefined {
  const at = (field: string) => `${prefix}/${index}/${field}`;
  const before = problems.length;
  const title = row.title.trim();
  if (title === '') problems.push({ field: at('title'), message: 'required' });
  const content = contentOf(row, at, problems);
  if (problems.length > before || !content) return undefined;
  const id = newId();
  const language = row.language ?? defaults.language;
  const description = row.description ?? '';
  const now = new Date();
  return {
    skillRefs: split(row.skills, /[|,]/),
    datasetId: content.sql?.dataset_id,
    row: {
      workspaceId: defaults.workspaceId,
      id,
      slug: slugOf(title, id),
      type: row.type,
      status: defaults.status,
      level: row.level ?? 'intermediate',
      title,
      description,
      locale: [{ language, title, ...(description ? { description } : {}) }],
      duration: row.duration ?? 10,
      durationUnit: row.duration_unit ?? 'minute',
      weight: row.weight ?? 1,
      skillIds: [],
      categories: [],
      questionDomains: [],
      topics: split(row.topics, /\|/),
      content,
      settings: { import_batch_id: defaults.batchId, import_row: index },
      internalNotes: null,
      attachments: [],
      bootstrap: null,
      authorId: defaults.authorId,
      sourceQuestionId: null,
      created: now,
      updated: now,
      subaccountIds: defaults.subaccountIds,
    },
  };
}
