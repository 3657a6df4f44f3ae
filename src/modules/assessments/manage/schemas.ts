import { Type } from 'typebox';
import { idPattern } from '../../../platform/ids.js';
import { PageQuery } from '../../../platform/paging/paginate.js';
import { FilterQuery } from '../../../platform/filters/json-logic.js';
import { durationUnits } from '../../questions/schema.js';
import { assessmentStatuses } from '../schema.js';
import { assessmentFilterFields } from './assessment-filter.js';
import { contentLanguages } from './labels.js';
import { maxAssessmentMedia } from './media-rules.js';
import { fileIdPattern } from '../../../platform/storage/file-id.js';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const Id = Type.String({ pattern: idPattern, description: '24-hex id' });
const Status = Type.Enum([...assessmentStatuses], { description: 'draft, published or archived' });
const Language = Type.Enum([...contentLanguages], { description: 'Content language: pt, en or es' });
const DurationUnit = Type.Enum([...durationUnits], { description: 'minute, hour or day' });
const Tag = Type.String({ maxLength: 100 });

export const AssessmentParams = Type.Object({ id: Type.String({ maxLength: 64, description: 'Assessment id', examples: ['61b8e9bb2300e80010c0bcc2'] }) });

export const Settings = Type.Object(
  {
    randomize_questions: Type.Optional(Type.Boolean({ description: 'Each attempt gets its own (seeded, reproducible) question order' })),
    randomize_choices: Type.Optional(Type.Boolean({ description: 'Each attempt gets its own choice order' })),
    hidden_results: Type.Optional(Type.Boolean({ description: 'Results stay hidden from the candidate until sent in bulk' })),
    passing_score: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Percentage at or above which an attempt passes' })),
    terms: Type.Optional(Type.String({ maxLength: 20_000, description: 'Terms the candidate accepts before starting' })),
    invitation_expire_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'Days an invitation stays valid (default 7)' })),
    notify_candidate: Type.Optional(Type.Boolean()),
    notify_author: Type.Optional(Type.Boolean()),
    notify_emails: Type.Optional(Type.Array(Type.String({ format: 'email', maxLength: 254 }), { maxItems: 50 })),
  },
  { additionalProperties: true, description: 'SettingsDto: the keys above are checked; other keys are kept as sent', title: 'AssessmentSettings' },
);

const QuestionEntryInput = Type.Object({
  _id: Id,
  weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: "Multiplies the question's points (default 1)" })),
  section: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()], { description: 'The _id of one of the sections' })),
  settings: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Per-question overrides, e.g. { duration, languages }' })),
});

const SectionInput = Type.Object({
  _id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Keep to update a section; leave out for a new one' })),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
});

const Career = Type.Union([Type.String({ maxLength: 64 }), Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
  description: 'Related career: its id or an object (kept as { _id } when an id is sent); null clears it',
});

const writable = {
  name: Type.String({ minLength: 1, maxLength: 200, description: 'Internal name of the assessment' }),
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  language: Type.Optional(Language),
  skills: Type.Optional(Type.Array(Id, { maxItems: 200, description: 'Skill ids covered (taxonomy skills or workspace variants). Left out: the union of the questions\' skills whenever questions are sent' })),
  career: Type.Optional(Career),
  questions: Type.Optional(Type.Array(QuestionEntryInput, { maxItems: 500, description: 'IQuestionDto[]: the questions in order, each visible to the workspace (its own or public)' })),
  sections: Type.Optional(Type.Array(SectionInput, { maxItems: 100, description: 'Replaces the sections; a question may only name one of these' })),
  settings: Type.Optional(Settings),
  duration: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Time allowed. On create, left out: the sum of the questions\' durations in minutes' })),
  duration_unit: Type.Optional(DurationUnit),
  status: Type.Optional(Status),
  subaccount_ids: Type.Optional(Type.Array(Id, { maxItems: 500, description: 'Subaccounts the assessment belongs to (empty: the whole workspace). On create, left out: the request\'s subaccounts' })),
  tags: Type.Optional(Type.Array(Tag, { maxItems: 100 })),
  company: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Object({}, { additionalProperties: true })], { description: 'Accepted and ignored: the workspace owns the assessment' })),
  author: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Object({}, { additionalProperties: true })], { description: 'Accepted and ignored: the author is who created it' })),
  last_interaction: Type.Optional(Type.String({ maxLength: 64, description: 'Accepted and ignored: set when invitations are sent' })),
};

