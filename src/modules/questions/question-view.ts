import { Type, type Static } from 'typebox';
import type { Language } from '../../platform/http/request-context.js';
import {
  ChoiceContentSchema,
  CodingContentSchema,
  FastContentSchema,
  ProjectContentSchema,
  QuestionLocaleSchema,
  SqlContentSchema,
  type Choice,
  type QuestionAttachment,
  type QuestionBootstrap,
  type QuestionContent,
  type QuestionLocale,
} from './content.js';
import { withDownloadUrl } from '../../platform/storage/file-id.js';
import type { VisibleQuestion } from './find-questions.js';
import { durationUnitLabel, levelLabel, statusLabel, typeLabel } from './labels.js';
import { durationUnits, questionLevels, questionStatuses, questionTypes } from './schema.js';

/**
 * The API JSON of a question. Two shapes:
 * - `questionView`: what the workspace that manages it reads (get by id, lists, create, update):
 *   everything, right choices, hidden tests and reference solutions included.
 * - `publicQuestionView`: what anyone may read (get by slug): no right-choice flags, no explanations,
 *   no DISC dimensions, no hidden tests, no reference or SQL solutions. `publicContent` is the same
 *   stripping for other readers (a candidate's view of an attempt).
 */

const Ref = Type.Object({ _id: Type.String(), name: Type.Optional(Type.String({ description: 'With include=…: the name' })) });
export type Ref = Static<typeof Ref>;

const TypeName = Type.Enum([...questionTypes]);
const StatusName = Type.Enum([...questionStatuses]);
const LevelName = Type.Enum([...questionLevels]);
const UnitName = Type.Enum([...durationUnits]);

export const QuestionSchema = Type.Object(
  {
    _id: Type.String(),
    slug: Type.String(),
    type: TypeName,
    type_formatted: Type.String({ description: 'type in the x-language' }),
    status: StatusName,
    status_formatted: Type.String(),
    level: LevelName,
    level_formatted: Type.String(),
    title: Type.String({ description: 'Title in the main locale (the first of `locale`)' }),
    description: Type.String({ description: 'Statement (markdown) in the main locale' }),
    duration: Type.Number(),
    duration_unit: UnitName,
    duration_unit_formatted: Type.String(),
    weight: Type.Number(),
    scope: Type.Enum(['private', 'public'], { description: 'private: this workspace\'s own; public: readable by every workspace' }),
    author: Type.Union([Ref, Type.Null()], { description: 'The user who wrote it ({_id}; with include=author also the name); null for Assay\'s catalog' }),
    company: Type.Union([Ref, Type.Null()], { description: 'The owning workspace ({_id}; with include=company also the name); null for Assay\'s catalog' }),
    skills: Type.Array(Ref, { description: 'Skills as {_id} (with include=skills also the name when known)' }),
    question_domains: Type.Array(Type.String()),
    categories: Type.Array(Type.String()),
    topics: Type.Array(Type.String()),
    locale: Type.Array(QuestionLocaleSchema),
    question: Type.Optional(ChoiceContentSchema),
    fast: Type.Optional(FastContentSchema),
    coding: Type.Optional(CodingContentSchema),
    sql: Type.Optional(SqlContentSchema),
    project: Type.Optional(ProjectContentSchema),
    settings: Type.Record(Type.String(), Type.Unknown()),
    internal_notes: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    attachments: Type.Array(
      Type.Object({
        path: Type.String(),
        name: Type.String(),
        content_type: Type.String(),
        size: Type.Integer(),
        created: Type.String(),
        url: Type.String({ description: 'Download it here (relative to the API; same credentials)' }),
      }),
    ),
    bootstrap: Type.Union([
      Type.Object({ path: Type.String(), name: Type.String(), content_type: Type.String(), size: Type.Integer(), url: Type.String({ description: 'Download it here' }) }),
      Type.Null(),
    ]),
    recommendations: Type.Array(Type.String(), { description: 'Ids of related questions; read them with GET /assessments/questions/:id/recommendations' }),
    subaccount_ids: Type.Array(Type.String()),
    source_question_id: Type.Union([Type.String(), Type.Null()], { description: 'The public question this private copy was made from' }),
    deleted: Type.Boolean({ description: 'Always false: deleted questions are gone' }),
    created: Type.String({ format: 'date-time' }),
    updated: Type.String({ format: 'date-time' }),
  },
  { title: 'Question' },
);
export type QuestionView = Static<typeof QuestionSchema>;

