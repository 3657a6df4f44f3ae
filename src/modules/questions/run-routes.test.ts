import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../test/support/fixtures.js';
import { createDataset } from '../judge/datasets/create-dataset.js';
import { startJudgePool, type JudgePool } from '../judge/judge-pool.js';
import { languageStatus } from '../judge/language-catalog.js';
import { sandboxHost } from '../judge/sandbox/host.js';
import { sqlPoolOf } from '../judge/sql/sql-pool-of.js';
import type { QuestionContent } from './content.js';
import { insertOwnQuestion, insertPublicQuestion } from './run-test-questions.js';

const sandbox = await sandboxHost();
if (!sandbox.available) console.warn(`question run tests that run code skipped: ${sandbox.reason}`);

let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let pool: JudgePool | undefined;

const SUM = 'a, b = map(int, input().split())\nprint(a + b)';
const sumQuestion: QuestionContent = {
  coding: {
    languages: [71],
    tests: [
      { _id: 'visible-1', input: '1 2', expected_output: '3', hidden: false },
      { _id: 'hidden-1', input: '20 22', expected_output: '42', hidden: true },
      { _id: 'hidden-2', input: '500 77', hidden: true },
    ],
    reference_solutions: { 71: SUM },
    time_ms: 2000,
  },
};

let codingId: string;
let publicCodingId: string;
beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Run A');
  b = await createTenant(t.runtime, 'Run B');
  codingId = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'coding', content: sumQuestion });
  publicCodingId = await insertPublicQuestion(t.runtime.database.db, { type: 'coding', content: sumQuestion });
});
afterAll(async () => {
  await pool?.stop();
  await t.close();
});

const run = (tenant: TenantFixture, id: string, payload: object, wait = 30) =>
  t.app.inject({ method: 'POST', url: `/assessments/questions/${id}/run?wait=${wait}`, headers: tenant.keyHeaders, payload });

describe('running a coding question: refusals before any run', () => {
  it("answers 404 for another workspace's question and 409 for a question of another type", async () => {
    const foreign = await run(b, codingId, { code: SUM, language: 71 });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('question_not_found');
    const essay = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'essay' });
    const wrongType = await run(a, essay, { code: SUM, language: 71 });
    expect(wrongType.json()).toMatchObject({ statusCode: 409, code: 'question_type_mismatch' });
  });

  it('refuses a language the question does not take, an unknown one and bad limits', async () => {
    const other = await run(a, codingId, { code: 'int main(){}', language: 54 });
    expect(other.json()).toMatchObject({ statusCode: 400, code: 'language_not_allowed', details: [{ field: 'body/language' }] });
    const unknown = await run(a, codingId, { code: SUM, language: 'cobol' });
    expect(unknown.json()).toMatchObject({ statusCode: 400, code: 'language_not_supported' });
    const limits = await run(a, codingId, { code: SUM, language: 71, limits: { memory_kb: 1 } });
    expect(limits.statusCode).toBe(400);
    expect(limits.json().details[0].field).toBe('body/limits/memory_kb');
  });

  it('runs a public question only as stored: overrides answer 409 naming them', async () => {
    const res = await run(b, publicCodingId, { code: SUM, language: 71, tests: [{ input: '1 1', expected_output: '2' }], solution: SUM });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('public_question_read_only');
    expect(res.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['body/solution', 'body/tests']);
  });
});

describe.skipIf(!sandbox.available)('running a coding question in the sandbox', () => {
  beforeAll(() => {
    pool = startJudgePool(t.runtime, { size: 2 });
  });

  it('runs against the stored tests; hidden ones answer pass/fail and status only', async () => {
    const res = await run(a, codingId, { code: 'print(3)', language: 71 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ question_id: codingId, language: 71, status: 'done' });
    expect(body.verdict).toMatchObject({ status: 'wrong_answer', passed: 1, total: 3 });
    expect(body.verdict.tests[0]).toMatchObject({ test_id: 'visible-1', status: 'accepted', passed: true, input: '1 2', stdout: '3\n', expected_output: '3' });
    expect(body.verdict.tests[1]).toEqual({ index: 1, test_id: 'hidden-1', hidden: true, status: 'wrong_answer', passed: false });
    expect(body.verdict.tests[2]).toEqual({ index: 2, test_id: 'hidden-2', hidden: true, status: 'wrong_answer', passed: false });
    for (const secret of ['20 22', '500 77']) expect(res.body).not.toContain(secret);
  });

  it('runs the reference solution when no code is sent: every test passes', async () => {
    const res = await run(a, codingId, { language: 'python' });
    expect(res.json().verdict).toMatchObject({ status: 'accepted', passed: 3, total: 3 });
  });

  it('runs a public question by id for any workspace', async () => {
    const res = await run(b, publicCodingId, { code: SUM, language: 'python' });
    expect(res.statusCode).toBe(200);
    expect(res.json().verdict).toMatchObject({ status: 'accepted', passed: 3 });
  });

  it("lets an author preview edited tests of the workspace's own question", async () => {
    const res = await run(a, codingId, { code: SUM, language: 71, tests: [{ input: '2 2', expected_output: '5' }], max_execution_time: 2 });
    expect(res.json().verdict).toMatchObject({ status: 'wrong_answer', total: 1 });
    expect(res.json().verdict.tests[0]).toMatchObject({ test_id: null, input: '2 2', stdout: '4\n', expected_output: '5' });
  });

  it('answers 202 without waiting, then the run can be polled until done', async () => {
    const res = await run(a, codingId, { code: SUM, language: 71 }, 0);
    expect(res.statusCode).toBe(202);
    expect(res.json().verdict).toBeNull();
    const polled = await t.app.inject({ method: 'GET', url: `/assessments/questions/runs/${res.json()._id}?wait=30`, headers: a.adminHeaders });
    expect(polled.statusCode).toBe(200);
    expect(polled.json().verdict.status).toBe('accepted');
    expect(polled.body).not.toContain('20 22');
  });

  it('takes the Coodesh sample on an own question (no tests: a plain run of the code)', async () => {
    const res = await run(a, codingId, { code: 'print("Hello World")', language: 'python', solution: 'def sum(a, b): return a + b', stub: 'def sum(a, b):', tests: [], max_execution_time: 10 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().verdict.tests[0]).toMatchObject({ status: 'accepted', stdout: 'Hello World\n' });
  });

  it('answers 422 for a language whose toolchain is missing here', async () => {
    const ids = [63, 74, 71, 62, 50, 54, 73, 60, 72, 68];
    const missing = (await Promise.all(ids.map((id) => languageStatus(id)))).find((s) => !s?.available);
    if (!missing) return; // every toolchain is installed on this machine
    const question = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'freecoding', content: { coding: { languages: ids, tests: [] } } });
    const res = await run(a, question, { code: '', language: missing.language.id });
    expect(res.statusCode).toBe(422);
  });
});

