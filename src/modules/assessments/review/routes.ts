import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { errorResponse } from '../../../platform/http/error-responses.js';
import { actorId } from '../../workspace/actor.js';
import { scoringDescription } from '../scoring/score-attempt.js';
import { reviewAnswer } from './review-answer.js';
import { moveToPendingReview } from './move-to-pending-review.js';
import { answerFields } from './answer-fields.js';
import { findCertificate } from './find-certificate.js';
import * as S from './schemas.js';

const tags = ['Answers: review'];
const certificateTags = ['Certificates'];

/** Who reviews: the signed-in user, the API key's author, else the API key itself. */
function reviewerOf(request: FastifyRequest): string {
  const principal = request.principal;
  return actorId(request) ?? (principal?.kind === 'apiKey' ? principal.keyId : 'unknown');
}

const certificateRule =
  'Public. `token` is the certificate token of the result e-mail (`<workspace id>.<attempt id>.<mac>`, revoked when the attempt\'s token nonce rotates), ' +
  'or an attempt id — accepted only from a caller authenticated in that attempt\'s workspace (x-api-key or Bearer + x-workspace-id), since an id is no secret. ' +
  'Only a finished attempt that passed has a certificate: score ≥ settings.passing_score (0 when unset: every finished attempt). Anything else answers 404.';

export async function reviewRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/assessments/answers/fields', {
    config: { auth: 'public' },
    schema: {
      operationId: 'retrieveAssessmentAnswerFields',
      tags,
      summary: 'Retrieve assessment answer fields',
      description: 'The feedback reasons a review may carry and the answer statuses, labelled in x-language (pt, en, es).',
      'x-seed': ['coodesh:answers/retrieve-assessment-answer-fields'],
      response: { 200: S.AnswerFields },
    },
  }, async (request) => answerFields(request.language));

  typed.put('/assessments/answers/:id/review', {
    config: { permission: 'edit_attempts' },
    schema: {
      operationId: 'saveAssessmentAnswerReview',
      tags,
      summary: 'Save review for assessment answer',
      description:
        'Saves a reviewer\'s review of an answer of a handed-in attempt (pending, pending_review, finished, blocked or expired; otherwise 409 `attempt_not_submitted`): ' +
        'review_notes, comment, feedback, repository_url and score; fields left out keep their stored value, the reviewer is the caller. ' +
        '`score` lies within 0..the answer\'s points, its frozen weight (400 `score_above_points` naming body/score), and replaces the machine\'s score for any type. ' +
        'The attempt is then scored again in the same transaction: when this review settles its last pending_review answer it becomes finished, ' +
        'and the result e-mails and the `attempt.finished` webhook are queued with it (once: an attempt already finished sends nothing again). A blocked attempt stays blocked.' +
        `\n\n${scoringDescription}`,
      'x-seed': ['coodesh:answers/save-review-for-assessment-answer'],
      params: S.AnswerParams,
      body: S.ReviewBody,
      response: { 200: S.ReviewedAnswerView, 409: errorResponse('The attempt has not been handed in (`attempt_not_submitted`).') },
    },
  }, async (request) => {
    const done = await db.transaction((tx) => reviewAnswer(tx, runtime, tenantOf(request), reviewerOf(request), request.params.id, request.body));
    return S.reviewedAnswerView(done.answer, done.attempt, done.result, request.language);
  });

  typed.post('/assessments/answers/bulk/pending-review', {
    config: { permission: 'edit_attempts' },
    schema: {
      operationId: 'bulkMoveAnswersToPendingReview',
      tags,
      summary: 'Bulk move answers to pending review',
      description:
        'Moves finished answers back to pending_review, all in one transaction: each waits for a reviewer\'s score (PUT /assessments/answers/:id/review) whatever its type, ' +
        'its former reviewer score kept as `review.previous_score`; their attempts are scored again and become pending_review (a blocked one stays blocked). ' +
        'Named answers in another status are listed in `skipped`; an id that is no answer of the workspace answers 404 naming it. No e-mail.',
      'x-seed': ['coodesh:answers/bulk-move-answers-to-pending-review'],
      body: S.BulkAnswerIds,
      response: { 200: S.MovedView },
    },
  }, async (request) => db.transaction((tx) => moveToPendingReview(tx, runtime, tenantOf(request), reviewerOf(request), request.body.ids)));

  typed.get('/assessments/certificates/:token', {
    config: { auth: 'public' },
    schema: {
      operationId: 'getCertificateByToken',
      tags: certificateTags,
      summary: 'Get certificate by token',
      description: `The certificate of an attempt. ${certificateRule}`,
      'x-seed': ['coodesh:attempts/get-certificate-by-token'],
      params: S.TokenParams,
      response: { 200: S.CertificateView },
    },
  }, async (request) => S.certificateView(await findCertificate(db, runtime, request.params.token, request.tenant, request.language)));

  typed.get('/assessments/answers/certificates/:token', {
    config: { auth: 'public' },
    schema: {
      operationId: 'findAnswerCertificateByToken',
      tags: certificateTags,
      summary: 'Find certificate by token',
      description: `The certificate with its score and the FAST question it is about (the attempt's first FAST question, else its first). ${certificateRule}`,
      'x-seed': ['coodesh:answers/find-certificate-by-token'],
      params: S.TokenParams,
      response: { 200: S.AnswerCertificateView },
    },
  }, async (request) => S.answerCertificateView(await findCertificate(db, runtime, request.params.token, request.tenant, request.language)));
}
