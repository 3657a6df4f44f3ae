import { Type } from 'typebox';
import { attemptStatuses } from '../schema.js';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
export const Id = Type.String({ pattern: '^[0-9a-f]{24}$', description: '24-hex id' });
const Status = Type.Enum([...attemptStatuses], { description: attemptStatuses.join(', ') });

export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200, description: "The attempt's access token (from its link `/take/<token>`)" }) });
export const AnswerParams = Type.Object({
  token: TokenParams.properties.token,
  questionId: Type.String({ minLength: 1, maxLength: 64, description: "The question's `_id` in the attempt" }),
});
export const LinkParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200, description: 'The share link token' }) });

export const CandidateAttempt = Type.Object(
  {
    _id: Type.String(),
    status: Status,
    status_formatted: Type.String({ description: 'status in the x-language' }),
    name: Type.String(),
    email: Type.String(),
    assessment: Type.Object({
      _id: Type.String(),
      name: Type.String(),
      description: Type.String(),
      language: Type.String(),
      duration_seconds: Type.Integer({ description: 'Time allowed once started' }),
      question_count: Type.Integer(),
      terms: Type.Union([Type.String(), Type.Null()], { description: "The assessment's terms the candidate accepts before starting" }),
    }),
    terms: Type.Union([DateTime, Type.Null()], { description: 'When the terms were accepted' }),
    started: NullableDateTime,
    ends_at: Type.Union([DateTime, Type.Null()], { description: "The server's deadline of the started attempt: min(started + duration, custom_time_close, deadline)" }),
    finished: NullableDateTime,
    invitation_date_expire: NullableDateTime,
    custom_time_open: NullableDateTime,
    custom_time_close: NullableDateTime,
    deadline: NullableDateTime,
    now: Type.String({ format: 'date-time', description: "The server's clock when it answered" }),
    remaining_seconds: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Seconds left of a started attempt, by the server clock' }),
    company: Type.String({ description: 'The inviting workspace' }),
    callback_url: Type.Union([Type.String(), Type.Null()], { description: 'Where the candidate goes once finished (set at invitation)' }),
    proctored: Type.Boolean({ description: 'The attempt has integrity settings on: the candidate consents to proctoring' }),
    result: Type.Union([Type.Object({ score: Type.Union([Type.Number(), Type.Null()], { description: 'Percentage' }), passed: Type.Boolean() }), Type.Null()], {
      description: 'Once finished, when the results are the candidate\'s to see (not hidden_results, not waiting for an unlock)',
    }),
  },
  { title: 'CandidateAttempt' },
);

const CandidateChoice = Type.Object({ _id: Type.String(), text: Type.String() });

export const CandidateQuestion = Type.Object(
  {
    _id: Type.String(),
    type: Type.String(),
    level: Type.String(),
    title: Type.String(),
    description: Type.String(),
    locale: Type.Array(Type.Object({ language: Type.String(), title: Type.String(), description: Type.Optional(Type.String()), choices: Type.Optional(Type.Record(Type.String(), Type.String())) })),
    duration: Type.Number(),
    duration_unit: Type.String(),
    weight: Type.Number(),
    section: NullableString,
    question: Type.Optional(Type.Object({ multiple: Type.Boolean(), choices: Type.Array(CandidateChoice) })),
    fast: Type.Optional(Type.Object({ subquestions: Type.Array(Type.Object({ _id: Type.String(), title: Type.String(), multiple: Type.Boolean(), choices: Type.Array(CandidateChoice) })) })),
    coding: Type.Optional(
      Type.Object({
        languages: Type.Array(Type.Integer()),
        stubs: Type.Record(Type.String(), Type.String()),
        sample_tests: Type.Array(Type.Object({ _id: Type.String(), input: Type.String(), expected_output: NullableString })),
        time_ms: Type.Union([Type.Integer(), Type.Null()]),
        memory_kb: Type.Union([Type.Integer(), Type.Null()]),
      }),
    ),
    sql: Type.Optional(
      Type.Object({
        format: Type.String(),
        dataset_id: NullableString,
        script: Type.Union([Type.String(), Type.Null()], { description: 'The script that builds the data (format script)' }),
        ordered: Type.Boolean(),
        multiple_statements: Type.Boolean(),
      }),
    ),
    project: Type.Optional(Type.Object({ repository_required: Type.Boolean(), instructions: NullableString })),
  },
  { title: 'CandidateQuestion' },
);

export const SavedResponse = Type.Object({
  question_id: Type.String(),
  response: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  revision: Type.Integer({ description: 'The client revision of the stored response (0: never saved)' }),
  saved_at: NullableDateTime,
  media_token: Type.Union([Type.String(), Type.Null()], {
    description: 'audio, video, whiteboard and file questions: the token to upload the answer\'s file with (`POST /assessments/answers/:token/media`); null for other types',
  }),
});

export const CandidateQuestions = Type.Object(
  {
    questions: Type.Array(CandidateQuestion, { description: "In this attempt's order" }),
    answers: Type.Array(SavedResponse, { description: 'What is stored for each question' }),
    ends_at: NullableDateTime,
    now: DateTime,
  },
  { title: 'CandidateQuestions' },
);