/** Names resolved for `include=author,company,skills`; ids alone otherwise. */
export interface QuestionExpansions {
  author?: Ref | null;
  company?: Ref | null;
  skills?: Ref[];
}

function contentOf(content: QuestionContent) {
  const out: Pick<QuestionView, 'question' | 'fast' | 'coding' | 'sql' | 'project'> = {};
  if (content.question) out.question = content.question;
  if (content.fast) out.fast = content.fast;
  if (content.coding) out.coding = content.coding;
  if (content.sql) out.sql = content.sql;
  if (content.project) out.project = content.project;
  return out;
}

export function questionView(row: VisibleQuestion, language: Language, expanded: QuestionExpansions = {}): QuestionView {
  const company = row.scope === 'private' ? row.workspaceId : row.ownerWorkspaceId;
  return {
    _id: row.id,
    slug: row.slug,
    type: row.type,
    type_formatted: typeLabel(row.type, language),
    status: row.status,
    status_formatted: statusLabel(row.status, language),
    level: row.level,
    level_formatted: levelLabel(row.level, language),
    title: row.title,
    description: row.description,
    duration: row.duration,
    duration_unit: row.durationUnit,
    duration_unit_formatted: durationUnitLabel(row.durationUnit, language),
    weight: row.weight,
    scope: row.scope,
    author: expanded.author !== undefined ? expanded.author : row.authorId ? { _id: row.authorId } : null,
    company: expanded.company !== undefined ? expanded.company : company ? { _id: company } : null,
    skills: expanded.skills ?? row.skillIds.map((id) => ({ _id: id })),
    question_domains: row.questionDomains,
    categories: row.categories,
    topics: row.topics,
    locale: row.locale,
    ...contentOf(row.content),
    settings: row.settings,
    internal_notes: row.internalNotes ?? null,
    attachments: attachmentsView(row.id, row.attachments),
    bootstrap: row.bootstrap ? bootstrapView(row.id, row.bootstrap) : null,
    recommendations: [],
    subaccount_ids: row.subaccountIds,
    source_question_id: row.sourceQuestionId ?? null,
    deleted: false,
    created: row.created.toISOString(),
    updated: row.updated.toISOString(),
  };
}

// ---- the public shape: nothing that gives an answer away ----

const PublicChoice = Type.Object({ _id: Type.String(), text: Type.String() });
const PublicChoiceContent = Type.Object({ multiple: Type.Boolean(), shuffle_choices: Type.Optional(Type.Boolean()), choices: Type.Array(PublicChoice) });
const PublicFast = Type.Object({
  subquestions: Type.Array(
    Type.Object({ _id: Type.String(), title: Type.String(), level: Type.Optional(LevelName), skill_id: Type.Optional(Type.String()), multiple: Type.Boolean(), choices: Type.Array(PublicChoice) }),
  ),
});
const PublicCoding = Type.Object({
  languages: Type.Array(Type.Integer()),
  stubs: Type.Optional(Type.Record(Type.String(), Type.String())),
  tests: Type.Array(Type.Object({ _id: Type.String(), input: Type.String(), expected_output: Type.Optional(Type.String()) }), { description: 'Sample tests only: hidden ones never leave the server' }),
  time_ms: Type.Optional(Type.Integer()),
  memory_kb: Type.Optional(Type.Integer()),
});
const PublicSql = Type.Object({
  format: Type.Enum(['dataset', 'script']),
  dataset_id: Type.Optional(Type.String()),
  script: Type.Optional(Type.String({ description: 'The schema and data the query runs on' })),
  ordered: Type.Optional(Type.Boolean()),
  multiple_statements: Type.Optional(Type.Boolean()),
});

export const PublicContentProperties = {
  question: Type.Optional(PublicChoiceContent),
  fast: Type.Optional(PublicFast),
  coding: Type.Optional(PublicCoding),
  sql: Type.Optional(PublicSql),
  project: Type.Optional(ProjectContentSchema),
};
export const PublicContentSchema = Type.Object(PublicContentProperties);
export type PublicContent = Static<typeof PublicContentSchema>;

const publicChoice = (choice: Choice) => ({ _id: choice._id, text: choice.text });