describe('running a SQL question', () => {
  const script = "CREATE TABLE t (id INT, name TEXT); INSERT INTO t VALUES (1, 'ann'), (2, 'bob');";
  const sqlQuestion: QuestionContent = { sql: { format: 'script', script, solution: 'SELECT name FROM t ORDER BY id', ordered: true } };
  let own: string;
  let shared: string;
  beforeAll(async () => {
    await sqlPoolOf(t.runtime).warmUp();
    own = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'sql', content: sqlQuestion });
    shared = await insertPublicQuestion(t.runtime.database.db, { type: 'sql', content: sqlQuestion });
  });
  const sqlRun = (tenant: TenantFixture, id: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/assessments/questions/${id}/sql/run`, headers: tenant.keyHeaders, payload });

  it("runs against the question's script and judges by its stored solution and row order", async () => {
    const right = await sqlRun(a, own, { code: 'SELECT name FROM t ORDER BY id' });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toMatchObject({ status: 'accepted', passed: 1, total: 1, expected_output: { rows: [['ann'], ['bob']] } });
    const reversed = await sqlRun(a, own, { code: 'SELECT name FROM t ORDER BY id DESC' });
    expect(reversed.json()).toMatchObject({ status: 'wrong_answer', passed: 0 });
    const broken = await sqlRun(a, own, { code: 'SELEC 1' });
    expect(broken.json()).toMatchObject({ status: 'runtime_error', message: expect.stringContaining('syntax error') });
  });

  it('runs a public SQL question without showing its expected result, and refuses overrides for it', async () => {
    const res = await sqlRun(b, shared, { code: 'SELECT name FROM t ORDER BY id', mode: 'json' });
    expect(res.json()).toMatchObject({ status: 'accepted', expected_output: null, output: { rows: [{ name: 'ann' }, { name: 'bob' }] } });
    const override = await sqlRun(b, shared, { code: 'SELECT 1', solution: 'SELECT 1' });
    expect(override.json()).toMatchObject({ statusCode: 409, code: 'public_question_read_only', details: [{ field: 'body/solution' }] });
  });

  it('takes the Coodesh sample on an own question (script and solution override the stored ones)', async () => {
    const res = await sqlRun(a, own, { code: 'select 1', script: 'CREATE TABLE test (id INT); INSERT INTO test VALUES (1);', solution: 'select 1', language: '82', mode: 'default' });
    expect(res.json()).toMatchObject({ status: 'accepted', output: { columns: ['?column?'], rows: [[1]] } });
  });

  it('runs against a stored dataset', async () => {
    const dataset = await createDataset(t.runtime, { workspaceId: a.workspace.id }, { name: 'People', upload: gzipSync("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('eve');") });
    const id = await insertOwnQuestion(t.runtime.database.db, a.workspace.id, { type: 'sql', content: { sql: { format: 'dataset', dataset_id: dataset._id, solution: 'SELECT name FROM people' } } });
    const res = await sqlRun(a, id, { code: 'SELECT name FROM people' });
    expect(res.json()).toMatchObject({ status: 'accepted', output: { rows: [['eve']] } });
    const ofB = await insertOwnQuestion(t.runtime.database.db, b.workspace.id, { type: 'sql', content: sqlQuestion });
    const borrowed = await sqlRun(b, ofB, { code: 'SELECT name FROM people', dataset_id: dataset._id });
    expect(borrowed.statusCode).toBe(404);
    expect(borrowed.json().code).toBe('question_dataset_not_found');
  });

  it("answers 404 for another workspace's question and 409 for a coding one", async () => {
    const foreign = await sqlRun(b, own, { code: 'SELECT 1' });
    expect(foreign.statusCode).toBe(404);
    const coding = await sqlRun(a, codingId, { code: 'SELECT 1' });
    expect(coding.json()).toMatchObject({ statusCode: 409, code: 'question_type_mismatch' });
  });
});
