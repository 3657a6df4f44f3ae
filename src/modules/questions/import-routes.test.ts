import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../test/support/fixtures.js';
import { createSubaccount } from '../../../test/support/tenancy-registry.js';
import { skillIdOf } from '../skills/skill-id.js';
import { questions } from './schema.js';

let t: TestApp;
let a: TenantFixture;
beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Import A');
});
afterAll(() => t.close());

const url = '/assessments/questions/import';

const choiceRow = (n: number) => ({ type: 'question', title: `Capital ${n}`, description: 'Pick the capital', choices: 'Paris|*London|Rome', skills: 'javascript|sql', level: 'beginner' });

async function countOf(workspaceId: string) {
  const [row] = await t.runtime.database.db.select({ n: sql<number>`count(*)::int` }).from(questions).where(eq(questions.workspaceId, workspaceId));
  return row.n;
}

function csvForm(csv: string, filename = 'questions.csv') {
  const boundary = `----assay${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('bulk import of questions', () => {
  it('imports rows of several types in one call and marks them with the batch id', async () => {
    const rows = [
      choiceRow(1),
      { type: 'question', title: 'Primes', choices: ['2', '3', '4', '5'], correct: 'A|B|D', topics: 'math' },
      { type: 'softskill', title: 'Under pressure you', choices: 'D:Take charge|I:Rally people|S:Keep calm|C:Check facts' },
      { type: 'coding', title: 'Sum', languages: 'python|63', tests: JSON.stringify([{ input: '1 2', expected_output: '3' }, { input: '5 5', hidden: true }]), solution: 'print(sum(map(int, input().split())))', time_ms: 1000 },
      { type: 'sql', title: 'Count', solution: 'SELECT count(*) FROM t', script: 'CREATE TABLE t (id INT);', ordered: true },
      { type: 'essay', title: 'Tell us', duration: 2, duration_unit: 'hour', language: 'en' },
    ];
    const res = await t.app.inject({ method: 'POST', url, headers: a.keyHeaders, payload: { questions: rows, language: 'pt', status: 'published' } });
    expect(res.statusCode, res.body).toBe(201);
    const { ids, batch_id } = res.json<{ ids: string[]; batch_id: string }>();
    expect(ids).toHaveLength(6);
    const stored = await t.runtime.database.db.select().from(questions).where(and(eq(questions.workspaceId, a.workspace.id), inArray(questions.id, ids)));
    const byTitle = new Map(stored.map((q) => [q.title, q]));
    for (const q of stored) expect(q.settings).toMatchObject({ import_batch_id: batch_id });
    expect(stored.every((q) => q.status === 'published')).toBe(true);

    const capital = byTitle.get('Capital 1')!;
    expect(capital).toMatchObject({ type: 'question', level: 'beginner', skillIds: [skillIdOf('javascript'), skillIdOf('sql')], locale: [{ language: 'pt', title: 'Capital 1', description: 'Pick the capital' }] });
    expect(capital.content.question).toMatchObject({ multiple: false, choices: [{ text: 'Paris', correct: false }, { text: 'London', correct: true }, { text: 'Rome', correct: false }] });
    expect(byTitle.get('Primes')!.content.question!.multiple).toBe(true);
    expect(byTitle.get('Primes')!.content.question!.choices.map((c) => c.correct)).toEqual([true, true, false, true]);
    expect(byTitle.get('Under pressure you')!.content.question!.choices.map((c) => c.dimension)).toEqual(['D', 'I', 'S', 'C']);
    const coding = byTitle.get('Sum')!.content.coding!;
    expect(coding).toMatchObject({ languages: [71, 63], time_ms: 1000, reference_solutions: { 71: 'print(sum(map(int, input().split())))' } });
    expect(coding.tests.map((x) => x.hidden)).toEqual([false, true]);
    expect(byTitle.get('Count')!.content.sql).toMatchObject({ format: 'script', ordered: true, solution: 'SELECT count(*) FROM t' });
    expect(byTitle.get('Tell us')).toMatchObject({ duration: 2, durationUnit: 'hour', locale: [{ language: 'en' }] });
  });

  it('imports nothing when row 7 is bad, and names the row and the field', async () => {
    const before = await countOf(a.workspace.id);
    const rows = Array.from({ length: 10 }, (_, i) => choiceRow(i));
    rows[7] = { ...choiceRow(7), choices: 'Paris|London|Rome' };
    const res = await t.app.inject({ method: 'POST', url, headers: a.keyHeaders, payload: { questions: rows } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'import_invalid', details: [{ field: 'body/questions/7/choices' }] });
    expect(await countOf(a.workspace.id)).toBe(before);
  });

  it('lists every bad row: unknown skills, a missing test output, a fast question, a wrong letter', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: a.keyHeaders,
      payload: {
        questions: [
          choiceRow(0),
          { ...choiceRow(1), skills: 'no-such-skill' },
          { type: 'coding', title: 'X', languages: 'python', tests: [{ input: '1' }] },
          { type: 'fast', title: 'Y' },
          { ...choiceRow(4), choices: 'A|B', correct: 'C' },
          { type: 'coding', title: 'Z', languages: 'cobol', tests: [] },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual([
      'body/questions/1/skills',
      'body/questions/2/tests/0/expected_output',
      'body/questions/3/type',
      'body/questions/4/correct',
      'body/questions/5/languages/0',
    ]);
  });

  it('refuses a wrong type in a row with the field path, an empty list, and more than 1000 rows', async () => {
    const typed = await t.app.inject({ method: 'POST', url, headers: a.keyHeaders, payload: { questions: [choiceRow(0), { ...choiceRow(1), duration: 'long' }] } });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().details[0].field).toBe('body/questions/1/duration');
    const empty = await t.app.inject({ method: 'POST', url, headers: a.keyHeaders, payload: { questions: [], language: 'pt', status: 'created' } });
    expect(empty.json()).toMatchObject({ statusCode: 400, code: 'import_empty' });
    const many = await t.app.inject({ method: 'POST', url, headers: a.keyHeaders, payload: { questions: Array.from({ length: 1001 }, (_, i) => choiceRow(i)) } });
    expect(many.statusCode).toBe(400);
    expect(many.json().details[0].field).toBe('body/questions');
  });

  it('puts questions imported in a subaccount into that subaccount, by the API key author', async () => {
    const subaccount = await createSubaccount(t.runtime, a.workspace.id, 'Import branch');
    const res = await t.app.inject({ method: 'POST', url, headers: { ...a.keyHeaders, 'x-subaccount-id': subaccount }, payload: { questions: [choiceRow(0)] } });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.runtime.database.db.select().from(questions).where(and(eq(questions.workspaceId, a.workspace.id), eq(questions.id, res.json().ids[0])));
    expect(row).toMatchObject({ subaccountIds: [subaccount], authorId: a.admin.id, status: 'created' });
  });

  it('imports 1000 rows in one call', async () => {
    const res = await t.app.inject({ method: 'POST', url, headers: a.keyHeaders, payload: { questions: Array.from({ length: 1000 }, (_, i) => choiceRow(i)) } });
    expect(res.statusCode, res.body).toBe(201);
    expect(new Set(res.json().ids).size).toBe(1000);
  });
});

describe('CSV import of questions', () => {
  const csvUrl = '/assessments/questions/import/csv';

  it('imports a CSV file (multipart) with its header naming the columns', async () => {
    const csv = [
      'Type,Title,Choices,Correct,Skills,Duration,Multiple',
      'question,"Largest, planet",Mars|Jupiter|Venus,B,javascript,3,',
      'question,Even numbers,1|2|3|4,"B,D",,5,yes',
      'essay,Describe a project,,,,20,',
    ].join('\n');
    const form = csvForm(csv);
    const res = await t.app.inject({ method: 'POST', url: `${csvUrl}?status=published&language=es`, headers: { ...a.keyHeaders, ...form.headers }, payload: form.payload });
    expect(res.statusCode, res.body).toBe(201);
    const stored = await t.runtime.database.db.select().from(questions).where(and(eq(questions.workspaceId, a.workspace.id), inArray(questions.id, res.json().ids)));
    const planet = stored.find((q) => q.title === 'Largest, planet')!;
    expect(planet).toMatchObject({ status: 'published', duration: 3, locale: [{ language: 'es' }] });
    expect(planet.content.question!.choices.map((c) => c.correct)).toEqual([false, true, false]);
    expect(stored.find((q) => q.title === 'Even numbers')!.content.question).toMatchObject({ multiple: true });
    expect(stored.find((q) => q.title === 'Describe a project')).toMatchObject({ type: 'essay', duration: 20 });
  });

  it('takes a text/csv body, semicolon separated', async () => {
    const csv = 'type;title;choices\nquestion;One;*yes|no\n';
    const res = await t.app.inject({ method: 'POST', url: csvUrl, headers: { ...a.keyHeaders, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ids).toHaveLength(1);
  });

  it('imports nothing from a CSV with a bad row, naming file/questions/<row>/<column>', async () => {
    const before = await countOf(a.workspace.id);
    const lines = ['type,title,choices,duration'];
    for (let i = 0; i < 9; i += 1) lines.push(`question,Q${i},*a|b,5`);
    lines[8] = 'question,Q7,*a|b,soon';
    const form = csvForm(lines.join('\n'));
    const res = await t.app.inject({ method: 'POST', url: csvUrl, headers: { ...a.keyHeaders, ...form.headers }, payload: form.payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'import_invalid', details: [{ field: 'file/questions/7/duration' }] });
    const kind = csvForm('type,title\nriddle,What?\n');
    const badType = await t.app.inject({ method: 'POST', url: csvUrl, headers: { ...a.keyHeaders, ...kind.headers }, payload: kind.payload });
    expect(badType.json().details[0]).toMatchObject({ field: 'file/questions/0/type', message: expect.stringContaining('coding') });
    expect(await countOf(a.workspace.id)).toBe(before);
  });

  it('refuses a broken CSV, a binary file and a JSON body', async () => {
    const broken = await t.app.inject({ method: 'POST', url: csvUrl, headers: { ...a.keyHeaders, 'content-type': 'text/csv' }, payload: 'type,title\n"question,unclosed\n' });
    expect(broken.json()).toMatchObject({ statusCode: 400, code: 'csv_invalid' });
    const png = csvForm(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('latin1'), 'q.png');
    const binary = await t.app.inject({ method: 'POST', url: csvUrl, headers: { ...a.keyHeaders, ...png.headers }, payload: png.payload });
    expect(binary.statusCode).toBe(415);
    const json = await t.app.inject({ method: 'POST', url: csvUrl, headers: a.keyHeaders, payload: { questions: [] } });
    expect(json.statusCode).toBe(415);
  });
});
