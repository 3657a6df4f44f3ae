import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createMember, createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { users } from '../../identity/schema.js';
import { consumeCredits } from './ledger.js';

let t: TestApp;
let acme: TenantFixture;
let other: TenantFixture;
let operator: Record<string, string>;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

beforeAll(async () => {
  t = await testApp();
  acme = await createTenant(t.runtime, 'Acme Credits');
  other = await createTenant(t.runtime, 'Other Credits');
  await t.database.db.update(users).set({ isSuperAdmin: true }).where(eq(users.id, acme.admin.id));
  operator = acme.adminHeaders;
  const grant = (body: object) => t.app.inject({ method: 'POST', url: '/workspace/credits/grants', headers: operator, payload: body });
  expect((await grant({ type: 'hard_skills', amount: 100, note: 'annual plan' })).statusCode).toBe(201);
  expect((await grant({ type: 'soft_skills', amount: 20, expires: '2999-01-01T00:00:00Z' })).statusCode).toBe(201);
  await t.database.db.transaction((tx) => consumeCredits(tx, { workspaceId: acme.workspace.id }, { type: 'hard_skills', amount: 30, authorId: acme.admin.id, related: { type: 'attempt', id: 'a1' } }));
});
afterAll(async () => {
  await t.close();
});

describe('credits routes', () => {
  it('only an instance super admin may grant credits', async () => {
    const member = await createMember(t.runtime, acme.workspace.id, 'admin');
    for (const headers of [member.headers, acme.keyHeaders]) {
      const res = await t.app.inject({ method: 'POST', url: '/workspace/credits/grants', headers, payload: { type: 'hard_skills', amount: 5 } });
      expect(res.statusCode).toBe(403);
    }
    const bad = await t.app.inject({ method: 'POST', url: '/workspace/credits/grants', headers: operator, payload: { type: 'gold', amount: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('body/type');
  });

  it('history lists every movement newest first, with labels in the x-language and the author', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/workspace/credits', headers: { ...acme.keyHeaders, 'x-language': 'pt' } });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.totalDocs).toBe(3);
    expect(page.docs.map((d: { action: string }) => d.action)).toEqual(['credits_consumed', 'credits_granted', 'credits_granted']);
    expect(page.docs[0]).toMatchObject({ amount: -30, action_formatted: 'Créditos consumidos', related: { type: 'attempt', _id: 'a1' }, author: { _id: acme.admin.id } });
  });

  it('history filters with JSONLogic on type, action, author and dates; unknown fields are a 400', async () => {
    const get = (query: unknown) => t.app.inject({ method: 'GET', url: `/workspace/credits?query=${encodeURIComponent(b64(query))}`, headers: acme.keyHeaders });
    expect((await get({ '==': [{ var: 'type' }, 'soft_skills'] })).json().totalDocs).toBe(1);
    expect((await get({ in: [{ var: 'action' }, ['credits_consumed', 'credits_refunded']] })).json().totalDocs).toBe(1);
    expect((await get({ and: [{ '==': [{ var: 'author' }, acme.admin.id] }, { '>=': [{ var: 'created' }, '2000-01-01'] }] })).json().totalDocs).toBe(3);
    expect((await get({ '!=': [{ var: 'expires' }, null] })).json().totalDocs).toBe(1);
    const bad = await get({ '==': [{ var: 'password' }, 'x'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('query/query');
  });

  it('stats derive balance and usage from the ledger', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/workspace/credits/stats', headers: acme.keyHeaders });
    expect(res.json()).toMatchObject({
      total: 90,
      totalDocs: 3,
      usage: 30,
      hard_skills: { balance: 70, granted: 100, usage: 30, expired: 0 },
      soft_skills: { balance: 20, granted: 20, usage: 0 },
    });
    const empty = await t.app.inject({ method: 'GET', url: '/workspace/credits/stats', headers: other.keyHeaders });
    expect(empty.json()).toMatchObject({ total: 0, totalDocs: 0, updated: null });
  });

  it('fields are translated and authors are those of the ledger', async () => {
    const fields = await t.app.inject({ method: 'GET', url: '/workspace/credits/fields', headers: { ...acme.keyHeaders, 'x-language': 'es' } });
    expect(fields.json().type).toEqual([
      { value: 'hard_skills', label: 'Habilidades técnicas' },
      { value: 'soft_skills', label: 'Habilidades blandas' },
    ]);
    const authors = await t.app.inject({ method: 'GET', url: '/workspace/credits/authors?search=ADMIN', headers: acme.keyHeaders });
    expect(authors.json().docs.map((a: { _id: string }) => a._id)).toEqual([acme.admin.id]);
    const none = await t.app.inject({ method: 'GET', url: '/workspace/credits/authors', headers: other.keyHeaders });
    expect(none.json().totalDocs).toBe(0);
  });

  it('exports the history as a CSV download, filtered by action and dates', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/workspace/credits/export', headers: { ...acme.keyHeaders, 'x-language': 'pt' }, payload: { action: 'credits_granted' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="credits-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(res.body.replace(/^\ufeff/, ''));
    expect(rows[0].slice(0, 4)).toEqual(['Data (UTC)', 'Ação', 'Tipo', 'Quantidade']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['100', '20']);
    const past = await t.app.inject({ method: 'POST', url: '/workspace/credits/export', headers: acme.keyHeaders, payload: { startDate: '2001-01-01', endDate: '2001-12-31' } });
    expect(parse(past.body.replace(/^\ufeff/, ''))).toHaveLength(1);
    const bad = await t.app.inject({ method: 'POST', url: '/workspace/credits/export', headers: acme.keyHeaders, payload: { startDate: 'yesterday' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('body/startDate');
    const wrongAction = await t.app.inject({ method: 'POST', url: '/workspace/credits/export', headers: acme.keyHeaders, payload: { action: 'stolen' } });
    expect(wrongAction.statusCode).toBe(400);
  });

  it('another workspace sees none of it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/workspace/credits', headers: other.keyHeaders });
    expect(res.json().totalDocs).toBe(0);
    const csv = await t.app.inject({ method: 'POST', url: '/workspace/credits/export', headers: other.keyHeaders, payload: {} });
    expect(parse(csv.body.replace(/^\ufeff/, ''))).toHaveLength(1);
  });

  it('a member without read_company is refused', async () => {
    const user = await createMember(t.runtime, acme.workspace.id, 'user');
    const res = await t.app.inject({ method: 'GET', url: '/workspace/credits/stats', headers: user.headers });
    expect(res.statusCode).toBe(403);
  });
});
