import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createMember, createTenant, type TenantFixture } from '../../../test/support/fixtures.js';
import { runExport } from '../../platform/exports/run-export.js';
import { createSubaccount } from '../workspace/subaccounts/save-subaccount.js';
import { skillIdOf } from './skill-id.js';
import { templateIdOf } from './load-skill-catalog.js';

let t: TestApp;
let acme: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  t = await testApp();
  acme = await createTenant(t.runtime, 'Acme Skills');
  other = await createTenant(t.runtime, 'Other Skills');
});
afterAll(async () => {
  await t.close();
});

const create = (headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url: '/skills/variants', headers, payload });
const get = (headers: Record<string, string>, url: string) => t.app.inject({ method: 'GET', url, headers });
const put = (headers: Record<string, string>, id: string, payload: object) => t.app.inject({ method: 'PUT', url: `/skills/variants/${id}`, headers, payload });
const csvRows = (body: string): string[][] => parse(body.replace(/^\ufeff/, ''));

const reactBody = {
  name: 'React',
  description: 'Building interfaces with React',
  skill: { _id: skillIdOf('react') },
  levels: [
    { name: 'Junior', description: 'Writes components', examples: ['Uses props and state'] },
    { name: 'Senior', description: 'Designs component libraries' },
  ],
  default_locale: 'en',
};

