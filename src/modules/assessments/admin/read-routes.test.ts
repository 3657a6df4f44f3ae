import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { mintToken } from '../attempt-tokens.js';
import { publicQuestions } from '../../questions/schema.js';
import { newId } from '../../../platform/ids.js';
import { createSubaccount } from '../../../../test/support/tenancy-registry.js';
import { frozenQuestion, insertAnswer, insertAssessment, insertAttempt, insertFinishedAttempt, insertRevision } from './test-factory.js';

let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Reads A');
  b = await createTenant(t.runtime, 'Reads B');
});
afterAll(() => t.close());

const db = () => t.runtime.database.db;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('the manager view of an attempt', () => {
  it('shows the score, answers in question order and breakdown, labelled in the x-language', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id, { settings: { passing_score: 70 } });
    const essay = frozenQuestion('essay');
    const choice = frozenQuestion('question');
    const revision = await insertRevision(db(), assessment, [choice, essay]);
    const attempt = await insertFinishedAttempt(db(), assessment, revision, {
      stage: 'hired',
      inviterId: a.admin.id,
      breakdown: { questions: [], skills: [{ skill_id: 'js', score: 3, max_score: 4, percentage: 75 }] },
    });
    await insertAnswer(db(), attempt, essay._id, { score: 1, maxScore: 2 });
    await insertAnswer(db(), attempt, choice._id, { score: 2, maxScore: 2 });

    const response = await t.app.inject({ method: 'GET', url: `/assessments/${assessment.id}/attempts/${attempt.id}`, headers: { ...a.keyHeaders, 'x-language': 'pt' } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      _id: attempt.id,
      score: 75,
      totalScore: 3,
      maxScore: 4,
      locked: false,
      status: 'finished',
      status_formatted: 'Finalizado',
      stage_formatted: 'Contratado',
      grade_tag: { tag: 'approved', label: 'Aprovado' },
      proficiency: { level: 'intermediate' },
      certificate_status: 'issued',
      finishedIn: 45,
      invitation_token: null,
      access_token: null,
      inviter: a.admin.id,
      can_export: true,
      assessment: { _id: assessment.id, name: assessment.name },
    });
    expect(body.answers.map((x: { question: string }) => x.question)).toEqual([choice._id, essay._id]);
    expect(body.breakdown.skills).toHaveLength(1);
    const seedKeys = ['_id', 'score', 'grade_tag', 'tags', 'answers', 'user', 'assessment', 'proficiency', 'certificate_status', 'status', 'started', 'terms', 'stage',
      'invitation_date', 'invitation_token', 'inviter', 'created', 'updated', 'access_token', 'finished', 'totalScore', 'maxScore', 'reopen_date', 'finishedIn',
      'proctoring', 'whitelabel', 'can_export'];
    expect(Object.keys(body)).toEqual(expect.arrayContaining([...seedKeys, 'status_formatted', 'stage_formatted']));
  });

  it('hides score, answers and breakdown until an attempt of an unlock-required assessment is unlocked', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id, { settings: { unlock_required: true } });
    const question = frozenQuestion('essay');
    const revision = await insertRevision(db(), assessment, [question]);
    const attempt = await insertFinishedAttempt(db(), assessment, revision, { breakdown: { questions: [], skills: [] } });
    await insertAnswer(db(), attempt, question._id, { score: 1, maxScore: 1 });
    const url = `/assessments/${assessment.id}/attempts/${attempt.id}`;
    const locked = (await t.app.inject({ method: 'GET', url, headers: a.keyHeaders })).json();
    expect(locked).toMatchObject({ locked: true, score: null, totalScore: null, maxScore: null, answers: [], breakdown: null, can_export: false, proficiency: null });
    const list = (await t.app.inject({ method: 'GET', url: `/assessments/${assessment.id}/attempts`, headers: a.keyHeaders })).json();
    expect(list.docs[0]).toMatchObject({ locked: true, score: null });
  });

  it('answers 404 for another workspace\'s attempt and for an attempt of another assessment', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id);
    const other = await insertAssessment(db(), a.workspace.id);
    const attempt = await insertAttempt(db(), assessment);
    expect((await t.app.inject({ method: 'GET', url: `/assessments/${assessment.id}/attempts/${attempt.id}`, headers: b.keyHeaders })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/assessments/${other.id}/attempts/${attempt.id}`, headers: a.keyHeaders })).statusCode).toBe(404);
  });
});

describe('attempt lists', () => {
  it('filter by status or grouping (not both), search and JSONLogic query', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id);
    const revision = await insertRevision(db(), assessment, []);
    const done = await insertFinishedAttempt(db(), assessment, revision, { name: 'Zed Finisher', tags: ['senior'] });
    const invited = await insertAttempt(db(), assessment, { name: 'Ann Invitee', tags: ['junior'] });
    const expiredUnstarted = await insertAttempt(db(), assessment, { status: 'expired' });
    const expiredStarted = await insertAttempt(db(), assessment, { status: 'expired', started: new Date() });
    const url = `/assessments/${assessment.id}/attempts`;
    const ids = async (query: string) => {
      const response = await t.app.inject({ method: 'GET', url: `${url}?${query}`, headers: a.keyHeaders });
      expect(response.statusCode).toBe(200);
      return response.json().docs.map((d: { _id: string }) => d._id).sort();
    };
    expect(await ids('grouping=results')).toEqual([done.id, expiredStarted.id].sort());
    expect(await ids('grouping=invited')).toEqual([invited.id, expiredUnstarted.id].sort());
    expect(await ids('status=invited')).toEqual([invited.id]);
    expect(await ids('search=finisher')).toEqual([done.id]);
    expect(await ids(`query=${encodeURIComponent(b64({ in: ['junior', { var: 'tags' }] }))}`)).toEqual([invited.id]);
    const both = await t.app.inject({ method: 'GET', url: `${url}?status=invited&grouping=results`, headers: a.keyHeaders });
    expect(both.statusCode).toBe(400);
    expect(both.json().details[0].field).toBe('query/grouping');
    expect((await t.app.inject({ method: 'GET', url, headers: b.keyHeaders })).statusCode).toBe(404);
  });

  it('per workspace user, participants with tags, navigation ids, tags and inviters', async () => {
    const assessment = await insertAssessment(db(), a.workspace.id);
    const hunter = await createMember(t.runtime, a.workspace.id, 'hunter');
    const first = await insertAttempt(db(), assessment, { tags: ['x', 'y'], inviterId: hunter.user.id });
    const second = await insertAttempt(db(), assessment, { tags: ['y'], inviterId: hunter.user.id, userId: first.userId, email: 'again@example.test' });
    const third = await insertAttempt(db(), assessment, { tags: ['z'], inviterId: a.admin.id });

    const mine = (await t.app.inject({ method: 'GET', url: `/workspace/users/${first.userId}/attempts`, headers: a.keyHeaders })).json();
    expect(mine.docs.map((d: { _id: string }) => d._id).sort()).toEqual([first.id, second.id].sort());
    expect((await t.app.inject({ method: 'GET', url: `/workspace/users/${first.userId}/attempts`, headers: b.keyHeaders })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/workspace/users/${newId()}/attempts`, headers: a.keyHeaders })).statusCode).toBe(404);

    const participants = (await t.app.inject({ method: 'GET', url: '/assessments/participants?tags=x&tags=y', headers: a.keyHeaders })).json();
    expect(participants.docs.map((d: { _id: string }) => d._id)).toEqual([first.id]);

    const nav = (await t.app.inject({ method: 'GET', url: `/assessments/${assessment.id}/attempts/ids?order=asc`, headers: a.keyHeaders })).json();
    expect(nav.docs).toEqual([first.id, second.id, third.id]);

    const tags = (await t.app.inject({ method: 'GET', url: `/assessments/attempts/tags?assessment=${assessment.id}`, headers: a.keyHeaders })).json();
    expect(tags.docs).toEqual([{ tag: 'x', count: 1 }, { tag: 'y', count: 2 }, { tag: 'z', count: 1 }]);
    expect(tags.totalDocs).toBe(3);

    const inviters = (await t.app.inject({ method: 'GET', url: `/assessments/attempts/inviters?assessment=${assessment.id}`, headers: a.keyHeaders })).json();
    expect(inviters.map((i: { _id: string; count: number }) => [i._id, i.count])).toEqual([[hunter.user.id, 2], [a.admin.id, 1]]);
    const foreignTags = (await t.app.inject({ method: 'GET', url: `/assessments/attempts/tags?assessment=${assessment.id}`, headers: b.keyHeaders })).json();
    expect(foreignTags.docs).toEqual([]);
  });

  it('participant field definitions are public and localized', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assessments/participants/fields', headers: { 'x-language': 'es' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().statuses).toContainEqual({ value: 'pending_review', label: 'Pendiente de revisión' });
  });
});

