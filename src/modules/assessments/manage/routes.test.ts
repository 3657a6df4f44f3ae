import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import type { Db } from '../../../platform/db/client.js';
import { newId } from '../../../platform/ids.js';
import { publicQuestions, questions, type QuestionType } from '../../questions/schema.js';
import { skills } from '../../skills/schema.js';
import { skillIdOf } from '../../skills/skill-id.js';
import { createSubaccount } from '../../workspace/subaccounts/save-subaccount.js';
import { tokenMatches, tokenIds } from '../attempt-tokens.js';
import { assessmentLinks, assessments, attempts, type AttemptStatus } from '../schema.js';

let t: TestApp;
let db: Db;
let acme: TenantFixture;
let other: TenantFixture;
let js: string;
let sql: string;
let q: { a: string; b: string; archived: string; foreign: string; pub: string };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

async function skillRow(slug: string, name: { en: string; pt?: string }) {
  const id = skillIdOf(`manage-test-${slug}`);
  await db.insert(skills).values({ id, slug: `manage-test-${slug}`, name }).onConflictDoNothing();
  return id;
}

async function questionRow(workspaceId: string, input: { title: string; type?: QuestionType; skillIds?: string[]; duration?: number; status?: 'created' | 'published' | 'archived' }) {
  const id = newId();
  await db.insert(questions).values({
    workspaceId, id, slug: `q-${id}`, type: input.type ?? 'question', title: input.title,
    skillIds: input.skillIds ?? [], duration: input.duration ?? 10, status: input.status ?? 'published',
  });
  return id;
}

async function attemptRow(workspaceId: string, assessmentId: string, input: { email: string; status: AttemptStatus; invited?: Date; started?: Date; finished?: Date; score?: number }) {
  const id = newId();
  await db.insert(attempts).values({
    workspaceId, id, assessmentId, userId: newId(), email: input.email, name: input.email.split('@')[0], status: input.status,
    tokenNonce: newId(), seed: 1, durationSeconds: 3600, invitationDate: input.invited ?? null,
    started: input.started ?? null, finished: input.finished ?? null, score: input.score ?? null,
  });
  return id;
}

const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = acme.keyHeaders) =>
  t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function create(body: Record<string, unknown>) {
  const res = await api('POST', '/assessments', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ _id: string; [key: string]: unknown }>();
}

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  acme = await createTenant(t.runtime, 'Acme Assessments');
  other = await createTenant(t.runtime, 'Other Assessments');
  js = await skillRow('javascript', { en: 'JavaScript', pt: 'JavaScript' });
  sql = await skillRow('sql', { en: 'SQL databases', pt: 'Bancos SQL' });
  const pubId = newId();
  await db.insert(publicQuestions).values({ id: pubId, slug: `pq-${pubId}`, type: 'essay', title: 'Public essay', skillIds: [sql], status: 'published', duration: 1, durationUnit: 'hour' });
  q = {
    a: await questionRow(acme.workspace.id, { title: 'Closures', skillIds: [js], duration: 10 }),
    b: await questionRow(acme.workspace.id, { title: 'Joins', type: 'sql', skillIds: [sql, js], duration: 20 }),
    archived: await questionRow(acme.workspace.id, { title: 'Old one', status: 'archived' }),
    foreign: await questionRow(other.workspace.id, { title: 'Not yours' }),
    pub: pubId,
  };
});
afterAll(async () => {
  await t.close();
});

