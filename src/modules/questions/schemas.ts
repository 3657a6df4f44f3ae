import { Type, type Static } from 'typebox';
import { idPattern } from '../../platform/ids.js';
import { PageQuery } from '../../platform/paging/paginate.js';
import {
  ChoiceContentSchema,
  CodingContentSchema,
  FastContentSchema,
  ProjectContentSchema,
  QuestionLocaleSchema,
  SqlContentSchema,
} from './content.js';
import { durationUnits, questionLevels, questionStatuses, questionTypes } from './schema.js';

export const Id = Type.String({ pattern: idPattern, description: '24-hex id' });
export const QuestionParams = Type.Object({ id: Type.String({ maxLength: 64, description: 'Question id' }) });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

export const TypeName = Type.Enum([...questionTypes]);
export const StatusName = Type.Enum([...questionStatuses]);
export const LevelName = Type.Enum([...questionLevels]);
const UnitName = Type.Enum([...durationUnits]);
const Term = Type.String({ minLength: 1, maxLength: 100 });
const Terms = Type.Array(Term, { maxItems: 50 });
const Ignored = (what: string) => Type.Union([Type.String({ maxLength: 200 }), Type.Object({})], { description: `Accepted for the seed's clients and ignored: ${what}` });

/**
 * The writable fields of a question, under the seed's names. On create, `type` is required and the
 * rest default; on update, fields left out stay as they are.
 */
const writable = {
  type: Type.Optional(TypeName),
  status: Type.Optional(StatusName),
  level: Type.Optional(LevelName),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Title in the main language; defaults to the first locale\'s title' })),
  description: Type.Optional(Type.String({ maxLength: 100_000, description: 'Statement (markdown) in the main language; defaults to the first locale\'s' })),
  locale: Type.Optional(Type.Array(QuestionLocaleSchema, { maxItems: 3, description: 'Title, statement and choice texts per language (pt, en, es), each language once; the first is the main one' })),
  duration: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  duration_unit: Type.Optional(
    Type.Union([UnitName, Type.Object({})], { description: 'minute, hour or day (the seed\'s sample sends {}: that leaves the unit as it is)' }),
  ),
  weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, description: 'Multiplies the question\'s points; rounded to 4 decimals' })),
  skills: Type.Optional(Type.Array(Type.Union([Id, Type.Object({ _id: Id })]), { maxItems: 50, description: 'Skill ids (taxonomy or workspace variant), or {_id} objects' })),
  categories: Type.Optional(Terms),
  question_domains: Type.Optional(Terms),
  topics: Type.Optional(Terms),
  career: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Object({})], { description: 'Kept in settings.career' })),
  question: Type.Optional(ChoiceContentSchema),
  fast: Type.Optional(FastContentSchema),
  coding: Type.Optional(CodingContentSchema),
  sql: Type.Optional(SqlContentSchema),
  project: Type.Optional(ProjectContentSchema),
  settings: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { description: 'Arbitrary settings of the question' })),
  internal_notes: Type.Optional(Type.Union([Type.Record(Type.String({ maxLength: 100 }), Type.Unknown()), Type.Null()])),
  subaccount_ids: Type.Optional(Type.Array(Id, { maxItems: 100, description: 'Subaccounts the question belongs to; empty: the whole workspace' })),
  scope: Type.Optional(Type.Enum(['private', 'public'], { description: 'public: every workspace reads it (instance super admins only); default private' })),
  author: Type.Optional(Ignored('the author is the caller')),
  _id: Type.Optional(Ignored('the path names the question')),
};

export const CreateBody = Type.Object({ ...writable, type: TypeName }, { title: 'CreateQuestion' });
export type CreateBody = Static<typeof CreateBody>;
export const UpdateBody = Type.Object(writable, { title: 'UpdateQuestion' });
export type UpdateBody = Static<typeof UpdateBody>;

export const IdList = Type.Array(Id, { minItems: 1, maxItems: 500, description: 'Question ids' });