/** The content with every answer-revealing part removed (right flags, explanations, DISC dimensions, hidden tests, solutions). */
export function publicContent(content: QuestionContent): PublicContent {
  const out: PublicContent = {};
  if (content.question) {
    const { multiple, shuffle_choices, choices } = content.question;
    out.question = { multiple, choices: choices.map(publicChoice), ...(shuffle_choices !== undefined ? { shuffle_choices } : {}) };
  }
  if (content.fast) {
    out.fast = {
      subquestions: content.fast.subquestions.map((s) => ({
        _id: s._id,
        title: s.title,
        ...(s.level ? { level: s.level } : {}),
        ...(s.skill_id ? { skill_id: s.skill_id } : {}),
        multiple: s.multiple,
        choices: s.choices.map(publicChoice),
      })),
    };
  }
  if (content.coding) {
    const { languages, stubs, tests, time_ms, memory_kb } = content.coding;
    out.coding = {
      languages,
      ...(stubs ? { stubs } : {}),
      tests: tests
        .filter((t) => !t.hidden)
        .map((t) => ({ _id: t._id, input: t.input, ...(t.expected_output !== undefined ? { expected_output: t.expected_output } : {}) })),
      ...(time_ms !== undefined ? { time_ms } : {}),
      ...(memory_kb !== undefined ? { memory_kb } : {}),
    };
  }
  if (content.sql) {
    const { format, dataset_id, script, ordered, multiple_statements } = content.sql;
    out.sql = {
      format,
      ...(dataset_id !== undefined ? { dataset_id } : {}),
      ...(script !== undefined ? { script } : {}),
      ...(ordered !== undefined ? { ordered } : {}),
      ...(multiple_statements !== undefined ? { multiple_statements } : {}),
    };
  }
  if (content.project) out.project = content.project;
  return out;
}

const PublicLocale = Type.Object({
  language: Type.Enum(['pt', 'en', 'es']),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  choices: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Choice texts in this language, by choice _id' })),
});

export const PublicQuestionSchema = Type.Object(
  {
    id: Type.String(),
    _id: Type.String(),
    slug: Type.String(),
    type: TypeName,
    type_formatted: Type.String(),
    title: Type.String({ description: 'In the x-language when the question has it, else its main locale' }),
    description: Type.String(),
    locale: PublicLocale,
    languages: Type.Array(Type.String(), { description: 'Every language the question is written in' }),
    level: LevelName,
    level_formatted: Type.String(),
    duration: Type.Number(),
    duration_unit: UnitName,
    skills: Type.Array(Ref),
    topics: Type.Array(Type.String()),
    question_domains: Type.Array(Type.String()),
    categories: Type.Array(Type.String()),
    ...PublicContentProperties,
  },
  { title: 'PublicQuestion' },
);
export type PublicQuestionView = Static<typeof PublicQuestionSchema>;

/** The locale entry for the language asked, else the main one (the first), else one built from the title. */
export function localeFor(row: Pick<VisibleQuestion, 'locale' | 'title' | 'description'>, language: Language): QuestionLocale {
  return row.locale.find((l) => l.language === language) ?? row.locale[0] ?? { language, title: row.title, description: row.description };
}

export function publicQuestionView(row: VisibleQuestion, language: Language): PublicQuestionView {
  const locale = localeFor(row, language);
  return {
    id: row.id,
    _id: row.id,
    slug: row.slug,
    type: row.type,
    type_formatted: typeLabel(row.type, language),
    title: locale.title,
    description: locale.description ?? '',
    locale,
    languages: row.locale.map((l) => l.language),
    level: row.level,
    level_formatted: levelLabel(row.level, language),
    duration: row.duration,
    duration_unit: row.durationUnit,
    skills: row.skillIds.map((id) => ({ _id: id })),
    topics: row.topics,
    question_domains: row.questionDomains,
    categories: row.categories,
    ...publicContent(row.content),
  };
}

/** A question's attachments as answered: each with its download route (GET /assessments/questions/:id/media/:file). */
export function attachmentsView(questionId: string, attachments: QuestionAttachment[]) {
  return attachments.map((file) => withDownloadUrl(file, `/assessments/questions/${questionId}/media`));
}

/** The bootstrap file as answered, with its download route (GET /assessments/questions/:id/bootstrap). */
export function bootstrapView(questionId: string, bootstrap: QuestionBootstrap) {
  return { ...bootstrap, url: `/assessments/questions/${questionId}/bootstrap` };
}