describe('recommendations', () => {
  it('recommend public questions on the weakest skills, for a manager or the candidate holding the token', async () => {
    const weak = newId();
    const strong = newId();
    const slug = `rec-${newId()}`;
    await db().insert(publicQuestions).values([
      { id: newId(), slug: `${slug}-b`, type: 'question', status: 'published', title: 'Weak B', skillIds: [weak] },
      { id: newId(), slug: `${slug}-a`, type: 'question', status: 'published', title: 'Weak A', skillIds: [weak] },
      { id: newId(), slug: `${slug}-draft`, type: 'question', status: 'created', title: 'Draft', skillIds: [weak] },
      { id: newId(), slug: `${slug}-strong`, type: 'question', status: 'published', title: 'Strong', skillIds: [strong] },
    ]);
    const assessment = await insertAssessment(db(), a.workspace.id);
    const revision = await insertRevision(db(), assessment, [frozenQuestion('question', { skill_ids: [weak] })]);
    const attempt = await insertFinishedAttempt(db(), assessment, revision, {
      breakdown: { questions: [], skills: [{ skill_id: strong, score: 9, max_score: 10, percentage: 90 }, { skill_id: weak, score: 1, max_score: 10, percentage: 10 }] },
    });
    const url = `/assessments/attempts/${attempt.id}/recommendations`;
    const manager = (await t.app.inject({ method: 'GET', url, headers: a.keyHeaders })).json();
    const titles = manager.recommendations.map((r: { title: string }) => r.title);
    expect(titles.slice(0, 2)).toEqual(['Weak A', 'Weak B']);
    expect(titles).not.toContain('Draft');
    expect(titles.indexOf('Strong')).toBeGreaterThan(1);

    const token = mintToken(t.runtime.tokens, 'attempt', { workspaceId: a.workspace.id, id: attempt.id, nonce: attempt.tokenNonce });
    const candidate = await t.app.inject({ method: 'GET', url: `${url}?access_token=${encodeURIComponent(token)}` });
    expect(candidate.statusCode).toBe(200);
    expect(candidate.json()).toEqual(manager);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    const wrongNonce = mintToken(t.runtime.tokens, 'attempt', { workspaceId: a.workspace.id, id: attempt.id, nonce: 'rotated' });
    expect((await t.app.inject({ method: 'GET', url: `${url}?access_token=${encodeURIComponent(wrongNonce)}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url, headers: b.keyHeaders })).statusCode).toBe(404);
  });
});

describe('subaccounts', () => {
  it('a request scoped to a subaccount sees and acts on only the attempts of that subaccount', async () => {
    const north = await createSubaccount(t.runtime, a.workspace.id, 'North');
    const south = await createSubaccount(t.runtime, a.workspace.id, 'South');
    const assessment = await insertAssessment(db(), a.workspace.id);
    const ours = await insertAttempt(db(), assessment, { subaccountIds: [north] });
    const theirs = await insertAttempt(db(), assessment, { subaccountIds: [south] });
    const scoped = { ...a.keyHeaders, 'x-subaccount-id': north };
    const list = (await t.app.inject({ method: 'GET', url: `/assessments/${assessment.id}/attempts`, headers: scoped })).json();
    expect(list.docs.map((d: { _id: string }) => d._id)).toEqual([ours.id]);
    expect((await t.app.inject({ method: 'GET', url: `/assessments/${assessment.id}/attempts/${theirs.id}`, headers: scoped })).statusCode).toBe(404);
    const bulk = await t.app.inject({ method: 'PATCH', url: '/assessments/attempts/bulk', headers: scoped, payload: { ids: [ours.id, theirs.id], stage: 'hired' } });
    expect(bulk.statusCode).toBe(404);
    expect(bulk.json().details[0].field).toBe('body/ids/1');
    const whole = (await t.app.inject({ method: 'GET', url: `/assessments/${assessment.id}/attempts`, headers: a.keyHeaders })).json();
    expect(whole.totalDocs).toBe(2);
  });
});