export const CreateBody = Type.Object(writable);
export const UpdateBody = Type.Object({ ...writable, name: Type.Optional(writable.name) });

export const DuplicateBody = Type.Object({
  name: Type.Optional(writable.name),
  career: Type.Optional(Career),
  settings: Type.Optional(Settings),
});

export const DeleteBody = Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 500, description: 'Assessments to delete' }) });
export const Deleted = Type.Object({ deleted: Type.Array(Type.String()) }, { title: 'DeletedAssessments' });

const Ref = Type.Object({ _id: Type.String(), name: Type.String() });
const Person = Type.Object({ _id: Type.String(), name: Type.String(), email: Type.String() }, { title: 'AssessmentPerson' });

export const Media = Type.Object(
  {
    path: Type.String({ description: 'Storage path: names the file to delete' }),
    name: Type.String(),
    content_type: Type.String(),
    size: Type.Integer({ minimum: 0 }),
    created: DateTime,
    url: Type.String({ description: 'Download it here (relative to the API; same credentials): GET /assessments/{id}/media/{file}', example: '/assessments/65b8c0f1a2b3c4d5e6f70812/media/65b8c0f1a2b3c4d5e6f70813.png' }),
  },
  { title: 'AssessmentMedia' },
);

const QuestionEntry = Type.Object({
  _id: Type.String(),
  weight: Type.Number(),
  section: Type.Union([Type.String(), Type.Null()]),
  settings: Type.Object({}, { additionalProperties: true }),
  title: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Single-assessment answers only; null when the question is gone' })),
  type: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  level: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  scope: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'private (the workspace\'s) or public' })),
});

export const Assessment = Type.Object(
  {
    _id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    status: Type.String(),
    status_formatted: Type.String(),
    language: Type.String(),
    language_formatted: Type.String(),
    duration: Type.Integer(),
    duration_unit: Type.String(),
    duration_unit_formatted: Type.String(),
    questions: Type.Array(QuestionEntry),
    questions_count: Type.Integer({ minimum: 0 }),
    sections: Type.Array(Type.Object({ _id: Type.String(), name: Type.String(), description: Type.Optional(Type.String()) })),
    skill_ids: Type.Array(Type.String()),
    skills: Type.Array(Ref, { description: 'skill_ids with their names in the x-language' }),
    career: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    settings: Type.Object({}, { additionalProperties: true }),
    media: Type.Array(Media),
    tags: Type.Array(Type.String()),
    subaccount_ids: Type.Array(Type.String()),
    company: Type.String({ description: 'The workspace id' }),
    author: Type.Union([Person, Type.Null()]),
    last_interaction: NullableDateTime,
    created: DateTime,
    updated: DateTime,
  },
  { title: 'Assessment' },
);

const ArrayParam = (description: string) => Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200, description }));

export const FindQuery = Type.Object({
  ...PageQuery,
  _id: ArrayParam('Only these assessments'),
  skills: ArrayParam('Assessments covering any of these skill ids'),
  author: ArrayParam('Assessments written by any of these users'),
  language: ArrayParam('Content languages (pt, en, es)'),
  career: ArrayParam('Career ids. The seed marks it required; here it is optional'),
  status: Type.Optional(Status),
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of name or description' })),
  ...FilterQuery(assessmentFilterFields),
});

export const OptionsQuery = Type.Object({
  ...PageQuery,
  id: Type.Optional(Type.String({ maxLength: 64, description: 'Only this assessment' })),
  search: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(Status),
});
export const AssessmentOption = Type.Object({ _id: Type.String(), name: Type.String(), status: Type.String() }, { title: 'AssessmentOption' });