describe('creating and updating assessments', () => {
  it('creates a draft whose skills are its questions\' and whose duration is theirs together', async () => {
    const created = await create({ name: 'Backend', questions: [{ _id: q.a }, { _id: q.b, weight: 2 }, { _id: q.pub }] });
    expect(created).toMatchObject({ status: 'draft', status_formatted: 'Draft', duration: 90, duration_unit: 'minute', author: { _id: acme.admin.id }, company: acme.workspace.id });
    expect([...(created.skill_ids as string[])].sort()).toEqual([js, sql].sort());
    const res = await api('GET', `/assessments/${created._id}`, undefined, { ...acme.keyHeaders, 'x-language': 'pt' });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.status_formatted).toBe('Rascunho');
    expect(view.questions.map((x: { title: string; weight: number; scope: string }) => [x.title, x.weight, x.scope])).toEqual([['Closures', 1, 'private'], ['Joins', 2, 'private'], ['Public essay', 1, 'public']]);
    expect(view.skills.find((s: { _id: string }) => s._id === sql).name).toBe('Bancos SQL');
  });

  it('refuses questions the workspace cannot see, archived ones, twice the same, and sections that do not exist, naming the field', async () => {
    const { _id } = await create({ name: 'Checks' });
    const put = (body: object) => api('PUT', `/assessments/${_id}`, body);
    const cases: Array<[object, string, string]> = [
      [{ questions: [{ _id: q.a }, { _id: newId() }] }, 'question_not_found', 'body/questions/1/_id'],
      [{ questions: [{ _id: q.a }, { _id: q.b }, { _id: q.a }, { _id: q.foreign }] }, 'duplicate_question', 'body/questions/2/_id'],
      [{ questions: [{ _id: q.a }, { _id: q.b }, { _id: q.pub }, { _id: q.foreign }] }, 'question_not_found', 'body/questions/3/_id'],
      [{ questions: [{ _id: q.archived }] }, 'question_archived', 'body/questions/0/_id'],
      [{ questions: [{ _id: q.a, section: 'nope' }] }, 'section_not_found', 'body/questions/0/section'],
      [{ skills: [js, newId()] }, 'skill_not_found', 'body/skills/1'],
      [{ status: 'published' }, 'questions_required', 'body/questions'],
    ];
    for (const [body, code, field] of cases) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code, details: [{ field }] });
    }
    const sectioned = await put({ sections: [{ _id: 's1', name: 'Basics' }], questions: [{ _id: q.a, section: 's1', settings: { duration: 5 } }] });
    expect(sectioned.statusCode).toBe(200);
    expect(sectioned.json().questions[0]).toMatchObject({ _id: q.a, section: 's1', settings: { duration: 5 } });
    const orphan = await put({ sections: [] });
    expect(orphan.json()).toMatchObject({ code: 'section_in_use' });
  });

  it('walks the status machine: draft → published → archived → published, never back to draft; archived is read-only', async () => {
    const { _id } = await create({ name: 'Machine', questions: [{ _id: q.a }] });
    const put = (body: object) => api('PUT', `/assessments/${_id}`, body);
    expect((await put({ status: 'published' })).json().status).toBe('published');
    expect((await put({ status: 'draft' })).json()).toMatchObject({ statusCode: 409, code: 'invalid_status_transition' });
    expect((await put({ questions: [] })).json()).toMatchObject({ code: 'questions_required' });
    expect((await put({ status: 'archived' })).json().status).toBe('archived');
    expect((await put({ name: 'Changed' })).json()).toMatchObject({ statusCode: 409, code: 'assessment_archived' });
    const restored = await put({ status: 'published', name: 'Restored' });
    expect(restored.json()).toMatchObject({ status: 'published', name: 'Restored' });
  });

  it('keeps fields left out, takes the seed\'s update sample fields, and explicit skills over the questions\' ones', async () => {
    const { _id } = await create({ name: 'Seedish', description: 'keep me', questions: [{ _id: q.a }] });
    const res = await api('PUT', `/assessments/${_id}`, {
      company: acme.workspace.id, author: other.admin.id, career: '62b5faff5a80481c2cba4669', last_interaction: 'Thu, 25 Aug 2022 11:25:35 GMT',
      skills: [sql], duration: 2, duration_unit: 'hour', settings: { passing_score: 70, custom: 'kept' }, subaccount_ids: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      description: 'keep me', skill_ids: [sql], career: { _id: '62b5faff5a80481c2cba4669' }, duration: 2, duration_unit: 'hour',
      settings: { passing_score: 70, custom: 'kept' }, author: { _id: acme.admin.id }, last_interaction: null,
    });
    const bad = await api('PUT', `/assessments/${_id}`, { settings: { passing_score: 101 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('body/settings/passing_score');
  });

  it('answers 404 for another workspace\'s assessment and keeps subaccount-scoped callers to their subaccounts', async () => {
    const { _id } = await create({ name: 'Private' });
    expect((await api('GET', `/assessments/${_id}`, undefined, other.keyHeaders)).statusCode).toBe(404);
    const north = await createSubaccount(db, { workspaceId: acme.workspace.id, allowedSubaccountIds: [] }, { name: 'North' });
    const south = await createSubaccount(db, { workspaceId: acme.workspace.id, allowedSubaccountIds: [] }, { name: 'South' });
    const inNorth = await api('POST', '/assessments', { name: 'North only' }, { ...acme.keyHeaders, 'x-subaccount-id': north.id });
    expect(inNorth.json().subaccount_ids).toEqual([north.id]);
    expect((await api('GET', `/assessments/${inNorth.json()._id}`, undefined, { ...acme.keyHeaders, 'x-subaccount-id': south.id })).statusCode).toBe(404);
    const confined = await createMember(t.runtime, acme.workspace.id, 'manager', { subaccountIds: [south.id] });
    const empty = await api('POST', '/assessments', { name: 'Everywhere', subaccount_ids: [] }, confined.headers);
    expect(empty.json()).toMatchObject({ statusCode: 403, code: 'subaccount_confinement' });
    const notTheirs = await api('POST', '/assessments', { name: 'North', subaccount_ids: [north.id] }, confined.headers);
    expect(notTheirs.json()).toMatchObject({ statusCode: 404, details: [{ field: 'body/subaccount_ids/0' }] });
  });
});

describe('duplicating and deleting', () => {
  it('duplicates as a draft with the overrides, without links', async () => {
    const source = await create({ name: 'Original', questions: [{ _id: q.a, weight: 3 }], status: 'published', career: { _id: 'c1', name: 'Dev' } });
    await api('PUT', `/assessments/${source._id}/links`, { links: [{ active: true }] });
    const res = await api('POST', `/assessments/${source._id}/duplicate`, { name: 'Copy', career: {}, settings: { hidden_results: true } });
    expect(res.statusCode).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({ name: 'Copy', status: 'draft', career: { _id: 'c1', name: 'Dev' }, settings: { hidden_results: true }, questions: [{ _id: q.a, weight: 3 }] });
    expect(copy._id).not.toBe(source._id);
    expect((await api('GET', `/assessments/${copy._id}/links`)).json()).toEqual([]);
    expect((await api('POST', `/assessments/${source._id}/duplicate`, {}, other.keyHeaders)).statusCode).toBe(404);
  });

  it('deletes all or none: an unknown id or a started attempt refuses the whole request', async () => {
    const a = await create({ name: 'Delete A' });
    const b = await create({ name: 'Delete B' });
    const taken = await create({ name: 'Taken' });
    await attemptRow(acme.workspace.id, a._id, { email: 'invited@example.test', status: 'invited', invited: new Date() });
    await attemptRow(acme.workspace.id, taken._id, { email: 'started@example.test', status: 'started', started: new Date() });
    const unknown = await api('DELETE', '/assessments', { ids: [a._id, newId()] });
    expect(unknown.json()).toMatchObject({ statusCode: 404, details: [{ field: 'body/ids/1' }] });
    const refused = await api('DELETE', '/assessments', { ids: [a._id, b._id, taken._id] });
    expect(refused.json()).toMatchObject({ statusCode: 409, code: 'assessment_has_attempts', details: [{ field: 'body/ids/2' }] });
    expect((await api('GET', `/assessments/${a._id}`)).statusCode).toBe(200);
    const foreign = await api('DELETE', '/assessments', { ids: [a._id] }, other.keyHeaders);
    expect(foreign.statusCode).toBe(404);
    const done = await api('DELETE', '/assessments', { ids: [a._id, b._id] });
    expect(done.json()).toEqual({ deleted: [a._id, b._id] });
    expect((await api('GET', `/assessments/${a._id}`)).statusCode).toBe(404);
    expect(await db.select().from(attempts).where(and(eq(attempts.workspaceId, acme.workspace.id), eq(attempts.assessmentId, a._id)))).toEqual([]);
  });
});

describe('lists', () => {
  let tenant: TenantFixture;
  const get = (url: string, headers?: Record<string, string>) => api('GET', url, undefined, headers ?? tenant.keyHeaders);

  beforeAll(async () => {
    tenant = await createTenant(t.runtime, 'Lists Co');
    const qa = await questionRow(tenant.workspace.id, { title: 'A', skillIds: [js] });
    const qb = await questionRow(tenant.workspace.id, { title: 'B', skillIds: [sql] });
    const post = (body: object) => api('POST', '/assessments', body, tenant.keyHeaders);
    expect((await post({ name: 'Node backend', questions: [{ _id: qa }], status: 'published', language: 'pt', career: 'car1' })).statusCode).toBe(201);
    expect((await post({ name: 'Data analyst', description: 'SQL heavy', questions: [{ _id: qb }, { _id: q.pub }], status: 'published' })).statusCode).toBe(201);
    expect((await post({ name: 'Draft thing', questions: [{ _id: qa }, { _id: qb }] })).statusCode).toBe(201);
  });

  it('finds with filters, search, JSONLogic and sorting', async () => {
    const names = async (query: string) => (await get(`/assessments?${query}`)).json().docs.map((d: { name: string }) => d.name);
    expect(await names('orderBy=name&order=asc')).toEqual(['Data analyst', 'Draft thing', 'Node backend']);
    expect(await names('status=published&orderBy=name&order=asc')).toEqual(['Data analyst', 'Node backend']);
    expect(await names(`skills=${js}&orderBy=name&order=asc`)).toEqual(['Draft thing', 'Node backend']);
    expect(await names('search=heavy')).toEqual(['Data analyst']);
    expect(await names('language=pt')).toEqual(['Node backend']);
    expect(await names('career=car1')).toEqual(['Node backend']);
    expect(await names(`query=${encodeURIComponent(b64({ and: [{ '==': [{ var: 'status' }, 'draft'] }, { '==': [{ var: 'skills' }, sql] }] }))}`)).toEqual(['Draft thing']);
    expect(await names(`query=${encodeURIComponent(b64({ '==': [{ var: 'company' }, tenant.workspace.id] }))}&limit=1`)).toHaveLength(1);
    const bad = await get(`/assessments?query=${encodeURIComponent(b64({ '==': [{ var: 'secret' }, 1] }))}`);
    expect(bad.statusCode).toBe(400);
    expect((await get('/assessments?orderBy=password')).json().details[0].field).toBe('query/orderBy');
  });

  it('answers options, authors and the skills in use', async () => {
    const options = (await get('/assessments/options?status=published&orderBy=name&order=asc')).json();
    expect(options.docs).toEqual([expect.objectContaining({ name: 'Data analyst' }), expect.objectContaining({ name: 'Node backend' })]);
    expect(Object.keys(options.docs[0]).sort()).toEqual(['_id', 'name', 'status']);
    expect((await get('/assessments/authors')).json()).toEqual([expect.objectContaining({ _id: tenant.admin.id, assessments: 3 })]);
    const used = (await get('/assessments/skills?orderBy=assessments&order=desc', { ...tenant.keyHeaders, 'x-language': 'pt' })).json();
    expect(used.docs.map((s: { name: string; assessments: number }) => [s.name, s.assessments])).toEqual([['Bancos SQL', 2], ['JavaScript', 2]]);
    expect((await get('/assessments/skills?search=banc&pageSize=1')).json().totalDocs).toBe(0);
    expect((await get('/assessments/skills?search=SQL&pageSize=1')).json()).toMatchObject({ totalDocs: 1, docs: [{ _id: sql }] });
  });

  it('lists the published assessments for an ATS as {offset, total, limit, payload}', async () => {
    const page = (await get('/assessments/ats?limit=150&orderBy=name&order=asc')).json();
    expect(page).toMatchObject({ offset: 0, total: 2, limit: 150 });
    expect(page.payload.map((p: { name: string }) => p.name)).toEqual(['Data analyst', 'Node backend']);
    expect(page.payload[0].questions).toEqual([
      expect.objectContaining({ name: 'B', type: 'question', type_formatted: 'Multiple choice', level: 'intermediate' }),
      expect.objectContaining({ name: 'Public essay', type: 'essay', duration: 1, duration_unit: 'hour' }),
    ]);
    expect(page.payload[1]).toMatchObject({ default_locale: 'pt' });
  });

  it('gives the field definitions to anyone, in the x-language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assessments/fields', headers: { 'x-language': 'es' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toContainEqual({ value: 'archived', label: 'Archivado' });
    expect(res.json().duration_unit).toContainEqual({ value: 'day', label: 'Días' });
  });
});

describe('share and invitation links', () => {
  it('replaces the set: kept links keep their token, new ones get one, left-out ones go', async () => {
    const { _id } = await create({ name: 'Linked', questions: [{ _id: q.a }], status: 'published' });
    const first = await api('PUT', `/assessments/${_id}/links`, { links: [{ name: 'LinkedIn', active: true, tags: ['social'] }, { name: 'Site', active: false }] });
    expect(first.statusCode, first.body).toBe(200);
    const [linkedin, site] = first.json();
    expect(linkedin.token).toMatch(new RegExp(`^${acme.workspace.id}\\.[A-Za-z0-9_-]{22}$`));
    expect(linkedin).toMatchObject({ open: true, tags: ['social'], url: expect.stringMatching(/\/take\//) });
    expect(site.open).toBe(false);
    const second = await api('PUT', `/assessments/${_id}/links`, {
      links: [{ _id: linkedin._id, name: 'LinkedIn 2', active: true, open_at: '2999-01-01T00:00:00Z' }, { name: 'New', active: true }],
    });
    const [kept, fresh] = second.json();
    expect(kept).toMatchObject({ _id: linkedin._id, token: linkedin.token, name: 'LinkedIn 2', open: false, tags: [] });
    expect(fresh.token).not.toBe(site.token);
    expect(await db.select().from(assessmentLinks).where(eq(assessmentLinks.id, site._id))).toEqual([]);
    const window = await api('PUT', `/assessments/${_id}/links`, { links: [{ active: true, open_at: '2026-02-01T00:00:00Z', close_at: '2026-01-01T00:00:00Z' }] });
    expect(window.json()).toMatchObject({ statusCode: 400, details: [{ field: 'body/links/0/close_at' }] });
    const stranger = await api('PUT', `/assessments/${_id}/links`, { links: [{ _id: newId(), active: true }] });
    expect(stranger.json()).toMatchObject({ code: 'link_not_found', details: [{ field: 'body/links/0/_id' }] });
    expect((await api('GET', `/assessments/${_id}/links`)).json()).toHaveLength(2);
  });

  it('shows a public caller only whether and when links are open, never their tokens', async () => {
    const { _id } = await create({ name: 'Public links', questions: [{ _id: q.a }], status: 'published' });
    await api('PUT', `/assessments/${_id}/links`, { links: [{ name: 'Open', active: true, tags: ['x'] }] });
    const anonymous = await t.app.inject({ method: 'GET', url: `/assessments/${_id}/links`, headers: { 'x-workspace-id': acme.workspace.id } });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual([{ _id: expect.any(String), name: 'Open', active: true, open_at: null, close_at: null, open: true }]);
    expect(anonymous.body).not.toContain(`${acme.workspace.id}.`);
    const candidate = await createMember(t.runtime, acme.workspace.id, 'user');
    const asCandidate = await api('GET', `/assessments/${_id}/links`, undefined, candidate.headers);
    expect(asCandidate.json()).toEqual(anonymous.json());
    expect((await t.app.inject({ method: 'GET', url: `/assessments/${_id}/links` })).json().details[0].field).toBe('headers/x-workspace-id');
    expect((await api('GET', `/assessments/${_id}/links`, undefined, other.keyHeaders)).statusCode).toBe(404);
    const draft = await create({ name: 'Hidden draft' });
    expect((await t.app.inject({ method: 'GET', url: `/assessments/${draft._id}/links`, headers: { 'x-workspace-id': acme.workspace.id } })).statusCode).toBe(404);
  });

  it('lists each participant\'s own attempt link, minted from the attempt', async () => {
    const { _id } = await create({ name: 'Invites', questions: [{ _id: q.a }], status: 'published' });
    const attemptId = await attemptRow(acme.workspace.id, _id, { email: 'ana@example.test', status: 'invited', invited: new Date() });
    const res = await api('GET', `/assessments/${_id}/invitation-links`, undefined, { ...acme.keyHeaders, 'x-language': 'pt' });
    expect(res.statusCode).toBe(200);
    const [link] = res.json();
    expect(link).toMatchObject({ attempt_id: attemptId, email: 'ana@example.test', status: 'invited', status_formatted: 'Convidado' });
    const token = decodeURIComponent(link.url.split('/take/')[1]);
    expect(tokenIds(token)).toEqual({ workspaceId: acme.workspace.id, id: attemptId });
    const [row] = await db.select().from(attempts).where(and(eq(attempts.workspaceId, acme.workspace.id), eq(attempts.id, attemptId)));
    expect(tokenMatches(t.runtime.tokens, 'attempt', token, { workspaceId: acme.workspace.id, id: attemptId, nonce: row.tokenNonce })).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/assessments/${_id}/invitation-links` })).statusCode).toBe(401);
  });
});

describe('statistics and export', () => {
  let tenant: TenantFixture;
  let first: string;
  const day = (d: string) => new Date(`${d}T12:00:00Z`);

  beforeAll(async () => {
    tenant = await createTenant(t.runtime, 'Stats Co');
    const qa = await questionRow(tenant.workspace.id, { title: 'A' });
    const post = async (body: object) => (await api('POST', '/assessments', body, tenant.keyHeaders)).json()._id as string;
    first = await post({ name: 'First', questions: [{ _id: qa }], status: 'published' });
    const second = await post({ name: 'Second' });
    const ws = tenant.workspace.id;
    await attemptRow(ws, first, { email: 'a@example.test', status: 'finished', invited: day('2026-01-05'), started: day('2026-01-06'), finished: day('2026-01-06'), score: 80 });
    await attemptRow(ws, first, { email: 'b@example.test', status: 'finished', invited: day('2026-01-05'), started: day('2026-01-07'), finished: day('2026-01-08'), score: 60 });
    await attemptRow(ws, first, { email: 'c@example.test', status: 'started', invited: day('2026-01-06'), started: day('2026-01-07') });
    await attemptRow(ws, first, { email: 'd@example.test', status: 'expired', invited: day('2026-01-06') });
    await attemptRow(ws, second, { email: 'e@example.test', status: 'invited', invited: day('2025-12-01') });
  });

  it('counts the workspace\'s assessments and the attempts\' events in the range, day by day', async () => {
    const res = await api('GET', '/assessments/stats?startDate=2026-01-01&endDate=2026-01-10', undefined, tenant.keyHeaders);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.metrics).toEqual({
      assessments: 2, draft: 1, published: 1, archived: 0, participants: 5, invited: 4, started: 3, finished: 2,
      pending_review: 0, expired: 1, average_score: 70, completion_rate: 50,
    });
    expect(stats.group_by).toBe('date');
    expect(stats.graph).toHaveLength(10);
    expect(stats.graph.find((g: { date: string }) => g.date === '2026-01-06')).toEqual({ date: '2026-01-06', invited: 2, started: 1, finished: 1 });
    expect(stats.graph.find((g: { date: string }) => g.date === '2026-01-07')).toEqual({ date: '2026-01-07', invited: 0, started: 2, finished: 0 });
    const one = (await api('GET', `/assessments/${first}/stats?startDate=2025-11-20&endDate=2025-12-31`, undefined, tenant.keyHeaders)).json();
    expect(one.metrics).toMatchObject({ assessments: 1, invited: 0, average_score: null, completion_rate: 0 });
    expect(one.graph).toHaveLength(42);
    expect((await api('GET', '/assessments/stats', undefined, tenant.keyHeaders)).json().graph).toHaveLength(30);
    expect((await api('GET', '/assessments/stats?startDate=2020-01-01&endDate=2026-01-01', undefined, tenant.keyHeaders)).json().details[0].field).toBe('query/startDate');
  });

  it('exports one row per attempt, taken ones by default, pending and expired when asked', async () => {
    const rows = async (body: object) => {
      const res = await api('POST', '/assessments/export', body, { ...tenant.keyHeaders, 'x-language': 'pt' });
      expect(res.statusCode, res.body).toBe(200);
      return parse<Record<string, string>>(res.body.replace(/^\ufeff/, ''), { columns: true });
    };
    const taken = await rows({});
    expect(taken.map((r) => r['E-mail']).sort()).toEqual(['a@example.test', 'b@example.test']);
    expect(taken[0]).toMatchObject({ 'Avaliação': 'First', Status: 'Finalizado' });
    expect((await rows({ include_pending_participations: true, include_expired_participations: true })).map((r) => r['E-mail']).sort())
      .toEqual(['a@example.test', 'b@example.test', 'c@example.test', 'd@example.test', 'e@example.test']);
    expect((await rows({ include_pending_participations: true, startDate: '2025-12-01', endDate: '2025-12-31' })).map((r) => r['E-mail'])).toEqual(['e@example.test']);
    expect((await rows({ ids: [newId()] }))).toEqual([]);
  });
});

describe('media', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20)]);
  const form = (files: Array<{ bytes: Buffer; name: string; field?: string }>) => {
    const boundary = '----assay-manage-boundary';
    const payload = Buffer.concat([
      ...files.flatMap((file) => [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'files'}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        file.bytes,
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    return { payload, headers: { ...acme.keyHeaders, 'content-type': `multipart/form-data; boundary=${boundary}` } };
  };
  const upload = (id: string, files: Parameters<typeof form>[0]) => t.app.inject({ method: 'POST', url: `/assessments/${id}/media`, ...form(files) });
  const stored = async (id: string) => (await db.select().from(assessments).where(and(eq(assessments.workspaceId, acme.workspace.id), eq(assessments.id, id))))[0].media;

  it('stores an allowed file, refuses other types and oversized ones, deletes by path', async () => {
    const { _id } = await create({ name: 'With media' });
    const one = (bytes: Buffer, name: string) => upload(_id, [{ bytes, name, field: 'file' }]);
    const res = await one(png, 'diagram.png');
    expect(res.statusCode, res.body).toBe(201);
    const [media] = res.json().media;
    expect(media).toMatchObject({ name: 'diagram.png', content_type: 'image/png', size: png.length, url: `/assessments/${_id}/media/${media.path.split('/').pop()}` });
    expect(await t.runtime.storage.exists(media.path)).toBe(true);
    expect((await one(Buffer.from([0x00, 0x01, 0x02, 0x03]), 'x.bin')).statusCode).toBe(415);
    expect((await one(Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'big.png')).json()).toMatchObject({ statusCode: 413, code: 'file_too_large' });
    expect((await api('GET', `/assessments/${_id}`)).json().media).toEqual([media]);
    expect((await api('DELETE', `/assessments/${_id}/media`, { path: 'workspaces/x/nope.png' })).json()).toMatchObject({ statusCode: 404, code: 'media_not_found' });
    const removed = await api('DELETE', `/assessments/${_id}/media`, { path: media.path });
    expect(removed.json()).toEqual({ media: [] });
    expect(await t.runtime.storage.exists(media.path)).toBe(false);
    expect(await stored(_id)).toEqual([]);
  });

  it('takes several files in one request, all or nothing, naming the part refused', async () => {
    const { _id } = await create({ name: 'Several media' });
    const res = await upload(_id, [{ bytes: png, name: 'a.png' }, { bytes: pdf, name: 'b.pdf' }]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().media.map((m: { name: string; content_type: string }) => [m.name, m.content_type])).toEqual([['a.png', 'image/png'], ['b.pdf', 'application/pdf']]);

    const wrong = await upload(_id, [{ bytes: png, name: 'c.png' }, { bytes: pdf, name: 'd.pdf' }, { bytes: Buffer.from([0, 1, 2, 3]), name: 'e.bin' }]);
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().details).toEqual([{ field: 'body/files/2', message: expect.any(String) }]);
    const large = await upload(_id, [{ bytes: pdf, name: 'f.pdf' }, { bytes: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), name: 'g.png' }]);
    expect(large.statusCode).toBe(413);
    expect(large.json().details).toEqual([{ field: 'body/files/1', message: expect.any(String) }]);
    expect((await stored(_id)).map((m) => m.name)).toEqual(['a.png', 'b.pdf']);
    const folder = `workspaces/${acme.workspace.id}/assessments/${_id}/media/`;
    const storedFiles = (await stored(_id)).map((m) => m.path);
    expect(storedFiles.every((path) => path.startsWith(folder))).toBe(true);

    // 2 held, 13 more fit: the 14th part of a request is refused, and nothing of it kept.
    const fourteen = Array.from({ length: 14 }, (_, i) => ({ bytes: png, name: `p${i}.png` }));
    const over = await upload(_id, fourteen);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'too_many_media', details: [{ field: 'body/files/13' }] });
    expect(await stored(_id)).toHaveLength(2);
    expect((await upload(_id, fourteen.slice(0, 13))).json().media).toHaveLength(15);
    expect((await upload(_id, [{ bytes: png, name: 'full.png' }])).json()).toMatchObject({ statusCode: 409, code: 'too_many_media' });
  });

  it('downloads an attachment with its type, name and length, one range of it, and 404 for another workspace', async () => {
    const { _id } = await create({ name: 'Download media' });
    const [media] = (await upload(_id, [{ bytes: pdf, name: 'Brief é.pdf' }])).json().media;
    const whole = await t.app.inject({ method: 'GET', url: media.url, headers: acme.keyHeaders });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(pdf)).toBe(true);
    expect(whole.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'content-disposition': "attachment; filename=\"Brief _.pdf\"; filename*=UTF-8''Brief%20%C3%A9.pdf",
    });
    const part = await t.app.inject({ method: 'GET', url: media.url, headers: { ...acme.keyHeaders, range: 'bytes=0-3' } });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe('%PDF');
    expect(part.headers).toMatchObject({ 'content-range': `bytes 0-3/${pdf.length}`, 'content-length': '4' });
    const past = await t.app.inject({ method: 'GET', url: media.url, headers: { ...acme.keyHeaders, range: `bytes=${pdf.length}-` } });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${pdf.length}`);
    expect(past.json().code).toBe('range_not_satisfiable');

    expect((await t.app.inject({ method: 'GET', url: media.url, headers: other.keyHeaders })).statusCode).toBe(404);
    const unlisted = await t.app.inject({ method: 'GET', url: `/assessments/${_id}/media/${'a'.repeat(24)}.pdf`, headers: acme.keyHeaders });
    expect(unlisted.json()).toMatchObject({ statusCode: 404, code: 'media_not_found' });
    // Another assessment's file id under this assessment is not found either.
    const { _id: second } = await create({ name: 'Second' });
    expect((await t.app.inject({ method: 'GET', url: `/assessments/${second}/media/${media.url.split('/').pop()}`, headers: acme.keyHeaders })).statusCode).toBe(404);
  });
});