const Search = Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive text in the title, statement or slug' }));
const IdArray = (description: string) => Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200, description }));

export const CatalogQuery = {
  ...PageQuery,
  categories: Type.Optional(Terms),
  type: Type.Optional(Type.Array(TypeName, { maxItems: 13 })),
  level: Type.Optional(Type.Array(LevelName, { maxItems: 3 })),
  _id: IdArray('Ids to highlight: their rows carry highlighted=true'),
  search: Search,
  skills: IdArray('Questions with any of these skills'),
  question_domains: Type.Optional(Type.String({ maxLength: 100, description: 'A question domain term' })),
  hl: Type.Optional(Type.String({ maxLength: 200, description: 'Accepted and ignored (search highlighting is not offered)' })),
};

export const Grouping = Type.Enum(['public', 'company'], { description: 'public: public questions only; company: the workspace\'s own only. Not with status' });
const StatusFilter = Type.Optional(Type.Enum([...questionStatuses], { description: 'Only this status. Not with grouping' }));

export const LibraryQuery = {
  ...PageQuery,
  _id: IdArray('Only these questions'),
  skills: IdArray('Questions with any of these skills'),
  author: IdArray('Questions written by any of these users'),
  type: Type.Optional(Type.Array(TypeName, { maxItems: 13 })),
  level: Type.Optional(Type.Array(LevelName, { maxItems: 3 })),
  locale: Type.Optional(Type.Array(Type.Enum(['pt', 'en', 'es']), { maxItems: 3, description: 'Questions written in any of these languages' })),
  search: Search,
  status: StatusFilter,
  grouping: Type.Optional(Grouping),
};

export const simpleTypeFilters = ['radio_multiple', 'checkbox_multiple', 'freecoding', 'link', 'video', 'essay', 'audio'] as const;
export const SimpleLibraryQuery = {
  ...PageQuery,
  _id: IdArray('Only these questions'),
  type: Type.Optional(
    Type.Array(Type.Enum([...simpleTypeFilters]), {
      maxItems: 7,
      description: 'radio_multiple / checkbox_multiple: single / multiple choice questions; link matches nothing (no Assay type answers with a link)',
    }),
  ),
  level: Type.Optional(Type.Array(LevelName, { maxItems: 3 })),
  search: Search,
  skills: IdArray('Questions with any of these skills'),
  author: IdArray('Questions written by any of these users'),
};

export const LibrarySkillsQuery = {
  ...PageQuery,
  skills: IdArray('Only these skills'),
  _id: IdArray('Only skills of these questions'),
  type: Type.Optional(Type.Array(Type.Enum(['fast', 'coding', 'project']), { maxItems: 3 })),
  status: StatusFilter,
  grouping: Type.Optional(Grouping),
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Text in the skill\'s id or taxonomy name' })),
};

export const UsedSkillsQuery = {
  ...PageQuery,
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Text in the skill\'s id or taxonomy name' })),
  ids: IdArray('Only these skills'),
};

export const AuthorsQuery = {
  ...PageQuery,
  _id: IdArray('Only these users'),
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Text in the author\'s name or e-mail' })),
};

export const IncludeQuery = Type.Object({
  include: Type.Optional(Type.String({ maxLength: 100, pattern: '^\\s*(author|skills|company)?(\\s*,\\s*(author|skills|company))*\\s*$', description: 'Comma-separated: author, skills, company' })),
});

export const RecommendationsQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'How many (default 10)' })),
});

export const SkillRef = Type.Object({
  _id: Type.String(),
  name: Type.Union([Type.String(), Type.Null()], { description: 'The taxonomy name in the x-language; null for a skill the taxonomy does not know (workspace variants: TODO resolveSkills)' }),
  questions: Type.Integer({ minimum: 0, description: 'How many of the listed questions carry it' }),
});

export const Author = Type.Object({ _id: Type.String(), name: Type.String(), email: Type.String(), questions: Type.Integer({ minimum: 0 }) });