const Option = Type.Object({ value: Type.String(), label: Type.String() });
export const Fields = Type.Object(
  {
    status: Type.Array(Option),
    duration_unit: Type.Array(Option),
    language: Type.Array(Option),
    attempt_status: Type.Array(Option),
    stage: Type.Array(Option),
    defaults: Type.Object({}, { additionalProperties: true }),
  },
  { title: 'AssessmentFields' },
);

export const Author = Type.Object({ _id: Type.String(), name: Type.String(), email: Type.String(), assessments: Type.Integer({ minimum: 0 }) }, { title: 'AssessmentAuthor' });

export const SkillsQuery = Type.Object({
  order: PageQuery.order,
  orderBy: Type.Optional(Type.Enum(['name', 'assessments'], { description: 'name (default) or assessments (how many use it)' })),
  offset: PageQuery.offset,
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
  limit: PageQuery.limit,
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Substring of the skill name in the x-language' })),
  status: Type.Optional(Status),
});
export const UsedSkill = Type.Object({ _id: Type.String(), name: Type.String(), assessments: Type.Integer({ minimum: 0 }) }, { title: 'AssessmentSkill' });

export const AtsQuery = Type.Object({
  ...PageQuery,
  _id: ArrayParam('Only these assessments'),
  search: Type.Optional(Type.String({ maxLength: 200 })),
});
export const AtsPage = Type.Object(
  {
    offset: Type.Integer({ minimum: 0 }),
    total: Type.Integer({ minimum: 0 }),
    limit: Type.Integer({ minimum: 0 }),
    payload: Type.Array(Type.Object({
      assessment_id: Type.String(),
      name: Type.String(),
      description: Type.String(),
      default_locale: Type.String(),
      duration: Type.Integer(),
      duration_unit: Type.String(),
      duration_unit_formatted: Type.String(),
      questions: Type.Array(Type.Object({
        name: Type.String(),
        description: Type.String(),
        type: Type.String(),
        type_formatted: Type.String(),
        level: Type.String(),
        level_formatted: Type.String(),
        duration: Type.Integer(),
        duration_unit: Type.String(),
      })),
    })),
  },
  { title: 'AtsAssessmentsPage' },
);

const LinkWindow = {
  open_at: Type.Union([DateTime, Type.Null()], { description: 'Opens at (null: at once)' }),
  close_at: Type.Union([DateTime, Type.Null()], { description: 'Closes at (null: never); must be after open_at' }),
};

export const PublicLink = Type.Object(
  { _id: Type.String(), name: Type.Union([Type.String(), Type.Null()]), active: Type.Boolean(), ...LinkWindow, open: Type.Boolean({ description: 'Active, the assessment published, and now inside the window' }) },
  { title: 'AssessmentPublicLink' },
);
export const Link = Type.Object(
  {
    _id: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    active: Type.Boolean(),
    ...LinkWindow,
    open: Type.Boolean(),
    token: Type.Optional(Type.String({ description: 'Workspace callers only: `<workspace id>.<random>`, the link itself' })),
    url: Type.Optional(Type.String({ description: 'Workspace callers only: the page a candidate opens' })),
    tags: Type.Optional(Type.Array(Type.String(), { description: 'Workspace callers only: given to the attempts the link creates' })),
    created: Type.Optional(DateTime),
  },
  { title: 'AssessmentLink' },
);

export const LinksBody = Type.Object({
  links: Type.Array(
    Type.Object({
      _id: Type.Optional(Type.String({ maxLength: 64, description: 'An existing link to keep (its token stays); leave out for a new link' })),
      name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
      active: Type.Boolean(),
      tags: Type.Optional(Type.Array(Tag, { maxItems: 50 })),
      open_at: Type.Optional(LinkWindow.open_at),
      close_at: Type.Optional(LinkWindow.close_at),
    }),
    { maxItems: 100, description: 'AssessmentLinkDto[]: the whole new set; links left out are deleted' },
  ),
});

