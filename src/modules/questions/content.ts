import { Type, type Static } from 'typebox';

/**
 * The type-specific parts of a question, under the keys the seed uses (`question`, `fast`, `coding`,
 * `project`) plus `sql`. Which key a type reads:
 *
 * | type | key | scored |
 * |---|---|---|
 * | question, softskill | question | choices (softskill: a DISC profile, no points) |
 * | fast | fast | its choice subquestions |
 * | coding | coding | the judge's verdicts on the hidden tests |
 * | freecoding | coding (languages only) | by a reviewer |
 * | sql | sql | the SQL judge against the solution's result |
 * | project | project | by a reviewer |
 * | essay, whiteboard, video, audio, file, conversational | none (settings only) | by a reviewer |
 *
 * Every element a candidate's answer points at (choice, subquestion, test) has a stable `_id`, so
 * stored answers never depend on display order.
 */

const Id = Type.String({ minLength: 1, maxLength: 64, description: 'Stable id of the element (answers refer to it)' });

export const ChoiceSchema = Type.Object(
  {
    _id: Id,
    text: Type.String({ maxLength: 5000 }),
    correct: Type.Optional(Type.Boolean({ description: 'Marks a right choice; never sent to a candidate' })),
    explanation: Type.Optional(Type.String({ maxLength: 5000, description: 'Why this choice is right or wrong; shown with results' })),
    dimension: Type.Optional(Type.Union([Type.Literal('D'), Type.Literal('I'), Type.Literal('S'), Type.Literal('C')], { description: 'softskill only: the DISC dimension this choice speaks for' })),
  },
  { additionalProperties: false },
);
export type Choice = Static<typeof ChoiceSchema>;

export const ChoiceContentSchema = Type.Object(
  {
    multiple: Type.Boolean({ default: false, description: 'true: several choices may be picked (checkbox); false: one (radio)' }),
    choices: Type.Array(ChoiceSchema, { minItems: 2, maxItems: 26 }),
    shuffle_choices: Type.Optional(Type.Boolean({ description: 'Show the choices in a per-attempt order' })),
    explanation: Type.Optional(Type.String({ maxLength: 10000 })),
  },
  { additionalProperties: false },
);
export type ChoiceContent = Static<typeof ChoiceContentSchema>;

export const SubquestionSchema = Type.Object(
  {
    _id: Id,
    title: Type.String({ minLength: 1, maxLength: 5000 }),
    level: Type.Optional(Type.Union([Type.Literal('beginner'), Type.Literal('intermediate'), Type.Literal('advanced')])),
    skill_id: Type.Optional(Type.String({ maxLength: 24 })),
    multiple: Type.Boolean({ default: false }),
    choices: Type.Array(ChoiceSchema, { minItems: 2, maxItems: 26 }),
  },
  { additionalProperties: false },
);
export const FastContentSchema = Type.Object({ subquestions: Type.Array(SubquestionSchema, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false });
export type FastContent = Static<typeof FastContentSchema>;

export const CodeTestSchema = Type.Object(
  {
    _id: Id,
    input: Type.String({ maxLength: 1_000_000 }),
    expected_output: Type.Optional(Type.String({ maxLength: 1_000_000, description: 'Absent: the reference solution\'s output is expected' })),
    hidden: Type.Boolean({ default: false, description: 'Hidden tests score the answer and are never shown to the candidate' }),
    weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, description: 'Share of the question\'s points (default 1 each)' })),
  },
  { additionalProperties: false },
);
export type CodeTest = Static<typeof CodeTestSchema>;

export const CodingContentSchema = Type.Object(
  {
    languages: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 60, description: 'Judge language ids the candidate may answer in' }),
    stubs: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]+$' }), Type.String({ maxLength: 100_000 }), { description: 'Starter code per language id' })),
    tests: Type.Array(CodeTestSchema, { maxItems: 200 }),
    reference_solutions: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]+$' }), Type.String({ maxLength: 100_000 }), { description: 'Solutions per language id that pass every test; never sent to a candidate' })),
    time_ms: Type.Optional(Type.Integer({ minimum: 100, maximum: 15_000 })),
    memory_kb: Type.Optional(Type.Integer({ minimum: 16_384, maximum: 1_048_576 })),
    comparison: Type.Optional(Type.Union([Type.Literal('exact'), Type.Literal('trimmed'), Type.Literal('float')])),
  },
  { additionalProperties: false },
);
export type CodingContent = Static<typeof CodingContentSchema>;

export const SqlContentSchema = Type.Object(
  {
    format: Type.Union([Type.Literal('dataset'), Type.Literal('script')], { description: 'dataset: `dataset_id` holds the data; script: `script` builds it' }),
    dataset_id: Type.Optional(Type.String({ maxLength: 24 })),
    script: Type.Optional(Type.String({ maxLength: 1_000_000 })),
    solution: Type.String({ minLength: 1, maxLength: 100_000, description: 'The query whose result a right answer matches; never sent to a candidate' }),
    ordered: Type.Optional(Type.Boolean({ description: 'Row order matters' })),
    multiple_statements: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SqlContent = Static<typeof SqlContentSchema>;

export const ProjectContentSchema = Type.Object(
  {
    repository_required: Type.Optional(Type.Boolean()),
    instructions: Type.Optional(Type.String({ maxLength: 50_000 })),
  },
  { additionalProperties: false },
);

export const QuestionContentSchema = Type.Object(
  {
    question: Type.Optional(ChoiceContentSchema),
    fast: Type.Optional(FastContentSchema),
    coding: Type.Optional(CodingContentSchema),
    sql: Type.Optional(SqlContentSchema),
    project: Type.Optional(ProjectContentSchema),
  },
  { additionalProperties: false },
);
export type QuestionContent = Static<typeof QuestionContentSchema>;

export const QuestionLocaleSchema = Type.Object(
  {
    language: Type.Union([Type.Literal('pt'), Type.Literal('en'), Type.Literal('es')]),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.Optional(Type.String({ maxLength: 100_000 })),
    /** Choice texts in this language, by choice _id. */
    choices: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);
export type QuestionLocale = Static<typeof QuestionLocaleSchema>;

export interface QuestionAttachment {
  path: string;
  name: string;
  content_type: string;
  size: number;
  created: string;
}

export interface QuestionBootstrap {
  path: string;
  name: string;
  content_type: string;
  size: number;
}

/** Which content key each type reads (null: settings only, reviewed by a person). */
export const contentKeyOf = {
  question: 'question',
  softskill: 'question',
  fast: 'fast',
  coding: 'coding',
  freecoding: 'coding',
  sql: 'sql',
  project: 'project',
  essay: null,
  whiteboard: null,
  video: null,
  audio: null,
  file: null,
  conversational: null,
} as const;

/** Types a person scores: their answers wait in pending_review until a reviewer gives the points. */
export const reviewedTypes = ['freecoding', 'project', 'essay', 'whiteboard', 'video', 'audio', 'file', 'conversational'] as const;
