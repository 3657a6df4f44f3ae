import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { mintToken } from '../attempt-tokens.js';
import { answers, answerUploadParts, attempts, type AnswerRow, type AttemptRow } from '../schema.js';
import { frozenQuestion, insertAnswer, insertAssessment, insertAttempt, insertFinishedAttempt, insertRevision } from '../admin/test-factory.js';
import type { QuestionType } from '../../questions/schema.js';
import { mediaLimits } from './media-rules.js';
import { answerMediaToken } from './media-target.js';

let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Answers A');
  b = await createTenant(t.runtime, 'Answers B');
});
afterAll(() => t.close());

const db = () => t.runtime.database.db;
const attemptToken = (attempt: AttemptRow) => mintToken(t.runtime.tokens, 'attempt', { workspaceId: attempt.workspaceId, id: attempt.id, nonce: attempt.tokenNonce });
const answerToken = (attempt: AttemptRow, answer: AnswerRow) => answerMediaToken(t.runtime.tokens, attempt, answer.id);
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('reading answers', () => {
  async function scoredAttempt(values: Partial<AttemptRow> = {}, settings: Record<string, unknown> = {}) {
    const assessment = await insertAssessment(db(), a.workspace.id, { settings });
    const first = frozenQuestion('question');
    const second = frozenQuestion('essay');
    const revision = await insertRevision(db(), assessment, [first, second]);
    const attempt = await insertFinishedAttempt(db(), assessment, revision, values);
    const late = await insertAnswer(db(), attempt, second._id, { score: 1, maxScore: 2 });
    const early = await insertAnswer(db(), attempt, first._id, { score: 2, maxScore: 2, autoResult: { correct: true } });
    return { attempt, early, late };
  }

  it('a manager reads every answer in question order with machine results; the candidate with the attempt token reads them without', async () => {
    const { attempt, early, late } = await scoredAttempt();
    const url = `/assessments/attempts/${attempt.id}/answers`;
    const manager = await get(url, a.keyHeaders);
    expect(manager.statusCode).toBe(200);
    expect(manager.json().map((x: { _id: string }) => x._id)).toEqual([early.id, late.id]);
    expect(manager.json()[0]).toMatchObject({ score: 2, auto_result: { correct: true }, type: 'question' });
    const candidate = await get(`${url}?access_token=${encodeURIComponent(attemptToken(attempt))}`);
    expect(candidate.statusCode).toBe(200);
    expect(candidate.json()[0]).toMatchObject({ response: { text: 'hello' }, score: 2, auto_result: null });
    expect((await get(url)).statusCode).toBe(404);
    expect((await get(url, b.keyHeaders)).statusCode).toBe(404);
    const otherAttempt = (await scoredAttempt()).attempt;
    expect((await get(`${url}?access_token=${encodeURIComponent(attemptToken(otherAttempt))}`)).statusCode).toBe(404);
  });

  it('keeps scores from the candidate while results are hidden, and from everyone while they are locked', async () => {
    const hidden = await scoredAttempt({ hiddenResults: true });
    const candidate = (await get(`/assessments/attempts/${hidden.attempt.id}/answers?access_token=${encodeURIComponent(attemptToken(hidden.attempt))}`)).json();
    expect(candidate[0]).toMatchObject({ score: null, review: null, response: { text: 'hello' } });
    const locked = await scoredAttempt({}, { unlock_required: true });
    const manager = await get(`/assessments/attempts/${locked.attempt.id}/answers`, a.keyHeaders);
    expect(manager.statusCode).toBe(403);
    expect(manager.json().code).toBe('attempt_locked');
    expect((await get(`/assessments/answers/${locked.early.id}`, a.keyHeaders)).statusCode).toBe(403);
  });

  it('one answer: a manager, or the candidate with the attempt token or the answer\'s own token', async () => {
    const { attempt, early } = await scoredAttempt();
    const url = `/assessments/answers/${early.id}`;
    expect((await get(url, a.keyHeaders)).json()).toMatchObject({ _id: early.id, auto_result: { correct: true } });
    expect((await get(`${url}?access_token=${encodeURIComponent(attemptToken(attempt))}`)).json()).toMatchObject({ _id: early.id, auto_result: null });
    expect((await get(`${url}?access_token=${encodeURIComponent(answerToken(attempt, early))}`)).statusCode).toBe(200);
    expect((await get(url)).statusCode).toBe(404);
    expect((await get(url, b.keyHeaders)).statusCode).toBe(404);
    const other = await scoredAttempt();
    expect((await get(`${url}?access_token=${encodeURIComponent(attemptToken(other.attempt))}`)).statusCode).toBe(404);
    expect((await get(`${url}?access_token=${encodeURIComponent(answerToken(other.attempt, other.early))}`)).statusCode).toBe(404);
  });
});

