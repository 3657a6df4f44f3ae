import { Type } from 'typebox';
import { Operation } from '../../../platform/operations/operation-view.js';
import { attemptStatuses } from '../schema.js';
import { questionTypes } from '../../questions/schema.js';
import type { Language } from '../../../platform/http/request-context.js';
import type { AttemptScore } from './score-types.js';
import type { AttemptStatus } from '../schema.js';
import { attemptStatusLabel } from './labels.js';

const ScoreStatus = Type.Union([Type.Literal('scored'), Type.Literal('pending_review'), Type.Literal('pending')]);

export const Breakdown = Type.Object(
  {
    questions: Type.Array(Type.Object({
      question_id: Type.String(),
      type: Type.Enum([...questionTypes]),
      score: Type.Union([Type.Number(), Type.Null()], { description: 'Points earned; null while the judge or a reviewer has to speak' }),
      max_score: Type.Number({ description: 'The question\'s points (its frozen weight); 0 for softskill' }),
      status: ScoreStatus,
    }), { description: 'In the order of the revision' }),
    skills: Type.Array(Type.Object({ skill_id: Type.String(), score: Type.Number(), max_score: Type.Number(), percentage: Type.Number() }), { description: 'Sorted by skill id' }),
    disc: Type.Union([
      Type.Object({ D: Type.Integer(), I: Type.Integer(), S: Type.Integer(), C: Type.Integer() }, { description: 'Choices picked per DISC dimension in the softskill questions' }),
      Type.Null(),
    ]),
  },
  { title: 'ScoreBreakdown' },
);

export const AttemptScoreView = Type.Object(
  {
    _id: Type.String(),
    status: Type.Enum([...attemptStatuses]),
    status_formatted: Type.String(),
    score: Type.Union([Type.Number(), Type.Null()], { description: 'Percentage 0..100, 2 decimals; null when no question carries points' }),
    totalScore: Type.Number(),
    maxScore: Type.Number(),
    breakdown: Breakdown,
  },
  { title: 'AttemptScore' },
);

export function attemptScoreView(id: string, status: AttemptStatus, result: AttemptScore, language: Language) {
  return {
    _id: id,
    status,
    status_formatted: attemptStatusLabel(status, language),
    score: result.score,
    totalScore: result.totalScore,
    maxScore: result.maxScore,
    breakdown: result.breakdown,
  };
}

export const ParticipantParams = Type.Object({ participantId: Type.String({ maxLength: 64, description: 'The attempt id' }) });
export const AttemptParams = Type.Object({ attemptId: Type.String({ maxLength: 64, description: 'The attempt id' }) });

export const BulkRecalculateBody = Type.Object({
  ids: Type.Array(Type.String({ pattern: '^[0-9a-f]{24}$', description: 'An attempt id or an assessment id' }), { minItems: 1, maxItems: 1000 }),
});

export const BulkRecalculateResult = Type.Object(
  {
    total: Type.Integer({ description: 'Finished or blocked attempts the selection covers' }),
    recalculated: Type.Integer({ description: 'Recalculated in this request (0 when queued)' }),
    skipped: Type.Array(Type.String(), { description: 'Attempts named by id that are neither finished nor blocked: left as they are' }),
    queued: Type.Boolean({ description: 'true: the set was larger than the inline limit and runs as a background job' }),
    job_id: Type.Union([Type.String(), Type.Null()], { description: 'The background operation\'s id (GET /operations/{job_id}); null when done in the request' }),
    operation: Type.Union([Operation, Type.Null()], { description: 'The background operation as queued, to follow at its `url`; null when done in the request' }),
  },
  { title: 'BulkRecalculation' },
);

export const SyncResult = Type.Object(
  { ...AttemptScoreView.properties, webhook_queued: Type.Boolean({ description: 'The result was queued to the attempt\'s webhook_url again' }) },
  { title: 'AttemptSync' },
);
