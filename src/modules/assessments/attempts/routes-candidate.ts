import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { errorResponse } from '../../../platform/http/error-responses.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { attemptByToken, attemptLink } from './attempt-access.js';
import { candidateView, revisionOf } from './candidate-attempt-view.js';
import { acceptTerms, startAttempt } from './start-attempt.js';
import { readAttemptQuestions } from './read-attempt-questions.js';
import { saveAnswer } from './save-answer.js';
import { runAnswer } from './run-answer.js';
import { finishOwnAttempt } from './finish-attempt.js';
import { openShareLink } from './open-share-link.js';
import { attemptForNotes, saveAttemptNotes } from './attempt-notes.js';
import * as S from './schemas.js';

const tags = ['Candidate'];
const auth = 'Public: the attempt token is the credential (`/take/<token>` links); a token of another attempt, a wrong MAC or a revoked one answers 404. ';
const timeOver = errorResponse(
  'The attempt takes nothing now: `attempt_not_started` (not started, or finished) or `attempt_time_over` (the server clock is past `ends_at`). Nothing is stored.',
);
const notStartable = errorResponse(
  'The attempt cannot start: `attempt_expired` (invitation expired), `attempt_not_open` (before custom_time_open), `attempt_closed` (after custom_time_close or deadline), ' +
    '`attempt_finished`, `attempt_not_available` (draft or blocked), `terms_not_accepted`.',
);

