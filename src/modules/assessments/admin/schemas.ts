import { Type } from 'typebox';
import { idPattern } from '../../../platform/ids.js';
import { PageQuery } from '../../../platform/paging/paginate.js';
import { FilterQuery } from '../../../platform/filters/json-logic.js';
import { durationUnits } from '../../questions/schema.js';
import { attemptStages, attemptStatuses } from '../schema.js';
import { attemptFilterFields } from './attempt-filter.js';
import { maxBulkIds } from './bulk-targets.js';
import { maxScheduledAssessments } from './schedule-attempts.js';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const Id = Type.String({ pattern: idPattern, description: '24-hex id' });

export const Status = Type.Enum([...attemptStatuses]);
export const Stage = Type.Enum([...attemptStages]);
const Grouping = Type.Enum(['results', 'invited'], {
  description: 'results: pending, pending_review, finished, blocked, and expired after starting; invited: every other attempt. Not with status.',
});

export const AssessmentParams = Type.Object({ id: Id });
export const AttemptParams = Type.Object({ id: Id, attemptId: Id });
export const AttemptIdParams = Type.Object({ attemptId: Id });
export const NavigationParams = Type.Object({ assessmentId: Id });
export const UserParams = Type.Object({ id: Id });

const lockedNote = 'null while the results are locked';

export const AttemptSummary = Type.Object(
  {
    _id: Type.String(),
    score: Type.Union([Type.Number(), Type.Null()], { description: `Percentage of the points earned (0..100); ${lockedNote} or not scored` }),
    totalScore: Type.Union([Type.Number(), Type.Null()], { description: `Points earned; ${lockedNote}` }),
    maxScore: Type.Union([Type.Number(), Type.Null()], { description: `Points possible; ${lockedNote}` }),
    locked: Type.Boolean({ description: 'The assessment asks for an unlock (settings.unlock_required) and this attempt was not unlocked: score, answers and breakdown are hidden' }),
    grade_tag: Type.Union([Type.Object({ tag: Type.Enum(['approved', 'reproved']), label: Type.String() }), Type.Null()], {
      description: 'Against the assessment\'s passing_score, once finished; null without one',
    }),
    proficiency: Type.Union([Type.Object({ level: Type.Enum(['beginner', 'intermediate', 'advanced']), level_formatted: Type.String() }), Type.Null()], {
      description: 'From the score: beginner below 50, intermediate below 80, advanced from 80',
    }),
    certificate_status: Type.Enum(['issued', 'not_issued', 'pending'], { description: 'issued: finished at or above the passing score (any score without one)' }),
    tags: Type.Array(Type.String()),
    user: Type.Object({ _id: Type.String(), name: Type.String(), email: Type.String() }),
    assessment: Type.Object({ _id: Type.String(), name: Type.String() }),
    status: Status,
    status_formatted: Type.String({ description: 'status in the x-language' }),
    stage: Stage,
    stage_formatted: Type.String(),
    source: Type.String({ description: 'invite, share_link or ats' }),
    started: NullableDateTime,
    terms: NullableDateTime,
    ends_at: Type.Union([DateTime, Type.Null()], { description: 'The server\'s deadline of a started attempt' }),
    finished: NullableDateTime,
    finishedIn: Type.Union([Type.Number(), Type.Null()], { description: 'Minutes from started to finished, to one decimal' }),
    invitation_date: NullableDateTime,
    invitation_date_expire: NullableDateTime,
    deadline: NullableDateTime,
    custom_time_open: NullableDateTime,
    custom_time_close: NullableDateTime,
    duration_seconds: Type.Integer(),
    invitation_token: Type.Null({ description: 'Always null: candidate links are keyed MACs, never stored, and a manager read does not hand them out' }),
    access_token: Type.Null({ description: 'Always null, as invitation_token' }),
    inviter: Type.Union([Type.String(), Type.Null()], { description: 'Id of the user who invited' }),
    reopen_date: NullableDateTime,
    reopen_reason: NullableString,
    hidden_results: Type.Boolean(),
    results_sent_at: NullableDateTime,
    unlocked_at: NullableDateTime,
    integrity_settings: Type.Object({}, { additionalProperties: true }),
    proctoring: Type.Object({ integrity_settings: Type.Object({}, { additionalProperties: true }) }),
    whitelabel: Type.Object({}, { additionalProperties: true, description: 'The assessment\'s settings.whitelabel' }),
    can_export: Type.Boolean({ description: 'Has a result and is not locked' }),
    subaccount_ids: Type.Array(Type.String()),
    created: DateTime,
    updated: DateTime,
  },
  { title: 'AttemptSummary' },
);