export const InvitationLinksQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, description: 'Default 2000' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Default 0' })),
});
export const InvitationLink = Type.Object(
  {
    attempt_id: Type.String(),
    name: Type.String(),
    email: Type.String(),
    status: Type.String(),
    status_formatted: Type.String(),
    invitation_date: NullableDateTime,
    invitation_date_expire: NullableDateTime,
    url: Type.String({ description: "The participant's own link (`<APP_URL>/take/<token>`)" }),
  },
  { title: 'AssessmentInvitationLink' },
);

export const StatsQuery = Type.Object({
  startDate: Type.Optional(Type.String({ maxLength: 40, description: 'YYYY-MM-DD or ISO date-time (its UTC day). Default: 30 days before endDate' })),
  endDate: Type.Optional(Type.String({ maxLength: 40, description: 'YYYY-MM-DD (included) or ISO date-time. Default: today (UTC)' })),
});
export const Stats = Type.Object(
  {
    metrics: Type.Object({
      assessments: Type.Integer({ minimum: 0 }),
      draft: Type.Integer({ minimum: 0 }),
      published: Type.Integer({ minimum: 0 }),
      archived: Type.Integer({ minimum: 0 }),
      participants: Type.Integer({ minimum: 0, description: 'Attempts of all time' }),
      invited: Type.Integer({ minimum: 0, description: 'Attempts invited (or created, for share links) in the range' }),
      started: Type.Integer({ minimum: 0 }),
      finished: Type.Integer({ minimum: 0 }),
      pending_review: Type.Integer({ minimum: 0, description: 'Attempts waiting for a reviewer now' }),
      expired: Type.Integer({ minimum: 0, description: 'Of those invited in the range, how many expired' }),
      average_score: Type.Union([Type.Number(), Type.Null()], { description: 'Mean score (%) of the attempts finished in the range; null when none' }),
      completion_rate: Type.Number({ minimum: 0, maximum: 100, description: 'Percentage of the attempts invited in the range that are finished' }),
    }),
    updated: DateTime,
    group_by: Type.Literal('date'),
    range: Type.Object({ startDate: DateTime, endDate: DateTime }, { description: 'The half-open UTC interval counted' }),
    graph: Type.Array(Type.Object({ date: Type.String({ description: 'YYYY-MM-DD (UTC)' }), invited: Type.Integer(), started: Type.Integer(), finished: Type.Integer() })),
  },
  { title: 'AssessmentStats' },
);

export const MediaList = Type.Object({ media: Type.Array(Media, { maxItems: maxAssessmentMedia }) }, { title: 'AssessmentMediaList' });
export const MediaFileParams = Type.Object({
  ...AssessmentParams.properties,
  file: Type.String({ pattern: fileIdPattern, description: 'The attachment: the last segment of its `path` (as in its `url`)' }),
});
export const DeleteMediaBody = Type.Object({ path: Type.String({ minLength: 1, maxLength: 1024, description: 'The storage path of the attachment (from `media[].path`)' }) });

export const ExportBody = Type.Object({
  ids: Type.Optional(Type.Array(Id, { maxItems: 500, description: 'Only the attempts of these assessments' })),
  startDate: Type.Optional(Type.String({ maxLength: 40, description: 'Invited from (YYYY-MM-DD or ISO date-time)', examples: ['2026-01-01'] })),
  endDate: Type.Optional(Type.String({ maxLength: 40, description: 'Invited until (a day-only date includes that day)', examples: ['2026-01-31'] })),
  include_expired_participations: Type.Optional(Type.Boolean({ description: 'Also expired attempts (default false)' })),
  include_pending_participations: Type.Optional(Type.Boolean({ description: 'Also attempts not finished yet: draft, invited, scheduled, started, pending (default false)' })),
  include_actions_plans: Type.Optional(Type.Boolean({ description: 'Accepted; no column yet (action plans are another module)' })),
  include_integrity: Type.Optional(Type.Boolean({ description: 'Accepted; integrity columns come with the integrity module' })),
  companies: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100, description: 'Accepted and ignored: the export is of the request\'s workspace' })),
});