export const SaveAnswerBody = Type.Object({
  response: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'By question type: question/softskill `{choices: [choice _id]}`; fast `{subanswers: {subquestion _id: [choice _id]}}`; coding/freecoding `{language, code}`; ' +
      'sql `{code}`; essay/conversational `{text}`; project `{repository_url?, text?}`; whiteboard `{drawing}`; video/audio/file `{text?}` (media uploads separately).',
  }),
  revision: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Client revision of this answer: increase it on every save' }),
});

export const SavedAnswer = Type.Object(
  {
    question_id: Type.String(),
    revision: Type.Integer({ description: 'The revision now stored' }),
    applied: Type.Boolean({ description: 'false: a newer or equal revision was already stored, nothing changed' }),
    saved_at: NullableDateTime,
  },
  { title: 'SavedAnswer' },
);

export const RunBody = Type.Object({
  language: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Judge language id (coding)' })),
  code: Type.String({ maxLength: 100_000 }),
});

export const SampleRun = Type.Object(
  {
    question_id: Type.String(),
    state: Type.String({ description: 'done, or queued/running when the verdicts did not come within 20 s' }),
    status: NullableString,
    passed: Type.Integer(),
    total: Type.Integer(),
    compile_output: NullableString,
    tests: Type.Array(
      Type.Object({
        _id: Type.String(),
        status: Type.String(),
        time_ms: Type.Number(),
        memory_kb: Type.Integer({ minimum: 0, description: 'Peak memory of the run' }),
        stdout: NullableString,
        stderr: NullableString,
        expected_output: NullableString,
        message: NullableString,
      }),
    ),
    output: Type.Union([Type.Object({ columns: Type.Array(Type.String()), rows: Type.Array(Type.Unknown()), row_count: Type.Integer(), truncated: Type.Boolean() }), Type.Null()]),
    message: NullableString,
  },
  { title: 'SampleRun' },
);

export const OpenLinkBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  name: Type.Optional(Type.String({ maxLength: 200 })),
});

export const OpenedLink = Type.Object(
  {
    token: Type.String({ description: "The new attempt's access token" }),
    link: Type.String({ description: 'Where the web app opens it' }),
    attempt: CandidateAttempt,
  },
  { title: 'OpenedShareLink' },
);

export const MailedLink = Type.Object({ message: Type.String(), email: Type.String() }, { title: 'ShareLinkMailed' });

export const NotesParams = Type.Object({ id: Type.String({ maxLength: 64, description: 'Attempt id' }) });
export const NotesQuery = Type.Object({ access_token: Type.String({ minLength: 1, maxLength: 200, description: "The attempt's access token (the candidate's link)" }) });
export const NotesBody = Type.Object({ notes: Type.String({ maxLength: 50_000 }) });
export const Notes = Type.Object({ _id: Type.String(), notes: Type.String(), updated: DateTime }, { title: 'AttemptNotes' });

const Invitee = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  name: Type.Optional(Type.String({ maxLength: 200 })),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
  deadline: Type.Optional(DateTime),
  custom_time_open: Type.Optional(DateTime),
  custom_time_close: Type.Optional(DateTime),
});

export const AssessmentParams = Type.Object({ id: Type.String({ maxLength: 64, description: 'Assessment id' }) });

export const InviteBody = Type.Object({
  participants: Type.Array(Invitee, { minItems: 1, maxItems: 5000 }),
  disable_email: Type.Optional(Type.Boolean({ description: 'No invitation e-mail: hand out the answered links yourself' })),
  callback_url: Type.Optional(Type.String({ format: 'uri', maxLength: 2048, description: 'Where the candidate is sent after finishing' })),
  webhook_url: Type.Optional(Type.String({ format: 'uri', maxLength: 2048, description: 'Receives the signed `attempt.finished` event' })),
});

export const InvitedAttempt = Type.Object(
  {
    _id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    status: Status,
    invited: Type.Boolean({ description: 'false: the person already had an attempt at this assessment (left unchanged, no e-mail)' }),
    link: Type.String({ description: 'The candidate link `<APP_URL>/take/<token>`' }),
    invitation_date_expire: NullableDateTime,
  },
  { title: 'InvitedAttempt' },
);

export const BulkInviteBody = Type.Object({
  ids: Type.Array(Id, { minItems: 1, maxItems: 5000, description: 'Attempt ids' }),
  send_at: Type.Optional(Type.String({ format: 'date-time', description: 'Send then instead of now' })),
});

export const DeprecatedInviteBody = Type.Object({
  participants: Type.Array(Id, { minItems: 1, maxItems: 5000, description: 'Attempt ids of this assessment' }),
  send_at: Type.Optional(Type.String({ format: 'date-time' })),
});

export const SendResult = Type.Object(
  {
    attempts: Type.Array(Type.Object({ _id: Type.String(), status: Status, sent: Type.Boolean() })),
    send_at: NullableDateTime,
  },
  { title: 'InvitationsSent' },
);

export const AutoLoginBody = Type.Object({
  participations: Type.Array(Id, { minItems: 1, maxItems: 5000, description: 'Attempt ids' }),
  assessment: Id,
});

export const AutoLoginLinks = Type.Array(Type.Object({ _id: Type.String(), email: Type.String(), link: Type.String() }, { title: 'AutoLoginLink' }));

export const ClosedAttempts = Type.Object({ finished: Type.Integer(), expired: Type.Integer() }, { title: 'ClosedAttempts' });