const AnswerSummary = Type.Object({
  _id: Type.String(),
  question: Type.String(),
  type: NullableString,
  title: NullableString,
  status: Type.String(),
  score: NullableNumber,
  max_score: NullableNumber,
  saved_at: NullableDateTime,
  reviewed: Type.Boolean(),
});

const Breakdown = Type.Object(
  {
    questions: Type.Array(Type.Object({ question_id: Type.String(), type: Type.String(), score: NullableNumber, max_score: Type.Number(), status: Type.String() })),
    skills: Type.Array(Type.Object({ skill_id: Type.String(), score: Type.Number(), max_score: Type.Number(), percentage: Type.Number() })),
  },
  { additionalProperties: true },
);

export const AttemptResult = Type.Object(
  {
    ...AttemptSummary.properties,
    answers: Type.Array(AnswerSummary, { description: `In the order of the attempt's questions; empty while locked` }),
    breakdown: Type.Union([Breakdown, Type.Null()], { description: `Per question and per skill; ${lockedNote}` }),
  },
  { title: 'AttemptResult' },
);

const ListFilter = {
  status: Type.Optional(Status),
  grouping: Type.Optional(Grouping),
  search: Type.Optional(Type.String({ maxLength: 200, description: 'In the candidate\'s name and e-mail' })),
  ...FilterQuery(attemptFilterFields),
};

const sortNote = 'orderBy: _id, created, updated, status, stage, email, name.';
export { sortNote };

export const ListQuery = Type.Object({ ...PageQuery, ...ListFilter });
export const ParticipantsQuery = Type.Object({
  ...PageQuery,
  ...ListFilter,
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50, description: 'Attempts carrying every one of these tags' })),
});
export const NavigationQuery = Type.Object({
  status: Type.Optional(Status),
  grouping: Type.Optional(Grouping),
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
  order: PageQuery.order,
  orderBy: PageQuery.orderBy,
  after: PageQuery.after,
});

const AssessmentFilter = Type.Array(Id, { maxItems: 100, description: 'Assessment ids (all of the workspace\'s when left out)' });
export const TagsQuery = Type.Object({
  assessment: Type.Optional(AssessmentFilter),
  status: Type.Optional(Status),
  grouping: Type.Optional(Grouping),
  search: Type.Optional(Type.String({ maxLength: 200 })),
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
  limit: PageQuery.limit,
  offset: PageQuery.offset,
});
export const InvitersQuery = Type.Object({
  assessment: Type.Optional(AssessmentFilter),
  status: Type.Optional(Type.Array(Status, { maxItems: attemptStatuses.length })),
  grouping: Type.Optional(Grouping),
  search: Type.Optional(Type.String({ maxLength: 200 })),
});

export const Tag = Type.Object({ tag: Type.String(), count: Type.Integer({ minimum: 1 }) });
export const Inviter = Type.Object({ _id: Type.String(), name: Type.String(), email: Type.String(), count: Type.Integer({ minimum: 1 }) });
const Option = Type.Object({ value: Type.String(), label: Type.String() });
export const ParticipantFields = Type.Object({ statuses: Type.Array(Option), stages: Type.Array(Option), severities: Type.Array(Option) });

