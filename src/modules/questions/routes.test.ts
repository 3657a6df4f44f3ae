import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../test/support/fixtures.js';
import { newId } from '../../platform/ids.js';
import { gzipSync } from 'node:zlib';
import { users } from '../identity/schema.js';
import { createDataset } from '../judge/datasets/create-dataset.js';
import { createSubaccount } from '../workspace/subaccounts/save-subaccount.js';
import { skills as taxonomy } from '../skills/schema.js';
import { sampleQuestions } from './question-samples.js';
import { publicQuestions, questions } from './schema.js';

let t: TestApp;
let acme: TenantFixture;
let other: TenantFixture;
/** A skill id no other test file or run uses, so lists filtered by it hold only this file's questions. */
const skill = newId();
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) {
  return t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

async function create(headers: Record<string, string>, body: Json): Promise<Json> {
  const res = await call('POST', '/assessments/questions', headers, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A public question of Assay's catalog (no owner), inserted as the catalog loader would. */
async function insertPublic(values: Partial<typeof publicQuestions.$inferInsert> = {}) {
  const id = newId();
  await t.database.db.insert(publicQuestions).values({
    id,
    slug: `public-${id}`,
    type: 'question',
    status: 'published',
    title: 'Public: what does HTTP 404 mean?',
    skillIds: [skill],
    content: { question: { multiple: false, choices: [{ _id: 'a', text: 'Not found', correct: true, explanation: 'by definition' }, { _id: 'b', text: 'Created' }] } },
    ...values,
  });
  return id;
}

beforeAll(async () => {
  t = await testApp();
  acme = await createTenant(t.runtime, 'Acme Questions');
  other = await createTenant(t.runtime, 'Other Questions');
});
afterAll(async () => {
  await t.close();
});

describe('creating and reading questions', () => {
  it('creates each kind of question and reads it back by id with everything, and by slug without the answers', async () => {
    for (const [kind, body] of Object.entries(sampleQuestions)) {
      const created = await create(acme.keyHeaders, { ...body, skills: [skill] });
      expect(created).toMatchObject({ type: body.type, status: 'created', scope: 'private', company: { _id: acme.workspace.id }, skills: [{ _id: skill }] });
      const res = await call('GET', `/assessments/questions/${created._id}`, { ...acme.keyHeaders, 'x-language': 'pt' });
      expect(res.statusCode, kind).toBe(200);
      const read = res.json();
      expect(read).toMatchObject({ _id: created._id, slug: created.slug, status_formatted: 'Criada', level_formatted: expect.any(String) });
      const key = { question: 'question', softskill: 'question', coding: 'coding', sql: 'sql', fast: 'fast', essay: undefined }[body.type];
      if (key) expect(read[key], kind).toEqual(created[key]);
    }
    const coding = await create(acme.keyHeaders, { ...sampleQuestions.coding, skills: [skill] });
    expect(coding.coding.tests.map((x: Json) => x._id)).toEqual(['sample', 'hidden-1']);
    expect(coding.coding.reference_solutions).toBeDefined();
    const bySlug = await call('GET', `/assessments/questions/slug/${coding.slug}`, acme.keyHeaders);
    expect(bySlug.statusCode).toBe(200);
    expect(bySlug.json().coding.tests.map((x: Json) => x._id)).toEqual(['sample']);
    expect(bySlug.json().coding.reference_solutions).toBeUndefined();

    const choice = await create(acme.keyHeaders, sampleQuestions.choice);
    const slugView = (await call('GET', `/assessments/questions/slug/${choice.slug}`, acme.keyHeaders)).json();
    expect(slugView.question.choices).toEqual([{ _id: 'a', text: 'const' }, { _id: 'b', text: 'var' }, { _id: 'c', text: 'let' }]);
    expect(JSON.stringify(slugView)).not.toContain('correct');
    // Without credentials only published public questions are found by slug.
    expect((await call('GET', `/assessments/questions/slug/${choice.slug}`, {})).statusCode).toBe(404);
  });

  it('names author, company and skills with include', async () => {
    const named = newId();
    await t.database.db.insert(taxonomy).values({ id: named, slug: `skill-${named}`, name: { en: 'Recursion', pt: 'Recursão' } });
    const q = await create(acme.adminHeaders, { ...sampleQuestions.essay, skills: [named, skill] });
    const bare = (await call('GET', `/assessments/questions/${q._id}`, acme.keyHeaders)).json();
    expect(bare).toMatchObject({ author: { _id: acme.admin.id }, company: { _id: acme.workspace.id }, skills: [{ _id: named }, { _id: skill }] });
    expect(bare.author.name).toBeUndefined();
    const res = await call('GET', `/assessments/questions/${q._id}?include=author,skills,company`, { ...acme.keyHeaders, 'x-language': 'pt' });
    expect(res.json()).toMatchObject({
      author: { _id: acme.admin.id, name: acme.admin.displayName },
      company: { _id: acme.workspace.id, name: 'Acme Questions' },
      skills: [{ _id: named, name: 'Recursão' }, { _id: skill }],
    });
    expect((await call('GET', `/assessments/questions/${q._id}?include=password`, acme.keyHeaders)).statusCode).toBe(400);
  });

  it('runs an SQL question on a dataset of the workspace, never on another workspace\'s', async () => {
    const dataset = await createDataset(t.runtime, { workspaceId: acme.workspace.id }, { name: 'Shop', upload: gzipSync('CREATE TABLE t (id INT);') });
    const body = { ...sampleQuestions.sql, sql: { format: 'dataset', dataset_id: dataset._id, solution: 'SELECT id FROM t' } };
    expect((await create(acme.keyHeaders, body)).sql.dataset_id).toBe(dataset._id);
    const foreign = await call('POST', '/assessments/questions', other.keyHeaders, body);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().details[0].field).toBe('body/sql/dataset_id');
  });

  it('gives taken slugs a suffix', async () => {
    const first = await create(acme.keyHeaders, { ...sampleQuestions.essay, title: 'Slug clash Ünïcode!' });
    const second = await create(acme.keyHeaders, { ...sampleQuestions.essay, title: 'Slug clash Ünïcode!' });
    expect(first.slug).toMatch(/^slug-clash-unicode(-\d+)?$/);
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug.startsWith('slug-clash-unicode-')).toBe(true);
  });

  it('refuses content that does not fit the type, naming the field, and stores nothing', async () => {
    const cases: Array<[Json, string]> = [
      [{ type: 'question', title: 'No content' }, 'body/question'],
      [{ ...sampleQuestions.choice, question: { multiple: false, choices: [{ _id: 'a', text: 'x' }, { _id: 'b', text: 'y' }] } }, 'body/question/choices'],
      [{ ...sampleQuestions.choice, question: { multiple: false, choices: [{ _id: 'a', text: 'x', correct: true }, { _id: 'b', text: 'y', correct: true }] } }, 'body/question/choices'],
      [{ ...sampleQuestions.choice, question: { multiple: false, choices: [{ _id: 'a', text: 'x' }] } }, 'body/question/choices'],
      [{ ...sampleQuestions.coding, coding: { ...sampleQuestions.coding.coding, languages: [71, 99999] } }, 'body/coding/languages/1'],
      [{ ...sampleQuestions.coding, coding: { ...sampleQuestions.coding.coding, tests: [{ _id: 't', input: '1', expected_output: '1', hidden: false }] } }, 'body/coding/tests'],
      [{ ...sampleQuestions.sql, sql: { format: 'dataset', solution: 'select 1' } }, 'body/sql/dataset_id'],
      [{ ...sampleQuestions.sql, sql: { format: 'dataset', dataset_id: newId(), solution: 'select 1' } }, 'body/sql/dataset_id'],
      [{ ...sampleQuestions.sql, sql: { format: 'script', script: 'create table t (id int)' } }, 'body/sql/solution'],
      [{ ...sampleQuestions.essay, coding: sampleQuestions.coding.coding }, 'body/coding'],
      [{ ...sampleQuestions.softskill, question: { multiple: false, choices: [{ _id: 'a', text: 'x' }, { _id: 'b', text: 'y', dimension: 'D' }] } }, 'body/question/choices/0/dimension'],
      [{ type: 'essay' }, 'body/title'],
    ];
    const before = await t.database.db.select({ id: questions.id }).from(questions).where(eq(questions.workspaceId, other.workspace.id));
    for (const [body, field] of cases) {
      const res = await call('POST', '/assessments/questions', other.keyHeaders, body);
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.json().details.map((d: Json) => d.field), JSON.stringify(body)).toContain(field);
    }
    const after = await t.database.db.select({ id: questions.id }).from(questions).where(eq(questions.workspaceId, other.workspace.id));
    expect(after.length).toBe(before.length);
  });

  it('creates public questions for super admins only', async () => {
    const refused = await call('POST', '/assessments/questions', acme.adminHeaders, { ...sampleQuestions.essay, scope: 'public' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('super_admin_required');
    await t.database.db.update(users).set({ isSuperAdmin: true }).where(eq(users.id, acme.admin.id));
    try {
      const created = await create(acme.adminHeaders, { ...sampleQuestions.essay, scope: 'public', status: 'published', skills: [skill] });
      expect(created).toMatchObject({ scope: 'public', company: { _id: acme.workspace.id }, status: 'published' });
      // Every workspace reads it; the owner's super admin edits it in place.
      expect((await call('GET', `/assessments/questions/${created._id}`, other.keyHeaders)).statusCode).toBe(200);
      const edited = await call('PUT', `/assessments/questions/${created._id}`, acme.adminHeaders, { level: 'advanced' });
      expect(edited.json()).toMatchObject({ _id: created._id, scope: 'public', level: 'advanced' });
    } finally {
      await t.database.db.update(users).set({ isSuperAdmin: false }).where(eq(users.id, acme.admin.id));
    }
  });
});

describe('subaccounts', () => {
  it('a request scoped to a subaccount reaches its questions and the workspace-wide ones only', async () => {
    const tenant = { workspaceId: acme.workspace.id, allowedSubaccountIds: [] };
    const north = await createSubaccount(t.database.db, tenant, { name: 'North' });
    const south = await createSubaccount(t.database.db, tenant, { name: 'South' });
    const scoped = newId();
    const northQ = await create(acme.keyHeaders, { ...sampleQuestions.essay, skills: [scoped], subaccount_ids: [north.id] });
    const wide = await create(acme.keyHeaders, { ...sampleQuestions.essay, skills: [scoped] });
    const asSouth = { ...acme.keyHeaders, 'x-subaccount-id': south.id };
    expect((await call('GET', `/assessments/questions/${northQ._id}`, asSouth)).statusCode).toBe(404);
    expect((await call('GET', `/assessments/questions/${wide._id}`, asSouth)).statusCode).toBe(200);
    const listed = (await call('GET', `/assessments/questions/library?grouping=company&skills=${scoped}`, asSouth)).json();
    expect(listed.docs.map((d: Json) => d._id)).toEqual([wide._id]);
    const asNorth = { ...acme.keyHeaders, 'x-subaccount-id': north.id };
    expect((await call('GET', `/assessments/questions/library?grouping=company&skills=${scoped}`, asNorth)).json().totalDocs).toBe(2);
    const unknown = await call('POST', '/assessments/questions', acme.keyHeaders, { ...sampleQuestions.essay, subaccount_ids: [newId()] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details[0].field).toBe('body/subaccount_ids/0');
  });
});

describe('updating', () => {
  it('copies a public question on write: the original stays, the answer is a private copy naming its source', async () => {
    const publicId = await insertPublic();
    for (const tenant of [acme, other]) {
      const read = await call('GET', `/assessments/questions/${publicId}`, tenant.keyHeaders);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ scope: 'public', company: null });
    }
    const res = await call('PUT', `/assessments/questions/${publicId}`, acme.keyHeaders, { title: 'My version', level: 'advanced' });
    expect(res.statusCode, res.body).toBe(200);
    const copy = res.json();
    expect(copy._id).not.toBe(publicId);
    expect(copy).toMatchObject({ scope: 'private', source_question_id: publicId, title: 'My version', level: 'advanced', company: { _id: acme.workspace.id } });
    expect(copy.question.choices[0]).toMatchObject({ correct: true });
    const original = (await call('GET', `/assessments/questions/${publicId}`, other.keyHeaders)).json();
    expect(original).toMatchObject({ title: 'Public: what does HTTP 404 mean?', level: 'intermediate' });
    // The copy belongs to acme alone.
    expect((await call('GET', `/assessments/questions/${copy._id}`, other.keyHeaders)).statusCode).toBe(404);
  });

  it('follows the status machine and keeps archived questions read-only until unarchived', async () => {
    const q = await create(acme.keyHeaders, sampleQuestions.choice);
    expect((await call('PUT', `/assessments/questions/${q._id}`, acme.keyHeaders, { status: 'published' })).json().status).toBe('published');
    const back = await call('PUT', `/assessments/questions/${q._id}`, acme.keyHeaders, { status: 'created' });
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('invalid_status_transition');
    const archived = await call('POST', '/assessments/questions/bulk/archive', acme.keyHeaders, [q._id]);
    expect(archived.json()[0].status).toBe('archived');
    const locked = await call('PUT', `/assessments/questions/${q._id}`, acme.keyHeaders, { title: 'Too late' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('question_archived');
    const unarchived = await call('POST', '/assessments/questions/bulk/unarchive', acme.keyHeaders, [q._id]);
    expect(unarchived.json()[0].status).toBe('published');
    expect((await call('PUT', `/assessments/questions/${q._id}`, acme.keyHeaders, { title: 'Editable again' })).json().title).toBe('Editable again');
  });

  it('changes the type only with the new type\'s content, dropping the old one', async () => {
    const q = await create(acme.keyHeaders, sampleQuestions.choice);
    const refused = await call('PUT', `/assessments/questions/${q._id}`, acme.keyHeaders, { type: 'sql' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].field).toBe('body/sql');
    const changed = (await call('PUT', `/assessments/questions/${q._id}`, acme.keyHeaders, { type: 'sql', sql: sampleQuestions.sql.sql })).json();
    expect(changed.type).toBe('sql');
    expect(changed.question).toBeUndefined();
  });

  it('duplicates as a created private question with the same content', async () => {
    const q = await create(acme.keyHeaders, { ...sampleQuestions.coding, status: 'published', settings: { hint: 'loops' } });
    const res = await call('POST', `/assessments/questions/${q._id}/duplicate`, acme.keyHeaders);
    expect(res.statusCode).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({ status: 'created', settings: { hint: 'loops' }, coding: q.coding, title: q.title });
    expect(copy._id).not.toBe(q._id);
    expect(copy.slug).not.toBe(q.slug);
  });
});

describe('bulk actions', () => {
  it('deletes only created questions, and nothing at all when one is not', async () => {
    const a = await create(acme.keyHeaders, sampleQuestions.essay);
    const b = await create(acme.keyHeaders, { ...sampleQuestions.essay, status: 'published' });
    const refused = await call('DELETE', '/assessments/questions', acme.keyHeaders, [a._id, b._id]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'question_not_deletable', details: [{ field: 'body/1' }] });
    expect((await call('GET', `/assessments/questions/${a._id}`, acme.keyHeaders)).statusCode).toBe(200);
    const foreign = await call('DELETE', '/assessments/questions', other.keyHeaders, [a._id]);
    expect(foreign.statusCode).toBe(404);
    const ok = await call('DELETE', '/assessments/questions', acme.keyHeaders, [a._id]);
    expect(ok.json()).toEqual({ deleted: [a._id] });
    expect((await call('GET', `/assessments/questions/${a._id}`, acme.keyHeaders)).statusCode).toBe(404);
  });

  it('archives in one transaction: an unknown id changes nothing', async () => {
    const a = await create(acme.keyHeaders, sampleQuestions.essay);
    const res = await call('POST', '/assessments/questions/bulk/archive', acme.keyHeaders, [a._id, newId()]);
    expect(res.statusCode).toBe(404);
    expect(res.json().details[0].field).toBe('body/1');
    expect((await call('GET', `/assessments/questions/${a._id}`, acme.keyHeaders)).json().status).toBe('created');
  });
});

describe('lists', () => {
  let library: { own: Json; archived: Json; publicId: string; otherOwn: Json };
  const listSkill = newId();
  let unpublishedId: string;

  beforeAll(async () => {
    const own = await create(acme.keyHeaders, { ...sampleQuestions.coding, skills: [listSkill], level: 'advanced' });
    const archived = await create(acme.keyHeaders, { ...sampleQuestions.choice, skills: [listSkill] });
    await call('POST', '/assessments/questions/bulk/archive', acme.keyHeaders, [archived._id]);
    const publicId = await insertPublic({ skillIds: [listSkill], type: 'essay', content: {}, title: 'Public essay' });
    unpublishedId = await insertPublic({ skillIds: [listSkill], status: 'created', title: 'Unpublished public' });
    const otherOwn = await create(other.keyHeaders, { ...sampleQuestions.essay, skills: [listSkill] });
    library = { own, archived, publicId, otherOwn };
  });

  const ids = (res: { json(): Json }) => (res.json().docs as Json[]).map((d) => d._id).sort();

  it('groups the library by ownership, or filters by status, not both', async () => {
    const url = `/assessments/questions/library?skills=${listSkill}`;
    expect(ids(await call('GET', url, acme.keyHeaders))).toEqual([library.own._id, library.publicId].sort());
    expect(ids(await call('GET', `${url}&grouping=company`, acme.keyHeaders))).toEqual([library.own._id]);
    expect(ids(await call('GET', `${url}&grouping=public`, acme.keyHeaders))).toEqual([library.publicId]);
    expect(ids(await call('GET', `${url}&status=archived`, acme.keyHeaders))).toEqual([library.archived._id]);
    const both = await call('GET', `${url}&status=archived&grouping=company`, acme.keyHeaders);
    expect(both.statusCode).toBe(400);
    expect(both.json().details[0].field).toBe('query/grouping');
    expect(ids(await call('GET', url, other.keyHeaders))).toEqual([library.otherOwn._id, library.publicId].sort());
    // A public question nobody published is nobody's to read but its owner's (Assay's catalog has none).
    expect((await call('GET', `/assessments/questions/${unpublishedId}`, acme.keyHeaders)).statusCode).toBe(404);
  });

  it('filters the catalog by JSONLogic on type, level and company, and highlights ids', async () => {
    const base = `/assessments/questions/catalog?skills=${listSkill}`;
    const byType = await call('GET', `${base}&query=${b64({ '==': [{ var: 'type' }, 'coding'] })}`, acme.keyHeaders);
    expect(byType.statusCode, byType.body).toBe(200);
    expect(ids(byType)).toEqual([library.own._id]);
    const publicOnly = await call('GET', `${base}&query=${b64({ '==': [{ var: 'company' }, null] })}`, acme.keyHeaders);
    expect(ids(publicOnly)).toEqual([library.publicId]);
    const level = await call('GET', `${base}&query=${b64({ and: [{ in: [{ var: 'level' }, ['advanced']] }, { in: [listSkill, { var: 'skills' }] }] })}`, acme.keyHeaders);
    expect(ids(level)).toEqual([library.own._id]);
    const highlighted = (await call('GET', `${base}&_id=${library.publicId}`, acme.keyHeaders)).json().docs as Json[];
    expect(highlighted.find((d) => d._id === library.publicId)?.highlighted).toBe(true);
    expect(highlighted.find((d) => d._id === library.own._id)?.highlighted).toBe(false);
    const bad = await call('GET', `${base}&query=${b64({ '==': [{ var: 'password' }, 'x'] })}`, acme.keyHeaders);
    expect(bad.statusCode).toBe(400);
  });

  it('pages with a keyset cursor without repeating a row', async () => {
    const first = (await call('GET', `/assessments/questions/library?skills=${listSkill}&limit=1`, acme.keyHeaders)).json();
    expect(first.totalDocs).toBe(2);
    const second = (await call('GET', `/assessments/questions/library?skills=${listSkill}&limit=1&after=${first.docs[0]._id}`, acme.keyHeaders)).json();
    expect(second.docs.length).toBe(1);
    expect(second.docs[0]._id).not.toBe(first.docs[0]._id);
    expect(second.page).toBe(2);
  });

  it('lists simple questions only in the simple library', async () => {
    const single = await create(acme.keyHeaders, { ...sampleQuestions.choice, skills: [listSkill], status: 'published' });
    const multiple = await create(acme.keyHeaders, {
      ...sampleQuestions.choice,
      skills: [listSkill],
      question: { multiple: true, choices: [{ _id: 'a', text: 'x', correct: true }, { _id: 'b', text: 'y', correct: true }] },
    });
    const url = `/assessments/questions/library/questions?skills=${listSkill}`;
    expect(ids(await call('GET', url, acme.keyHeaders))).toEqual([single._id, multiple._id, library.publicId].sort());
    expect(ids(await call('GET', `${url}&type=radio_multiple`, acme.keyHeaders))).toEqual([single._id]);
    expect(ids(await call('GET', `${url}&type=checkbox_multiple&type=essay`, acme.keyHeaders))).toEqual([multiple._id, library.publicId].sort());
  });

  it('lists skills, authors and recommendations', async () => {
    const skills = (await call('GET', `/assessments/questions/library/skills?skills=${listSkill}`, acme.keyHeaders)).json();
    expect(skills.docs).toEqual([{ _id: listSkill, name: null, questions: 1 }]);
    const used = (await call('GET', `/assessments/questions/skills?ids=${listSkill}`, acme.keyHeaders)).json();
    expect(used.docs).toEqual([{ _id: listSkill, name: null, questions: 1 }]);
    // Without credentials only published public challenges count (this file's public one is an essay).
    expect((await call('GET', `/assessments/questions/skills?ids=${listSkill}`, {})).json().totalDocs).toBe(0);
    const ofQuestion = (await call('GET', `/assessments/questions/${library.own._id}/skills`, acme.keyHeaders)).json();
    expect(ofQuestion).toEqual({ docs: [{ _id: listSkill, name: null }] });
    expect((await call('GET', `/assessments/questions/${library.own._id}/skills`, {})).statusCode).toBe(404);
    expect((await call('GET', `/assessments/questions/${library.publicId}/skills`, {})).statusCode).toBe(200);

    const authors = (await call('GET', `/assessments/questions/authors?_id=${acme.admin.id}`, acme.keyHeaders)).json();
    expect(authors.docs).toHaveLength(1);
    expect(authors.docs[0]).toMatchObject({ _id: acme.admin.id, email: acme.admin.email });

    const recommended = await call('GET', `/assessments/questions/${library.publicId}/recommendations`, acme.keyHeaders);
    expect(recommended.statusCode).toBe(200);
    const recommendedIds = recommended.json<Json[]>().map((d) => d._id);
    expect(recommendedIds).toContain(library.own._id);
    expect(recommendedIds).not.toContain(library.archived._id);
    expect(recommendedIds).not.toContain(library.otherOwn._id);
    expect((await call('GET', `/assessments/questions/${library.publicId}/recommendations`, acme.keyHeaders)).json()).toEqual(recommended.json());
  });

  it('describes the fields in the x-language', async () => {
    const fields = (await call('GET', '/assessments/questions/fields', { 'x-language': 'es' })).json();
    expect(fields.levels).toContainEqual({ value: 'beginner', label: 'Principiante' });
    expect(fields.types).toContainEqual({ value: 'coding', label: 'Programación', content_key: 'coding', challenge: true, reviewed: false });
    expect(fields.statuses.map((s: Json) => s.value)).toEqual(['created', 'published', 'archived']);
  });
});
