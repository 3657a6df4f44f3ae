import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { errorResponse } from '../../../platform/http/error-responses.js';
import { operationView } from '../../../platform/operations/operation-view.js';
import { actorId } from '../../workspace/actor.js';
import { scoringDescription } from './score-attempt.js';
import { bulkRecalculate, INLINE_RECALCULATION_LIMIT, RECALCULATION_BATCH, recalculateAttempt, syncAttempt } from './recalculate-attempts.js';
import { scoredStatuses } from './find-scored-attempt.js';
import * as S from './schemas.js';

const tags = ['Attempts: scoring'];
const notSubmitted = errorResponse(`The attempt has not been handed in (\`attempt_not_submitted\`): only ${scoredStatuses.join(', ')} attempts opened on a revision carry a score.`);
const noMail = 'Recalculation scores the attempt again from the revision it was taken on (frozen questions, weights and solutions) and the stored answers, judge verdicts and reviews, so it gives the same result every time; it writes score, totalScore, maxScore, breakdown and status (a blocked attempt stays blocked) and each answer\'s score, and sends no e-mail.';

export async function scoringRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.post('/assessments/participants/:participantId/recalculate', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'recalculateAssessmentAttempt',
      tags,
      summary: 'Recalculate assessment attempt',
      description: `${noMail}\n\n${scoringDescription}`,
      'x-seed': ['coodesh:attempts/recalculate-assessment-attempt'],
      params: S.ParticipantParams,
      response: { 200: S.AttemptScoreView, 409: notSubmitted },
    },
  }, async (request) => {
    const done = await db.transaction((tx) => recalculateAttempt(tx, tenantOf(request), request.params.participantId));
    return S.attemptScoreView(done.attempt.id, done.status, done.result, request.language);
  });

  typed.post('/assessments/attempts/:attemptId/sync', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'syncAssessmentAttempt',
      tags,
      summary: 'Sync assessment attempt',
      description: `${noMail} A finished attempt with a webhook_url has its \`attempt.finished\` event ({attempt_id, application_id, assessment_id, status, score, title}) queued there again, signed like the first (Standard Webhooks).\n\n${scoringDescription}`,
      'x-seed': ['coodesh:attempts/sync-assessment-attempt'],
      params: S.AttemptParams,
      response: { 200: S.SyncResult, 409: notSubmitted },
    },
  }, async (request) => {
    const done = await db.transaction((tx) => syncAttempt(tx, runtime, tenantOf(request), request.params.attemptId));
    return { ...S.attemptScoreView(done.attempt.id, done.status, done.result, request.language), webhook_queued: done.webhookQueued };
  });

  typed.post('/assessments/attempts/bulk/recalculate', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'bulkRecalculateAttemptScores',
      tags,
      summary: 'Bulk recalculate assessment attempt scores',
      description:
        'Recalculates the finished and blocked attempts among `ids`, each an attempt id or an assessment id (all its attempts) of the workspace; ' +
        'an id that is neither answers 404 naming it. Attempts named by id in another status are left alone and listed in `skipped`. ' +
        `Up to ${INLINE_RECALCULATION_LIMIT} attempts are recalculated in the request, in one transaction (200, \`queued: false\`); a larger set runs as a background job ` +
        `(202, \`queued: true\`, \`job_id\` and the \`operation\`) in batches of ${RECALCULATION_BATCH}, each batch one transaction that also writes the operation's progress. ` +
        'Follow it with GET /operations/{job_id}: status queued → running → done (or failed after the job\'s retries), `processed` of `total`, and the attempts it ' +
        `had to leave out in \`errors\` (\`revision_missing\`). ${noMail}\n\n${scoringDescription}`,
      'x-seed': ['coodesh:attempts/bulk-recalculate-assessment-attempt-scores'],
      body: S.BulkRecalculateBody,
      response: { 200: S.BulkRecalculateResult, 202: S.BulkRecalculateResult },
    },
  }, async (request, reply) => {
    const done = await bulkRecalculate(db, tenantOf(request), request.body.ids, actorId(request));
    const operation = done.operation ? operationView(done.operation) : null;
    const body = { total: done.total, recalculated: done.recalculated, skipped: done.skipped, queued: operation !== null, job_id: operation?._id ?? null, operation };
    return reply.status(operation ? 202 : 200).send(body);
  });
}