export const RecommendationsQuery = Type.Object({
  answerId: Type.Optional(Id),
  access_token: Type.Optional(Type.String({ maxLength: 200, description: 'The attempt\'s access token, when calling without workspace credentials' })),
});
export const Recommendations = Type.Object({
  recommendations: Type.Array(
    Type.Object({
      _id: Type.String(),
      slug: Type.String(),
      title: Type.String(),
      type: Type.String(),
      level: Type.String(),
      skill_id: Type.String({ description: 'The weak skill it is recommended for' }),
      skill_percentage: Type.Number(),
    }),
  ),
  total: Type.Integer({ minimum: 0 }),
});

export const Ids = Type.Array(Id, { minItems: 1, maxItems: maxBulkIds, description: `Attempt ids (1 to ${maxBulkIds}; repeats count once)` });
export const IdsBody = Type.Object({ ids: Ids });

export const UpdateBody = Type.Object({
  ids: Ids,
  stage: Type.Optional(Stage),
  invitation_date_expire: Type.Optional(NullableDateTime),
  deadline: Type.Optional(NullableDateTime),
  custom_time_open: Type.Optional(NullableDateTime),
  custom_time_close: Type.Optional(Type.Union([DateTime, Type.Null()], { description: 'After custom_time_open' })),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  integrity_settings: Type.Optional(Type.Object({}, { additionalProperties: true, maxProperties: 50, description: 'Replaces the attempts\' integrity settings' })),
  hidden_results: Type.Optional(Type.Boolean()),
});

export const ReopenBody = Type.Object({
  ids: Ids,
  duration: Type.Number({ minimum: 0, maximum: 100_000, description: 'Time allowed, in duration_unit (0 keeps the current one)' }),
  duration_unit: Type.Optional(Type.Enum([...durationUnits], { default: 'minute' })),
  keep_answers: Type.Optional(Type.Boolean({ default: true, description: 'Keep the saved answers (default true); false clears them' })),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  notify: Type.Optional(Type.Boolean({ description: 'E-mail the candidates (default false)' })),
  send_at: Type.Optional(Type.String({ format: 'date-time', description: 'When to e-mail them (implies notify)' })),
});

export const ScheduleBody = Type.Object({
  assessment_ids: Type.Array(Id, { minItems: 1, maxItems: maxScheduledAssessments }),
  start_at: Type.Optional(Type.String({ format: 'date-time', description: 'First slot (default now)' })),
  batch_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30, description: 'Attempts per 30-minute slot' })),
});

export const Updated = Type.Object({ updated: Type.Integer({ minimum: 0 }) });
export const Reopened = Type.Object({ reopened: Type.Integer({ minimum: 0 }), notify_at: NullableDateTime });
export const Cancelled = Type.Object({ cancelled: Type.Integer({ minimum: 0 }) });
export const Deleted = Type.Object({ deleted: Type.Integer({ minimum: 0 }) });
export const Scheduled = Type.Object({
  scheduled: Type.Integer({ minimum: 0 }),
  already_scheduled: Type.Integer({ minimum: 0 }),
  batch_size: Type.Integer(),
  slots: Type.Array(Type.Object({ start: DateTime, count: Type.Integer({ minimum: 1 }) })),
});
export const Unlocked = Type.Object({
  unlocked: Type.Array(Type.String()),
  already_unlocked: Type.Array(Type.String()),
  not_required: Type.Array(Type.String()),
  credits_consumed: Type.Object({ hard_skills: Type.Integer({ minimum: 0 }), soft_skills: Type.Integer({ minimum: 0 }) }),
});
export const ResultsSent = Type.Object({ sent: Type.Array(Type.String()), email_disabled: Type.Array(Type.String()) });
export const Finished = Type.Object({ finished: Type.Array(Type.Object({ _id: Type.String(), status: Status })) });
