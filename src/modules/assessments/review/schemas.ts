import { Type } from 'typebox';
import type { Language } from '../../../platform/http/request-context.js';
import { answerStatuses, attemptStatuses, type AnswerRow } from '../schema.js';
import { answerStatusLabel, attemptStatusLabel } from '../scoring/labels.js';
import type { AttemptScore } from '../scoring/score-types.js';
import { feedbackReasons } from './answer-fields.js';
import type { Certificate } from './find-certificate.js';
import { certificateType } from './find-certificate.js';
import type { StoredReview } from './review-answer.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Text = (description: string) => Type.String({ maxLength: 20_000, description });

export const AnswerParams = Type.Object({ id: Type.String({ maxLength: 64, description: 'The answer id' }) });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200, description: 'A certificate token, or an attempt id (authenticated callers of its workspace)' }) });

export const ReviewBody = Type.Object(
  {
    review_notes: Type.Optional(Text('Human or machine made review')),
    comment: Type.Optional(Text('Textual comment about the answer')),
    score: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000, description: 'Points given, 0..the answer\'s points (its frozen weight); replaces the machine\'s score' })),
    repository_url: Type.Optional(Type.String({ format: 'uri', maxLength: 2048, description: 'Repository URL for project type answers' })),
    feedback: Type.Optional(Type.Enum([...feedbackReasons], { description: 'Why, one of GET /assessments/answers/fields `feedback`' })),
  },
  { title: 'AnswerReviewBody' },
);

const Review = Type.Object({
  review_notes: Type.Optional(Type.String()),
  comment: Type.Optional(Type.String()),
  score: Type.Optional(Type.Number()),
  repository_url: Type.Optional(Type.String()),
  feedback: Type.Optional(Type.String()),
  reviewer_id: Type.Optional(Type.String()),
  reviewed_at: Type.Optional(Type.String({ format: 'date-time' })),
  requested_at: Type.Optional(Type.String({ format: 'date-time', description: 'Moved back to pending review at' })),
  requested_by: Type.Optional(NullableString),
  previous_score: Type.Optional(Type.Number({ description: 'The reviewer\'s score before the answer was moved back to pending review' })),
});

export const ReviewedAnswerView = Type.Object(
  {
    _id: Type.String(),
    attempt: Type.String(),
    question: Type.String(),
    status: Type.Enum([...answerStatuses]),
    status_formatted: Type.String(),
    score: Type.Union([Type.Number(), Type.Null()]),
    max_score: Type.Union([Type.Number(), Type.Null()]),
    review: Type.Union([Review, Type.Null()]),
    attempt_status: Type.Enum([...attemptStatuses]),
    attempt_status_formatted: Type.String(),
    attempt_score: Type.Union([Type.Number(), Type.Null()], { description: 'The attempt\'s percentage after this review' }),
  },
  { title: 'ReviewedAnswer' },
);

export function reviewedAnswerView(answer: AnswerRow, attempt: { id: string; status: (typeof attemptStatuses)[number] }, result: AttemptScore, language: Language) {
  const review: StoredReview | null = answer.review;
  return {
    _id: answer.id,
    attempt: answer.attemptId,
    question: answer.questionId,
    status: answer.status,
    status_formatted: answerStatusLabel(answer.status, language),
    score: answer.score,
    max_score: answer.maxScore,
    review: review ? { ...review } : null,
    attempt_status: attempt.status,
    attempt_status_formatted: attemptStatusLabel(attempt.status, language),
    attempt_score: result.score,
  };
}

export const BulkAnswerIds = Type.Object({
  ids: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 1000, description: 'Answer ids' }),
});

export const MovedView = Type.Object(
  {
    moved: Type.Array(Type.String(), { description: 'Answers now pending review' }),
    skipped: Type.Array(Type.String(), { description: 'Named answers that were not finished: unchanged' }),
    attempts: Type.Array(Type.Object({ _id: Type.String(), status: Type.Enum([...attemptStatuses]) }), { description: 'Their attempts, scored again' }),
  },
  { title: 'AnswersMovedToPendingReview' },
);

const Option = Type.Object({ value: Type.String(), label: Type.String() });
export const AnswerFields = Type.Object(
  {
    feedback: Type.Array(Option, { description: 'Feedback reasons a review may give (`feedback`)' }),
    statuses: Type.Array(Option, { description: 'Answer statuses' }),
  },
  { title: 'AnswerFields' },
);

const certificateFields = {
  type: Type.String({ description: 'The one type of the attempt\'s scored questions (e.g. fast), else `assessment`' }),
  token: Type.String({ description: 'The certificate token (the public link\'s)' }),
  finished: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  user: Type.String({ description: 'The candidate\'s user id' }),
  person: Type.String(),
  assessment: Type.String(),
  subject: Type.String({ description: 'The skills assessed, else the assessment\'s name' }),
  description: Type.String(),
  score: Type.Union([Type.Number(), Type.Null()], { description: 'Percentage 0..100' }),
};

export const CertificateView = Type.Object(
  {
    ...certificateFields,
    about_test: Type.Object({
      duration_seconds: Type.Integer(),
      questions: Type.Integer(),
      passing_score: Type.Number(),
      skills: Type.Array(Type.Object({ _id: Type.String(), name: Type.String() })),
    }),
    whitelabel: Type.Record(Type.String(), Type.Unknown()),
  },
  { title: 'Certificate' },
);

export const AnswerCertificateView = Type.Object(
  {
    ...certificateFields,
    can_access_question_link: Type.Boolean({ description: 'Always false: questions have no public page' }),
    question: Type.Union([
      Type.Object({ _id: Type.String(), title: Type.String(), type: Type.String(), level: Type.String(), skill_ids: Type.Array(Type.String()) }),
      Type.Null(),
    ], { description: 'The FAST question the certificate is about (the first), else the first question' }),
  },
  { title: 'AnswerCertificate' },
);

function common(certificate: Certificate) {
  const { attempt, revision } = certificate;
  return {
    type: certificateType(revision),
    token: certificate.token,
    finished: attempt.finished ? attempt.finished.toISOString() : null,
    user: attempt.userId,
    person: attempt.name || attempt.email,
    assessment: revision.name,
    subject: certificate.subject,
    description: revision.description,
    score: attempt.score,
  };
}

export function certificateView(certificate: Certificate) {
  const { revision } = certificate;
  return {
    ...common(certificate),
    about_test: {
      duration_seconds: revision.duration_seconds,
      questions: revision.questions.length,
      passing_score: typeof revision.settings.passing_score === 'number' ? revision.settings.passing_score : 0,
      skills: certificate.skills,
    },
    whitelabel: certificate.whitelabel,
  };
}

export function answerCertificateView(certificate: Certificate) {
  const questions = certificate.revision.questions;
  const question = questions.find((candidate) => candidate.type === 'fast') ?? questions[0];
  return {
    ...common(certificate),
    can_access_question_link: false,
    question: question ? { _id: question._id, title: question.title, type: question.type, level: question.level, skill_ids: question.skill_ids } : null,
  };
}
