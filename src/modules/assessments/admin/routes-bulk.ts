import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { errorResponse } from '../../../platform/http/error-responses.js';
import { actorId } from '../../workspace/actor.js';
import type { Actor } from './bulk-targets.js';
import { updateAttempts } from './update-attempts.js';
import { reopenAttempts } from './reopen-attempts.js';
import { cancelScheduledAttempts } from './cancel-scheduled-attempts.js';
import { scheduleAttempts } from './schedule-attempts.js';
import { deleteAttempts } from './delete-attempts.js';
import { unlockAttempts } from './unlock-attempts.js';
import { sendAttemptResults } from './send-attempt-results.js';
import { finishAttempts } from './finish-attempts.js';
import * as S from './schemas.js';

const tags = ['Assessments: attempts', 'Assessments > Bulk Actions'];

/** The rule every bulk action shares (stated in each description). */
const bulkRule =
  ' All or nothing, in one transaction. `ids`: 1 to 1000 attempt ids (repeats count once); an id that is not an attempt of the workspace ' +
  '(or, with x-subaccount-id or a caller confined to subaccounts, of those subaccounts) is a 404 `attempt_not_found` for the whole request, ' +
  'naming it in details (`body/ids/<index>`).';
const ownerRule =
  ' Workspace admins (and API keys, which act as admin) change any attempt; other roles holding the permission only the attempts they ' +
  'invited (403 `attempt_not_owned`).';

const notFoundIds = errorResponse('An id is not an attempt of this workspace or subaccount (`attempt_not_found`, details name it).');

function actorOf(request: FastifyRequest): Actor {
  return { tenant: tenantOf(request), actorId: actorId(request) };
}

