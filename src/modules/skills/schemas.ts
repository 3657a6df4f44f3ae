import { Type, type Static } from 'typebox';
import { PageQuery } from '../../platform/paging/paginate.js';

const Id = Type.String({ pattern: '^[0-9a-f]{24}$', description: '24-hex id' });
const DateTime = Type.String({ format: 'date-time' });
const Locale = Type.Union([Type.Literal('pt'), Type.Literal('en'), Type.Literal('es')]);
const NullableText = Type.Union([Type.String(), Type.Null()]);

export const maxLevels = 10;
const VariantName = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: 'Name of the skill variant, at most 50 characters', example: 'React' });
const Description = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'What the skill covers' });
const LevelName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const Examples = Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 20, description: 'Observable behaviours at this level' });

const LevelInput = Type.Object(
  {
    _id: Type.Optional({ ...Id, description: 'Keep it to keep the level (and its translations); a level without one gets a new id' }),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: maxLevels, description: 'Ignored: a level is its position in the list, from 1' })),
    name: LevelName,
    description: Type.Optional(Description),
    examples: Type.Optional(Examples),
  },
  { title: 'LevelDto' },
);
const Levels = Type.Array(LevelInput, { maxItems: maxLevels, description: `Proficiency levels, lowest first (at most ${maxLevels}); each level's number is its position` });

const LevelTranslation = Type.Object({
  name: Type.Optional(LevelName),
  description: Type.Optional(Description),
  examples: Type.Optional(Examples),
});
const LocaleContent = Type.Object({
  name: Type.Optional(VariantName),
  description: Type.Optional(Description),
  levels: Type.Optional(
    Type.Record(Type.String({ pattern: '^[0-9a-f]{24}$' }), LevelTranslation, { description: 'By level `_id`: each must be a level of the variant' }),
  ),
});
const TranslatedContent = Type.Object(
  { pt: Type.Optional(LocaleContent), en: Type.Optional(LocaleContent), es: Type.Optional(LocaleContent) },
  { description: 'Per locale (pt, en, es; others are ignored): name, description and levels by `_id`. The base fields are in default_locale.' },
);
const SkillInput = Type.Union([Type.Object({ _id: Type.Optional(Id) }), Type.Null()], {
  description: 'The taxonomy skill this variant refines (`{_id}`, from GET /skills); null or an object without `_id` links none',
});
const SubaccountIds = Type.Array(Id, { uniqueItems: true, maxItems: 500, description: 'Subaccounts that see the variant; empty = the whole workspace' });

export const CreateBody = Type.Object({
  name: VariantName,
  description: Type.Optional(Description),
  skill: Type.Optional(SkillInput),
  levels: Type.Optional(Levels),
  translated_content: Type.Optional(TranslatedContent),
  default_locale: Type.Optional({ ...Locale, description: 'Locale of name, description and levels. Default en (or the template\'s)' }),
  subaccount_ids: Type.Optional(SubaccountIds),
  template_id: Type.Optional({ ...Id, description: 'Start from this template (GET /skills/variants/templates): its description, skill, levels and translations fill what is not sent' }),
});
export type CreateInput = Static<typeof CreateBody>;

export const UpdateBody = Type.Object({
  _id: Type.Optional(Type.Union([Id, Type.Object({})], { description: 'The variant id; when a string it must equal the path id. The path wins.' })),
  name: VariantName,
  description: Type.Optional(Description),
  levels: Levels,
  skill: Type.Optional(SkillInput),
  translated_content: Type.Optional(TranslatedContent),
  default_locale: Type.Optional(Locale),
  subaccount_ids: Type.Optional(SubaccountIds),
});
export type UpdateInput = Static<typeof UpdateBody>;

export const VariantParams = Type.Object({ id: Type.String({ maxLength: 64, description: 'Skill variant id' }) });

const search = Type.Optional(Type.String({ maxLength: 200, description: 'Substring of the name (in any locale) or the description' }));
const ids = Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 2000, description: 'These variants (ids=a&ids=b); OR-combined with search' }));
export const ListQuery = Type.Object({ ...PageQuery, search, ids });
export type ListInput = Static<typeof ListQuery>;
export const TemplatesQuery = Type.Object({ ...PageQuery, search });
export const ExportBody = Type.Object({
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Full-text search on skill name', example: 'communication' })),
  ids: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 2000, description: 'Filter by explicit skill ids (OR-combined with search)' })),
});
export type ExportInput = Static<typeof ExportBody>;

export const SkillsQuery = Type.Object({
  ...PageQuery,
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of the slug or the name in any locale' })),
  kind: Type.Optional(Type.Union([Type.Literal('hard'), Type.Literal('soft')])),
});

export const SkillRef = Type.Object(
  { _id: Type.String(), slug: Type.String(), name: Type.String({ description: 'In the served locale' }), kind: Type.Union([Type.Literal('hard'), Type.Literal('soft')]) },
  { title: 'SkillRef' },
);
export const TaxonomySkill = Type.Object(
  {
    _id: Type.String(),
    slug: Type.String(),
    name: Type.String({ description: 'In x-language' }),
    names: Type.Object({ en: Type.String(), pt: Type.Optional(Type.String()), es: Type.Optional(Type.String()) }),
    kind: Type.Union([Type.Literal('hard'), Type.Literal('soft')], { description: 'hard (technical) or soft' }),
  },
  { title: 'Skill' },
);

const LevelView = Type.Object({ _id: Type.String(), level: Type.Integer(), name: Type.String(), description: NullableText, examples: Type.Array(Type.String()) });
export const Variant = Type.Object(
  {
    _id: Type.String(),
    name: Type.String({ description: 'In `locale`' }),
    description: NullableText,
    skill: Type.Union([SkillRef, Type.Null()]),
    levels: Type.Array(LevelView, { description: 'In `locale`, lowest first' }),
    default_locale: Locale,
    locale: { ...Locale, description: 'The locale served: x-language when sent, else default_locale' },
    translated_content: Type.Record(Type.String(), Type.Unknown(), { description: 'As stored, per locale' }),
    company: Type.Union([Type.String(), Type.Null()], { description: 'The workspace; null on templates' }),
    subaccount_ids: Type.Array(Type.String()),
    author: Type.Union([Type.String(), Type.Null()]),
    template: Type.Boolean({ description: 'true for the shipped templates every workspace sees' }),
    created: DateTime,
    updated: DateTime,
  },
  { title: 'SkillVariant' },
);
export const Updated = Type.Object(
  { redirect_to: Type.String({ description: 'Where the updated variant is read: /skills/variants/{id}' }), variant: Variant },
  { title: 'SkillVariantUpdated' },
);