/** The candidate's API: the attempt token opens one attempt, and the server's clock decides every deadline. */
export async function candidateRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const config = { auth: 'public' as const };

  typed.get('/candidate/attempts/:token', {
    config,
    schema: {
      operationId: 'getCandidateAttempt',
      tags,
      summary: 'Open an attempt by its token',
      description:
        auth +
        'The attempt as the candidate sees it: status, the assessment (name, description, duration, number of questions, terms), the window and, once started, ' +
        "`ends_at` and `remaining_seconds` by the server's clock (`now`). Statuses: invited → started (POST start) → pending (judge running) / pending_review / finished; " +
        'invited → expired (invitation_date_expire passed).',
      params: S.TokenParams,
      response: { 200: S.CandidateAttempt },
    },
  }, async (request) => {
    const attempt = await attemptByToken(db, runtime, request.params.token);
    return await candidateView(db, attempt, request.language);
  });

  typed.post('/candidate/attempts/:token/terms', {
    config,
    schema: {
      operationId: 'acceptCandidateTerms',
      tags,
      summary: 'Accept the terms',
      description: auth + 'Records when the candidate accepted the terms (the first time stays). Needed before start. Refused (409) once the attempt cannot be taken.',
      params: S.TokenParams,
      response: { 200: S.CandidateAttempt, 409: notStartable },
    },
  }, async (request) => {
    const attempt = await acceptTerms(db, await attemptByToken(db, runtime, request.params.token));
    return await candidateView(db, attempt, request.language);
  });

  typed.post('/candidate/attempts/:token/start', {
    config,
    schema: {
      operationId: 'startCandidateAttempt',
      tags,
      summary: 'Start the attempt',
      description:
        auth +
        'Starts the clock: `started` = now and `ends_at` = min(now + duration, custom_time_close, deadline), both fixed by the server. Refused (409) before custom_time_open, ' +
        'after the invitation expired or the window closed, before the terms are accepted, and once finished. Starting a started attempt answers it unchanged.',
      params: S.TokenParams,
      response: { 200: S.CandidateAttempt, 409: notStartable },
    },
  }, async (request) => {
    const found = await attemptByToken(db, runtime, request.params.token);
    const attempt = await startAttempt(db, found.workspaceId, found.id);
    return await candidateView(db, attempt, request.language);
  });

  typed.get('/candidate/attempts/:token/questions', {
    config,
    schema: {
      operationId: 'listCandidateQuestions',
      tags,
      summary: 'Read the questions',
      description:
        auth +
        "The questions of the attempt's frozen revision, without what would give an answer away: no `correct` flags, explanations, hidden tests, reference solutions " +
        'or SQL solution (coding questions show their sample tests only). In a per-attempt order when the assessment sets randomize_questions / randomize_choices ' +
        "(seeded by the attempt: the same order every time); answers refer to `_id`s, never positions. With each question's stored response and revision. Only while started.",
      params: S.TokenParams,
      response: { 200: S.CandidateQuestions, 409: timeOver },
    },
  }, async (request) => {
    const attempt = await attemptByToken(db, runtime, request.params.token);
    return readAttemptQuestions(db, runtime.tokens, attempt, await revisionOf(db, attempt));
  });

  typed.put('/candidate/attempts/:token/answers/:questionId', {
    config,
    schema: {
      operationId: 'saveCandidateAnswer',
      tags,
      summary: 'Save an answer',
      description:
        auth +
        "Stores the response if `revision` is higher than the stored one: a retry or an older save arriving late changes nothing and answers 200 with the stored revision and `applied: false`. " +
        "The response is checked against the question's type (choice ids must be the question's, a coding language one it allows): 400 naming `body/response/...`. " +
        'Only while the attempt is started and before `ends_at` on the server clock: 409 `attempt_time_over` otherwise, and nothing is stored.',
      params: S.AnswerParams,
      body: S.SaveAnswerBody,
      response: { 200: S.SavedAnswer, 409: timeOver },
    },
  }, async (request) => {
    const attempt = await attemptByToken(db, runtime, request.params.token);
    return saveAnswer(db, attempt, await revisionOf(db, attempt), request.params.questionId, request.body);
  });

  typed.post('/candidate/attempts/:token/answers/:questionId/run', {
    config,
    schema: {
      operationId: 'runCandidateAnswer',
      tags,
      summary: 'Run code on the sample tests',
      description:
        auth +
        "Coding: runs `{language, code}` in the judge's sandbox on the question's sample tests only, answering per-sample verdicts (waits up to 20 s; `state` queued/running after). " +
        'SQL: runs `{code}` on the question\'s data and answers the result set, not compared with the solution. Hidden tests and solutions never take part. Nothing is saved. ' +
        'Only while started and before `ends_at` (409).',
      params: S.AnswerParams,
      body: S.RunBody,
      response: { 200: S.SampleRun, 409: timeOver, 422: errorResponse('The language cannot run on this server (`language_unavailable`).'), 503: errorResponse('The SQL runner is busy.') },
    },
  }, async (request) => {
    const attempt = await attemptByToken(db, runtime, request.params.token);
    return runAnswer(runtime, attempt, await revisionOf(db, attempt), request.params.questionId, request.body);
  });

  typed.post('/candidate/attempts/:token/finish', {
    config,
    schema: {
      operationId: 'finishCandidateAttempt',
      tags,
      summary: 'Finish the attempt',
      description:
        auth +
        'Finishes a started attempt in one transaction over its locked row. With coding or SQL answers it becomes `pending` and the judge-attempt job runs them on all frozen tests, ' +
        'then scores it; otherwise it is scored at once: `finished`, or `pending_review` when a reviewer has answers to score. Score, e-mails and the `attempt.finished` webhook commit together. ' +
        'Of two racing finishes exactly one succeeds; the other (and any finish of an attempt not started) answers 409 `attempt_not_started`. ' +
        'After `ends_at` it answers 409 `attempt_time_over` and changes nothing: the close-expired job finishes the attempt within a minute with what was saved.',
      params: S.TokenParams,
      response: { 200: S.CandidateAttempt, 409: timeOver },
    },
  }, async (request) => {
    const found = await attemptByToken(db, runtime, request.params.token);
    const attempt = await finishOwnAttempt(db, runtime, found.workspaceId, found.id);
    return await candidateView(db, attempt, request.language);
  });

  typed.post('/candidate/links/:token/open', {
    // Rate-limited: each open of a known address sends an e-mail.
    config: { auth: 'public', rateLimit: authRateLimit(runtime.config) },
    schema: {
      operationId: 'openShareLink',
      tags,
      summary: 'Open a share link',
      description:
        'Public: the share link token is the credential. Inside the link\'s window (open_at ≤ now < close_at), while it is active and the assessment published, the first open by an ' +
        'e-mail creates its attempt (`invited`, the link\'s tags) and answers 201 with the attempt token. An address that already has an attempt at the assessment gets its link by ' +
        'e-mail instead (202): anyone may type an address, so its token is never answered here. 404 unknown or inactive link; 409 `link_not_open`, `link_closed`, `assessment_not_published`.',
      params: S.LinkParams,
      body: S.OpenLinkBody,
      response: { 201: S.OpenedLink, 202: S.MailedLink, 409: errorResponse('The link is outside its window or the assessment takes no attempts (`link_not_open`, `link_closed`, `assessment_not_published`).') },
    },
  }, async (request, reply) => {
    const opened = await openShareLink(db, runtime, request.params.token, request.body);
    if (opened.kind === 'mailed') return reply.status(202).send({ message: 'The link to your attempt was sent to this address', email: opened.email });
    const attempt = opened.attempt;
    return reply.status(201).send({ token: opened.token, link: attemptLink(runtime, attempt), attempt: await candidateView(db, attempt, request.language) });
  });

  typed.get('/assessments/attempts/:id/notes', {
    config,
    schema: {
      operationId: 'getAttemptNotes',
      tags,
      summary: 'Get attempt notes',
      description: "The candidate's scratch notes. Public: send the attempt's token as `access_token` (query); it must be the token of `:id` (404 otherwise).",
      'x-seed': ['coodesh:attempts/get-attempt-notes'],
      params: S.NotesParams,
      querystring: S.NotesQuery,
      response: { 200: S.Notes },
    },
  }, async (request) => {
    const attempt = await attemptForNotes(db, runtime, request.params.id, request.query.access_token);
    return { _id: attempt.id, notes: attempt.notes, updated: attempt.updated.toISOString() };
  });

  typed.put('/assessments/attempts/:id/notes', {
    config,
    schema: {
      operationId: 'saveAttemptNotes',
      tags,
      summary: 'Save attempt notes',
      description:
        "Replaces the candidate's scratch notes (at most 50,000 characters) while the attempt is in progress. Public: send the attempt's token as `access_token` (query). " +
        '409 once the attempt is not started or its time is over.',
      'x-seed': ['coodesh:attempts/save-attempt-notes'],
      params: S.NotesParams,
      querystring: S.NotesQuery,
      body: S.NotesBody,
      response: { 200: S.Notes, 409: timeOver },
    },
  }, async (request) => {
    const attempt = await saveAttemptNotes(db, await attemptForNotes(db, runtime, request.params.id, request.query.access_token), request.body.notes);
    return { _id: attempt.id, notes: attempt.notes, updated: attempt.updated.toISOString() };
  });
}