export async function bulkAttemptRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.patch('/assessments/attempts/bulk', {
    config: { permission: 'edit_attempts' },
    schema: {
      operationId: 'bulkUpdateAttempts',
      tags,
      summary: 'Bulk update assessment attempts',
      description:
        'Sets stage, invitation_date_expire, deadline, custom_time_open/close (null clears one), integrity_settings (replaced) and hidden_results ' +
        'on every attempt; send at least one. After the change custom_time_close must be after custom_time_open on each attempt (400 ' +
        '`invalid_window`). A started attempt\'s server deadline (ends_at) becomes min(started + duration, custom_time_close, deadline). ' +
        '`reason` is kept as the attempts\' reopen_reason.' + bulkRule + ownerRule,
      'x-seed': ['coodesh:attempts/bulk-update-assessment-attempts'],
      body: S.UpdateBody,
      response: { 200: S.Updated, 403: errorResponse('An attempt was invited by someone else and the caller is not an admin (`attempt_not_owned`).'), 404: notFoundIds },
    },
  }, async (request) => updateAttempts(db, actorOf(request), request.body));

  typed.post('/assessments/attempts/bulk/reopen', {
    config: { permission: 'reopen_attempts' },
    schema: {
      operationId: 'reopenAttempts',
      tags,
      summary: 'Reopen attempts',
      description:
        'Attempts that are over (pending, pending_review, finished, expired, blocked; any other: 409 `attempt_not_closed`) go back to `invited` ' +
        'with a new window: started, finished, ends_at, custom_time_open/close and deadline are cleared, the invitation is valid for the ' +
        'assessment\'s invitation_expire_days (default 7) from now, reopen_date is now, and the time allowed (`duration_seconds`) is duration × ' +
        'duration_unit (minute by default; 0 keeps the current one). The old score and breakdown are cleared: the attempt is scored again when ' +
        'it finishes. keep_answers (default true) keeps the saved answers; false clears every response, score, review and media. `notify` ' +
        'e-mails the candidates (not those with disable_email) in the same transaction, or at `send_at` through a scheduled job (send_at ' +
        'implies notify; a past send_at sends now); that job skips attempts reopened again or started meanwhile.' + bulkRule,
      'x-seed': ['coodesh:attempts/reopen-attempts'],
      body: S.ReopenBody,
      response: { 200: S.Reopened, 404: notFoundIds, 409: errorResponse('An attempt is not over (`attempt_not_closed`).') },
    },
  }, async (request) => reopenAttempts(db, actorOf(request), runtime, request.body));

  typed.post('/assessments/attempts/bulk/cancel-schedule', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'cancelScheduledAttempts',
      tags,
      summary: 'Cancel scheduled attempts',
      description: 'Scheduled attempts go back to draft and lose their custom_time_open. Every attempt must be scheduled (409 `attempt_not_scheduled`).' + bulkRule,
      'x-seed': ['coodesh:attempts/cancel-scheduled-attempts'],
      body: S.IdsBody,
      response: { 200: S.Cancelled, 404: notFoundIds, 409: errorResponse('An attempt is not scheduled (`attempt_not_scheduled`).') },
    },
  }, async (request) => cancelScheduledAttempts(db, actorOf(request), request.body.ids));

  typed.post('/assessments/attempts/bulk/schedule', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'scheduleAttempts',
      tags,
      summary: 'Schedule open dates for attempts in bulk',
      description:
        'The draft and invited attempts of 1 to 50 assessments that have no custom_time_open yet get one and become `scheduled`: in the order of ' +
        'assessment_ids, then of creation, attempt n (from 0) opens at start_at + floor(n / batch_size) × 30 minutes — batch_size (1..100, ' +
        'default 30) attempts per consecutive 30-minute slot from start_at (default now). Attempts already scheduled or with an open time are ' +
        'skipped. An assessment that is not the workspace\'s is a 404 for the whole request. One transaction; the answer lists the slots used.',
      'x-seed': ['coodesh:attempts/schedule-open-dates-for-attempts-in-bulk'],
      body: S.ScheduleBody,
      response: { 200: S.Scheduled, 404: errorResponse('An assessment id is not the workspace\'s (`assessment_not_found`).') },
    },
  }, async (request) => scheduleAttempts(db, actorOf(request), request.body));

  typed.post('/assessments/attempts/bulk/delete', {
    config: { permission: 'delete_attempts' },
    schema: {
      operationId: 'bulkDeleteAttempts',
      tags,
      summary: 'Bulk delete assessment attempts',
      description: 'Deletes the attempts with their answers and upload parts.' + bulkRule + ownerRule,
      'x-seed': ['coodesh:attempts/bulk-delete-assessment-attempts'],
      body: S.IdsBody,
      response: { 200: S.Deleted, 403: errorResponse('An attempt was invited by someone else and the caller is not an admin (`attempt_not_owned`).'), 404: notFoundIds },
    },
  }, async (request) => deleteAttempts(db, runtime.storage, actorOf(request), request.body.ids));

  typed.post('/assessments/attempts/bulk/unlock', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'bulkUnlockAttempts',
      tags,
      summary: 'Bulk unlock assessment attempts',
      description:
        'Buys the results of locked attempts (assessment settings.unlock_required, not yet unlocked): one credit each from the workspace\'s ' +
        'ledger — soft_skills when the attempt\'s revision holds a softskill question, hard_skills otherwise — recorded as credits_consumed ' +
        'for the attempt, and unlocked_at is set. Already unlocked attempts and those of assessments that need no unlock cost nothing. Every ' +
        'attempt must have a result (409 `attempt_has_no_result`). When the balance does not cover them all: 402 `insufficient_credits` and ' +
        'nothing is consumed or unlocked. Two unlocks of one attempt at once charge once.' + bulkRule,
      'x-seed': ['coodesh:attempts/bulk-unlock-assessment-attempts'],
      body: S.IdsBody,
      response: {
        200: S.Unlocked,
        402: errorResponse('The credit balance does not cover the unlocks (`insufficient_credits`); nothing was unlocked.'),
        404: notFoundIds,
        409: errorResponse('An attempt has no result yet (`attempt_has_no_result`).'),
      },
    },
  }, async (request) => unlockAttempts(db, actorOf(request), request.body.ids));

  typed.post('/assessments/attempts/bulk/send-results', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'bulkSendAttemptResults',
      tags,
      summary: 'Bulk send hidden assessment results to participants',
      description:
        'The results of finished attempts reach their candidates: hidden_results becomes false, and each candidate whose e-mails are not ' +
        'disabled (disable_email) is mailed the score with a link to the attempt, and the attempt gets results_sent_at. Every attempt must be ' +
        'finished (409 `attempt_not_finished`) and not locked (409 `attempt_locked`).' + bulkRule,
      'x-seed': ['coodesh:attempts/bulk-send-hidden-assessment-results-to-participants'],
      body: S.IdsBody,
      response: { 200: S.ResultsSent, 404: notFoundIds, 409: errorResponse('An attempt is not finished (`attempt_not_finished`) or is locked (`attempt_locked`).') },
    },
  }, async (request) => sendAttemptResults(db, actorOf(request), runtime, request.body.ids));

  typed.post('/assessments/attempts/bulk/finish', {
    config: { permission: 'manage_attempts' },
    schema: {
      operationId: 'bulkFinishAttempts',
      tags,
      summary: 'Bulk mark assessment attempts as finished',
      description:
        'Ends started attempts now, as the candidate\'s own finish would: an attempt with coding or SQL answers becomes `pending` while the ' +
        'judge runs them (then it is scored); any other is scored at once (score, breakdown, status pending_review or finished, result ' +
        'e-mails, the attempt.finished webhook). Every attempt must be started (409 `attempt_not_started`).' + bulkRule,
      'x-seed': ['coodesh:attempts/bulk-mark-assessment-attempts-as-finished'],
      body: S.IdsBody,
      response: { 200: S.Finished, 404: notFoundIds, 409: errorResponse('An attempt is not started (`attempt_not_started`).') },
    },
  }, async (request) => finishAttempts(db, runtime, actorOf(request), request.body.ids));
}