const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
const webm = (size: number) => {
  const head = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('....webm....')]);
  return Buffer.concat([head, randomBytes(size - head.length)]);
};

function form(fields: Record<string, string>, file: Buffer) {
  const boundary = `----assay${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  // The file first, the fields after: the handler reads them in any order.
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="take.webm"\r\nContent-Type: video/webm\r\n\r\n`), file, Buffer.from('\r\n'));
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Whole files: parts named `files`. */
function filesForm(files: Array<{ bytes: Buffer; name: string }>) {
  const boundary = `----assay${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const file of files) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);

describe('answer media', () => {
  async function runningAnswer(type: QuestionType, values: Partial<AttemptRow> = {}) {
    const assessment = await insertAssessment(db(), a.workspace.id);
    const question = frozenQuestion(type);
    const revision = await insertRevision(db(), assessment, [question]);
    const attempt = await insertAttempt(db(), assessment, { status: 'started', started: new Date(), endsAt: new Date(Date.now() + 3_600_000), revisionId: revision.id, ...values });
    const answer = await insertAnswer(db(), attempt, question._id, { response: null });
    return { attempt, answer, url: `/assessments/answers/${encodeURIComponent(answerToken(attempt, answer))}/media` };
  }
  const json = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
  const part = (url: string, fields: Record<string, string>, bytes: Buffer) => {
    const body = form(fields, bytes);
    return t.app.inject({ method: 'POST', url, payload: body.payload, headers: body.headers });
  };
  const stored = async (path: string) => {
    const file = await t.runtime.storage.get(path);
    const chunks: Buffer[] = [];
    for await (const chunk of file.body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const reloadAnswer = async (answer: AnswerRow) => (await db().select().from(answers).where(and(eq(answers.workspaceId, answer.workspaceId), eq(answers.id, answer.id))))[0];

  it('takes a single upload as JSON and records it as the answer\'s media', async () => {
    const { answer, url } = await runningAnswer('whiteboard');
    const bytes = png(2000);
    const response = await json(url, { isLast: true, recordId: 'board', partNumber: 1, data: bytes.toString('base64'), fileName: 'board' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ complete: true, media: { content_type: 'image/png', size: 2000, name: 'board.png' } });
    const media = (await reloadAnswer(answer)).media;
    expect(media).toHaveLength(1);
    expect((await stored(media[0].path)).equals(bytes)).toBe(true);
  });

  it('the candidate gets the upload token from its questions: for questions answered with a file only', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id);
    const board = frozenQuestion('whiteboard');
    const choice = frozenQuestion('question');
    const revision = await insertRevision(db(), assessment, [board, choice]);
    const attempt = await insertAttempt(db(), assessment, { status: 'started', started: new Date(), endsAt: new Date(Date.now() + 3_600_000), revisionId: revision.id });
    const boardAnswer = await insertAnswer(db(), attempt, board._id, { response: null });
    await insertAnswer(db(), attempt, choice._id, { response: null });

    const read = await get(`/candidate/attempts/${encodeURIComponent(attemptToken(attempt))}/questions`);
    expect(read.statusCode).toBe(200);
    const tokens = new Map(read.json<{ answers: Array<{ question_id: string; media_token: string | null }> }>().answers.map((x) => [x.question_id, x.media_token]));
    expect(tokens.get(choice._id)).toBeNull();
    const token = tokens.get(board._id);
    expect(token).toEqual(expect.any(String));
    const upload = await json(`/assessments/answers/${encodeURIComponent(token!)}/media`, { isLast: true, recordId: 'board', partNumber: 1, data: png(500).toString('base64'), fileName: 'board' });
    expect(upload.statusCode).toBe(200);
    expect((await reloadAnswer(boardAnswer)).media).toHaveLength(1);
  });

  it('assembles chunks sent out of order, with a replayed part, into one file', async () => {
    const { answer, url } = await runningAnswer('video');
    const whole = webm(3 * 1000);
    const chunks = [whole.subarray(0, 1000), whole.subarray(1000, 2000), whole.subarray(2000)];
    const send = (n: number, isLast = false) => part(url, { isLast: String(isLast), recordId: 'take-1', partNumber: String(n), totalChunks: '3' }, chunks[n - 1]);
    const third = await send(3, true);
    expect(third.json()).toMatchObject({ complete: false, received_parts: [3], missing_parts: [1, 2] });
    expect((await send(1)).json()).toMatchObject({ complete: false, missing_parts: [2] });
    expect((await send(1)).json()).toMatchObject({ complete: false, received_parts: [1, 3], missing_parts: [2] });
    const done = await send(2);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ complete: true, media: { content_type: 'video/webm', size: 3000 } });
    const media = (await reloadAnswer(answer)).media;
    expect((await stored(media[0].path)).equals(whole)).toBe(true);
    expect(await db().select().from(answerUploadParts).where(eq(answerUploadParts.answerId, answer.id))).toHaveLength(0);
    // A part replayed after assembly answers the same file and changes nothing.
    expect((await send(2)).json()).toMatchObject({ complete: true, media: { path: media[0].path } });
    expect((await reloadAnswer(answer)).media).toEqual(media);
  });

  it('without totalChunks, a last part that came first completes when sent again', async () => {
    const { url } = await runningAnswer('audio');
    const whole = webm(1600);
    const send = (n: number, isLast: boolean) => json(url, { isLast, recordId: 'a', partNumber: n, data: whole.subarray((n - 1) * 800, n * 800).toString('base64') });
    expect((await send(2, true)).json()).toMatchObject({ complete: false, missing_parts: [1] });
    expect((await send(1, false)).json()).toMatchObject({ complete: false, missing_parts: [] });
    expect((await send(2, true)).json()).toMatchObject({ complete: true, media: { size: 1600 } });
  });

  it('refuses a wrong type, a question without media, a closed attempt, an oversized part and a foreign token', async () => {
    const audio = await runningAnswer('audio');
    const wrongType = await json(audio.url, { isLast: true, recordId: 'x', partNumber: 1, data: png(100).toString('base64') });
    expect(wrongType.statusCode).toBe(415);
    const essay = await runningAnswer('essay');
    expect((await json(essay.url, { isLast: true, recordId: 'x', partNumber: 1, data: png(100).toString('base64') })).json().code).toBe('media_not_accepted');
    const finished = await runningAnswer('whiteboard', { status: 'finished' });
    expect((await json(finished.url, { isLast: true, recordId: 'x', partNumber: 1, data: png(100).toString('base64') })).json().code).toBe('attempt_not_started');
    const late = await runningAnswer('whiteboard', { endsAt: new Date(Date.now() - 1000) });
    expect((await json(late.url, { isLast: true, recordId: 'x', partNumber: 1, data: png(100).toString('base64') })).json().code).toBe('attempt_time_over');
    const large = await part(audio.url, { isLast: 'true', recordId: 'large', partNumber: '1' }, webm(mediaLimits.maxPartBytes));
    expect(large.json()).toMatchObject({ complete: true, media: { size: mediaLimits.maxPartBytes } });
    const big = await part(audio.url, { isLast: 'false', recordId: 'big', partNumber: '1' }, webm(mediaLimits.maxPartBytes + 1));
    expect(big.statusCode).toBe(413);
    const missingData = await json(audio.url, { isLast: true, recordId: 'x', partNumber: 1 });
    expect(missingData.statusCode).toBe(400);
    expect(missingData.json().details[0].field).toBe('body/data');
    const forged = `${a.workspace.id}.${audio.answer.id}.${'A'.repeat(32)}`;
    expect((await json(`/assessments/answers/${forged}/media`, { isLast: true, recordId: 'x', partNumber: 1, data: webm(100).toString('base64') })).statusCode).toBe(404);
    // Rotating the attempt's nonce revokes the answer's link.
    await db().update(attempts).set({ tokenNonce: 'rotated' }).where(eq(attempts.id, audio.attempt.id));
    expect((await json(audio.url, { isLast: true, recordId: 'x', partNumber: 1, data: webm(100).toString('base64') })).statusCode).toBe(404);
  });

  it('delete clears the media and its file, only while the attempt runs', async () => {
    const { attempt, answer, url } = await runningAnswer('file');
    const done = await json(url, { isLast: true, recordId: 'doc', partNumber: 1, data: png(500).toString('base64') });
    const path = done.json().media.path as string;
    await json(url, { isLast: false, recordId: 'pending', partNumber: 1, data: png(500).toString('base64') });
    const deleted = await t.app.inject({ method: 'DELETE', url });
    expect(deleted.json()).toEqual({ deleted: 1 });
    expect((await reloadAnswer(answer)).media).toEqual([]);
    expect(await t.runtime.storage.exists(path)).toBe(false);
    expect(await db().select().from(answerUploadParts).where(eq(answerUploadParts.answerId, answer.id))).toHaveLength(0);
    await db().update(attempts).set({ status: 'finished' }).where(eq(attempts.id, attempt.id));
    expect((await t.app.inject({ method: 'DELETE', url })).statusCode).toBe(409);
  });

  const files = (url: string, list: Array<{ bytes: Buffer; name: string }>) => t.app.inject({ method: 'POST', url, ...filesForm(list) });

  it('takes several whole files for a file answer, replacing its media, each downloadable by a manager and the candidate', async () => {
    const { attempt, answer, url } = await runningAnswer('file');
    const chunked = await json(url, { isLast: true, recordId: 'first', partNumber: 1, data: png(300).toString('base64') });
    const replacedPath = chunked.json().media.path as string;
    await json(url, { isLast: false, recordId: 'pending', partNumber: 1, data: png(300).toString('base64') });

    const sent = [{ bytes: pdf(4000), name: 'cv.pdf' }, { bytes: png(1200), name: 'photo.png' }, { bytes: pdf(900), name: 'letter' }];
    const response = await files(url, sent);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ answer_id: answer.id, complete: true, record_id: null });
    expect(body.files.map((f: { name: string; content_type: string; size: number }) => [f.name, f.content_type, f.size]))
      .toEqual([['cv.pdf', 'application/pdf', 4000], ['photo.png', 'image/png', 1200], ['letter.pdf', 'application/pdf', 900]]);
    const media = (await reloadAnswer(answer)).media;
    expect(media.map((m) => m.path)).toEqual(body.files.map((f: { path: string }) => f.path));
    expect(await t.runtime.storage.exists(replacedPath)).toBe(false);
    expect(await db().select().from(answerUploadParts).where(eq(answerUploadParts.answerId, answer.id))).toHaveLength(0);

    const [cv, photo] = body.files as Array<{ url: string; path: string }>;
    expect(cv.url).toBe(`/assessments/answers/${answer.id}/media/${cv.path.split('/').pop()}`);
    const manager = await get(cv.url, a.keyHeaders);
    expect(manager.statusCode).toBe(200);
    expect(manager.rawPayload.equals(sent[0].bytes)).toBe(true);
    expect(manager.headers).toMatchObject({ 'content-type': 'application/pdf', 'content-length': '4000', 'content-disposition': expect.stringContaining('filename="cv.pdf"') });
    const candidate = await get(`${photo.url}?access_token=${encodeURIComponent(attemptToken(attempt))}`, { range: 'bytes=8-' });
    expect(candidate.statusCode).toBe(206);
    expect(candidate.rawPayload.equals(sent[1].bytes.subarray(8))).toBe(true);
    expect(candidate.headers['content-range']).toBe('bytes 8-1199/1200');
    expect((await get(`${photo.url}?access_token=${encodeURIComponent(answerToken(attempt, answer))}`)).statusCode).toBe(200);
    // The manager's read of the answer lists the same files with their urls.
    expect((await get(`/assessments/answers/${answer.id}`, a.keyHeaders)).json().media).toEqual(body.files);
  });

  it('downloads are for the answer\'s workspace and its candidate only', async () => {
    const { attempt, answer, url } = await runningAnswer('file');
    const [file] = (await files(url, [{ bytes: pdf(500), name: 'a.pdf' }])).json().files as Array<{ url: string }>;
    expect((await get(file.url)).statusCode).toBe(404);
    expect((await get(file.url, b.keyHeaders)).statusCode).toBe(404);
    const other = await runningAnswer('file');
    expect((await get(`${file.url}?access_token=${encodeURIComponent(attemptToken(other.attempt))}`)).statusCode).toBe(404);
    expect((await get(`${file.url}?access_token=${encodeURIComponent(answerToken(other.attempt, other.answer))}`)).statusCode).toBe(404);
    expect((await get(`/assessments/answers/${answer.id}/media/${'a'.repeat(24)}.pdf`, a.keyHeaders)).json()).toMatchObject({ statusCode: 404, code: 'media_not_found' });
    // Another answer's file id under this answer is not found either.
    expect((await get(`/assessments/answers/${other.answer.id}/media/${file.url.split('/').pop()}`, a.keyHeaders)).statusCode).toBe(404);
    await db().update(attempts).set({ tokenNonce: 'rotated' }).where(eq(attempts.id, attempt.id));
    expect((await get(`${file.url}?access_token=${encodeURIComponent(attemptToken(attempt))}`)).statusCode).toBe(404);
  });

  it('whole files are all or nothing, naming the part refused, within the type\'s count and sizes', async () => {
    const { answer, url } = await runningAnswer('file');
    const before = (await files(url, [{ bytes: pdf(500), name: 'kept.pdf' }])).json().files;
    const wrong = await files(url, [{ bytes: pdf(500), name: 'b.pdf' }, { bytes: webm(500), name: 'c.webm' }]);
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().details).toEqual([{ field: 'body/files/1', message: expect.any(String) }]);
    const large = await files(url, [{ bytes: png(5 * 1024 * 1024 + 1), name: 'big.png' }]);
    expect(large.statusCode).toBe(413);
    expect(large.json().details).toEqual([{ field: 'body/files/0', message: expect.any(String) }]);
    const many = await files(url, Array.from({ length: 11 }, (_, i) => ({ bytes: pdf(200), name: `p${i}.pdf` })));
    expect(many.statusCode).toBe(400);
    expect(many.json()).toMatchObject({ code: 'too_many_files', details: [{ field: 'body/files/10' }] });
    expect((await reloadAnswer(answer)).media.map((m) => m.path)).toEqual(before.map((f: { path: string }) => f.path));

    const audio = await runningAnswer('audio');
    const two = await files(audio.url, [{ bytes: webm(300), name: 'a.webm' }, { bytes: webm(300), name: 'b.webm' }]);
    expect(two.json()).toMatchObject({ statusCode: 400, code: 'too_many_files', details: [{ field: 'body/files/1' }] });
    expect((await reloadAnswer(audio.answer)).media).toEqual([]);
    const finished = await runningAnswer('file', { status: 'finished' });
    expect((await files(finished.url, [{ bytes: pdf(300), name: 'late.pdf' }])).json().code).toBe('attempt_not_started');
    const essay = await runningAnswer('essay');
    expect((await files(essay.url, [{ bytes: pdf(300), name: 'x.pdf' }])).json().code).toBe('media_not_accepted');
  });
});