describe('skill variants', () => {
  it('creates a variant authored by the caller and reads it back by id', async () => {
    const res = await create(acme.adminHeaders, reactBody);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: 'React',
      description: 'Building interfaces with React',
      skill: { _id: skillIdOf('react'), slug: 'react', name: 'React', kind: 'hard' },
      default_locale: 'en',
      locale: 'en',
      company: acme.workspace.id,
      author: acme.admin.id,
      subaccount_ids: [],
      template: false,
    });
    expect(created.levels.map((l: { level: number; name: string }) => [l.level, l.name])).toEqual([[1, 'Junior'], [2, 'Senior']]);
    expect(created.levels[0]).toMatchObject({ description: 'Writes components', examples: ['Uses props and state'] });
    expect(created.levels[0]._id).toMatch(/^[0-9a-f]{24}$/);
    const got = await get(acme.keyHeaders, `/skills/variants/${created._id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(created);
  });

  it("another workspace's variant answers 404 on get and update, and is not listed", async () => {
    const { _id } = (await create(acme.keyHeaders, { name: 'Private to Acme' })).json();
    expect((await get(other.keyHeaders, `/skills/variants/${_id}`)).statusCode).toBe(404);
    const update = await put(other.keyHeaders, _id, { name: 'Stolen', levels: [] });
    expect(update.statusCode).toBe(404);
    expect(update.json().code).toBe('skill_variant_not_found');
    const listed = await get(other.keyHeaders, `/skills/variants?ids=${_id}`);
    expect(listed.json().totalDocs).toBe(0);
    expect((await get(acme.keyHeaders, `/skills/variants/${_id}`)).json().name).toBe('Private to Acme');
  });

  it('serves x-language from translated_content and falls back to default_locale without it', async () => {
    const base = (await create(acme.keyHeaders, { name: 'Comunicação', default_locale: 'pt', skill: { _id: skillIdOf('communication') }, levels: [{ name: 'Básico' }, { name: 'Avançado' }] })).json();
    const [basic, advanced] = base.levels;
    const updated = await put(acme.keyHeaders, base._id, {
      name: 'Comunicação',
      levels: base.levels,
      translated_content: { en: { name: 'Communication', levels: { [basic._id]: { name: 'Basic', examples: ['Speaks up in meetings'] } } } },
    });
    expect(updated.statusCode).toBe(200);
    const english = (await get({ ...acme.keyHeaders, 'x-language': 'en' }, `/skills/variants/${base._id}`)).json();
    expect(english).toMatchObject({ name: 'Communication', locale: 'en', default_locale: 'pt', skill: { name: 'Communication' } });
    expect(english.levels.map((l: { name: string }) => l.name)).toEqual(['Basic', 'Avançado']);
    expect(english.levels[0].examples).toEqual(['Speaks up in meetings']);
    const plain = (await get(acme.keyHeaders, `/skills/variants/${base._id}`)).json();
    expect(plain).toMatchObject({ name: 'Comunicação', locale: 'pt', skill: { name: 'Comunicação' } });
    expect(plain.levels.map((l: { _id: string; name: string }) => [l._id, l.name])).toEqual([[basic._id, 'Básico'], [advanced._id, 'Avançado']]);
    const spanish = (await get({ ...acme.keyHeaders, 'x-language': 'es' }, `/skills/variants/${base._id}`)).json();
    expect(spanish).toMatchObject({ name: 'Comunicação', locale: 'es', skill: { name: 'Comunicación' } });
  });

  it('update keeps the levels sent with their _id, numbers them by position, drops translations of removed ones and answers redirect_to', async () => {
    const created = (await create(acme.keyHeaders, { name: 'Go', levels: [{ name: 'One' }, { name: 'Two' }, { name: 'Three' }] })).json();
    const [one, two, three] = created.levels;
    await put(acme.keyHeaders, created._id, {
      name: 'Go',
      levels: created.levels,
      translated_content: { pt: { levels: { [one._id]: { name: 'Um' }, [three._id]: { name: 'Três' } } } },
    });
    const res = await put(acme.keyHeaders, created._id, { _id: created._id, name: 'Golang', levels: [{ _id: three._id, name: 'Three' }, { name: 'New' }, { _id: one._id, name: 'One' }] });
    expect(res.statusCode).toBe(200);
    const { redirect_to, variant } = res.json();
    expect(redirect_to).toBe(`/skills/variants/${created._id}`);
    expect(variant.name).toBe('Golang');
    expect(variant.levels.map((l: { _id: string; level: number }) => [l._id, l.level])).toEqual([[three._id, 1], [variant.levels[1]._id, 2], [one._id, 3]]);
    expect([one._id, two._id, three._id]).not.toContain(variant.levels[1]._id);
    expect(Object.keys(variant.translated_content.pt.levels).sort()).toEqual([one._id, three._id].sort());

    const dropped = (await put(acme.keyHeaders, created._id, { name: 'Golang', levels: [{ _id: one._id, name: 'One' }] })).json().variant;
    expect(Object.keys(dropped.translated_content.pt.levels)).toEqual([one._id]);
  });

  it('bad input names the field and writes nothing', async () => {
    const created = (await create(acme.keyHeaders, { name: 'Rust', levels: [{ name: 'Start' }] })).json();
    const cases: Array<[object, string]> = [
      [{ name: 'x'.repeat(51), levels: [] }, 'body/name'],
      [{ name: 'Rust', levels: [{ name: 'A' }, { name: 'B', _id: created.levels[0]._id }, { name: 'C', _id: created.levels[0]._id }] }, 'body/levels/2/_id'],
      [{ name: 'Rust', levels: [], translated_content: { pt: { levels: { [created.levels[0]._id]: { name: 'Início' } } } } }, `body/translated_content/pt/levels/${created.levels[0]._id}`],
      [{ name: 'Rust', levels: [], skill: { _id: 'a'.repeat(24) } }, 'body/skill/_id'],
      [{ _id: 'b'.repeat(24), name: 'Rust', levels: [] }, 'body/_id'],
      [{ name: 'Rust', levels: [], subaccount_ids: ['c'.repeat(24)] }, 'body/subaccount_ids/0'],
      [{ name: 'Rust' }, 'body/levels'],
    ];
    for (const [payload, field] of cases) {
      const res = await put(acme.keyHeaders, created._id, payload);
      expect(res.statusCode, field).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, field).toBeLessThan(500);
      expect(res.json().details?.[0]?.field, JSON.stringify(payload)).toBe(field);
    }
    const unchanged = (await get(acme.keyHeaders, `/skills/variants/${created._id}`)).json();
    expect(unchanged).toEqual(created);
    const badCreate = await create(acme.keyHeaders, { name: 'Kotlin', levels: Array.from({ length: 11 }, (_, i) => ({ name: `L${i}` })) });
    expect(badCreate.statusCode).toBe(400);
    expect(badCreate.json().details[0].field).toBe('body/levels');
  });

  it('lists with paging, and search and ids OR-combined', async () => {
    const fresh = await createTenant(t.runtime, 'Listing Skills');
    const names = ['Alpha Kotlin', 'Beta Swift', 'Gamma Kotlin', 'Delta Ruby', 'Epsilon Elixir'];
    const ids: string[] = [];
    for (const name of names) ids.push((await create(fresh.keyHeaders, { name })).json()._id);
    const page1 = (await get(fresh.keyHeaders, '/skills/variants?pageSize=2&orderBy=name&order=asc')).json();
    expect(page1).toMatchObject({ totalDocs: 5, totalPages: 3, page: 1, hasNextPage: true, nextPage: 2 });
    expect(page1.docs.map((d: { name: string }) => d.name)).toEqual(['Alpha Kotlin', 'Beta Swift']);
    const page3 = (await get(fresh.keyHeaders, '/skills/variants?pageSize=2&page=3&orderBy=name&order=asc')).json();
    expect(page3.docs.map((d: { name: string }) => d.name)).toEqual(['Gamma Kotlin']);

    const bySearch = (await get(fresh.keyHeaders, '/skills/variants?search=kotlin&orderBy=name&order=asc')).json();
    expect(bySearch.docs.map((d: { name: string }) => d.name)).toEqual(['Alpha Kotlin', 'Gamma Kotlin']);
    const byIds = (await get(fresh.keyHeaders, `/skills/variants?ids=${ids[1]}&ids=${ids[3]}&orderBy=name&order=asc`)).json();
    expect(byIds.docs.map((d: { name: string }) => d.name)).toEqual(['Beta Swift', 'Delta Ruby']);
    const both = (await get(fresh.keyHeaders, `/skills/variants?search=kotlin&ids=${ids[4]}&orderBy=name&order=asc`)).json();
    expect(both.docs.map((d: { name: string }) => d.name)).toEqual(['Alpha Kotlin', 'Epsilon Elixir', 'Gamma Kotlin']);
    const exportPage = (await get(fresh.keyHeaders, `/skills/variants/export?search=kotlin&ids=${ids[4]}`)).json();
    expect(exportPage.totalDocs).toBe(3);
    const unsortable = await get(fresh.keyHeaders, '/skills/variants?orderBy=levels');
    expect(unsortable.statusCode).toBe(400);
    expect(unsortable.json().details[0].field).toBe('query/orderBy');
  });

  it('templates are visible to every workspace, in their language, and a variant can start from one', async () => {
    for (const tenant of [acme, other]) {
      const page = (await get({ ...tenant.keyHeaders, 'x-language': 'pt' }, '/skills/variants/templates?search=comunica')).json();
      expect(page.totalDocs).toBe(1);
      expect(page.docs[0]).toMatchObject({ _id: templateIdOf('communication'), name: 'Comunicação', template: true, company: null, locale: 'pt' });
      expect(page.docs[0].levels.map((l: { name: string }) => l.name)).toEqual(['Iniciante', 'Intermediário', 'Avançado', 'Especialista']);
    }
    const all = (await get(acme.keyHeaders, '/skills/variants/templates?limit=100')).json();
    expect(all.totalDocs).toBeGreaterThanOrEqual(8);
    const template = (await get(other.keyHeaders, `/skills/variants/${templateIdOf('sql')}`)).json();
    expect(template).toMatchObject({ name: 'SQL', template: true, skill: { slug: 'sql' } });
    expect((await put(acme.keyHeaders, templateIdOf('sql'), { name: 'Mine', levels: [] })).statusCode).toBe(404);

    const copy = await create({ ...acme.keyHeaders, 'x-language': 'es' }, { name: 'SQL for analysts', template_id: templateIdOf('sql') });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ name: 'SQL for analysts', skill: { slug: 'sql', name: 'SQL' }, template: false, company: acme.workspace.id, locale: 'es' });
    expect(copy.json().levels.map((l: { name: string }) => l.name)).toEqual(['Principiante', 'Intermedio', 'Avanzado', 'Experto']);
    const templateLevelIds = template.levels.map((l: { _id: string }) => l._id);
    for (const level of copy.json().levels) expect(templateLevelIds).not.toContain(level._id);
    const named = await create(acme.keyHeaders, { name: 'SQL named', template_id: templateIdOf('sql'), translated_content: { pt: { name: 'SQL nomeado', levels: { [templateLevelIds[0]]: { name: 'Começando' } } } } });
    expect(named.statusCode).toBe(201);
    const inPortuguese = (await get({ ...acme.keyHeaders, 'x-language': 'pt' }, `/skills/variants/${named.json()._id}`)).json();
    expect(inPortuguese.name).toBe('SQL nomeado');
    expect(inPortuguese.levels.map((l: { name: string }) => l.name)).toEqual(['Começando', 'Intermediate', 'Advanced', 'Expert']);
    const unknown = await create(acme.keyHeaders, { name: 'Nope', template_id: 'd'.repeat(24) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details[0].field).toBe('body/template_id');
  });

  it('a variant of a subaccount is seen only within it; a confined caller creates within their own', async () => {
    const tenant = await createTenant(t.runtime, 'Subaccount Skills');
    const scope = { workspaceId: tenant.workspace.id, allowedSubaccountIds: [] };
    const north = await createSubaccount(t.database.db, scope, { name: 'North' });
    const south = await createSubaccount(t.database.db, scope, { name: 'South' });
    const inNorth = (await create({ ...tenant.keyHeaders, 'x-subaccount-id': north.id }, { name: 'Northern skill' })).json();
    expect(inNorth.subaccount_ids).toEqual([north.id]);
    const everywhere = (await create(tenant.keyHeaders, { name: 'Shared skill' })).json();
    const seenFromSouth = (await get({ ...tenant.keyHeaders, 'x-subaccount-id': south.id }, '/skills/variants')).json();
    expect(seenFromSouth.docs.map((d: { _id: string }) => d._id)).toEqual([everywhere._id]);
    expect((await get({ ...tenant.keyHeaders, 'x-subaccount-id': south.id }, `/skills/variants/${inNorth._id}`)).statusCode).toBe(404);

    const confined = await createMember(t.runtime, tenant.workspace.id, 'admin', { subaccountIds: [south.id] });
    const own = (await create(confined.headers, { name: 'Southern skill' })).json();
    expect(own.subaccount_ids).toEqual([south.id]);
    const widen = await create(confined.headers, { name: 'Everyone', subaccount_ids: [] });
    expect(widen.statusCode).toBe(403);
    expect(widen.json().code).toBe('subaccount_confinement');
    const hunter = await createMember(t.runtime, tenant.workspace.id, 'business');
    expect((await create(hunter.headers, { name: 'Read only' })).statusCode).toBe(403);
    expect((await get(hunter.headers, '/skills/variants')).statusCode).toBe(200);
  });

  it('exports the CSV in the caller language, streamed and as a job with the same bytes', async () => {
    const tenant = await createTenant(t.runtime, 'Export Skills');
    const created = (await create(tenant.keyHeaders, { name: 'Comunicação', default_locale: 'pt', skill: { _id: skillIdOf('communication') }, levels: [{ name: 'Básico' }, { name: 'Pleno' }] })).json();
    await put(tenant.keyHeaders, created._id, {
      name: 'Comunicação',
      levels: created.levels,
      translated_content: { en: { name: 'Communication', levels: { [created.levels[0]._id]: { name: 'Basic' } } } },
    });
    await create(tenant.keyHeaders, { name: '=HYPERLINK("x")', description: 'formula' });
    await create(tenant.keyHeaders, { name: 'Not exported' });

    const res = await t.app.inject({ method: 'POST', url: '/skills/variants/export', headers: { ...tenant.keyHeaders, 'x-language': 'en' }, payload: { search: 'formula', ids: [created._id] } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = csvRows(res.body);
    expect(rows[0]).toEqual(['ID', 'Name', 'Description', 'Skill', 'Levels', 'Level names', 'Default locale', 'Subaccounts', 'Created (UTC)', 'Updated (UTC)']);
    expect(rows.length).toBe(3);
    const communication = rows.find((r) => r[0] === created._id)!;
    expect(communication.slice(1, 8)).toEqual(['Communication', '', 'Communication', '2', 'Basic; Pleno', 'pt', '']);
    expect(communication[8]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(rows.find((r) => r[2] === 'formula')![1]).toBe('\'=HYPERLINK("x")');

    const portuguese = csvRows((await t.app.inject({ method: 'POST', url: '/skills/variants/export', headers: { ...tenant.keyHeaders, 'x-language': 'pt' }, payload: { ids: [created._id] } })).body);
    expect(portuguese[0][1]).toBe('Nome');
    expect(portuguese[1].slice(1, 6)).toEqual(['Comunicação', '', 'Comunicação', '2', 'Básico; Pleno']);

    const asked = await t.app.inject({ method: 'POST', url: '/skills/variants/export?async=true', headers: { ...tenant.keyHeaders, 'x-language': 'en' }, payload: { search: 'formula', ids: [created._id] } });
    expect(asked.statusCode).toBe(202);
    const job = asked.json();
    expect(job).toMatchObject({ type: 'skills', status: 'queued' });
    await runExport(t.runtime, { id: job._id, name: 'export.csv', data: { workspaceId: tenant.workspace.id, exportId: job._id }, retryCount: 0, retryLimit: 0 });
    const done = (await get(tenant.keyHeaders, `/exports/${job._id}`)).json();
    expect(done).toMatchObject({ status: 'done', rows: 2 });
    const file = await get(tenant.keyHeaders, done.download_url);
    expect(Buffer.compare(file.rawPayload, res.rawPayload)).toBe(0);

    const foreign = csvRows((await t.app.inject({ method: 'POST', url: '/skills/variants/export', headers: other.keyHeaders, payload: { ids: [created._id] } })).body);
    expect(foreign.length).toBe(1);
  });

  it('lists the taxonomy with its names in x-language', async () => {
    const res = (await get({ ...acme.keyHeaders, 'x-language': 'es' }, '/skills?kind=soft&search=equipo')).json();
    expect(res.docs).toEqual([
      { _id: skillIdOf('teamwork'), slug: 'teamwork', name: 'Trabajo en equipo', names: { en: 'Teamwork', pt: 'Trabalho em equipe', es: 'Trabajo en equipo' }, kind: 'soft' },
    ]);
    const all = (await get(acme.keyHeaders, '/skills?limit=0')).json();
    expect(all.totalDocs).toBeGreaterThanOrEqual(28);
  });
});
