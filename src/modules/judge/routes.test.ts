import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../test/support/fixtures.js';
import { startJudgePool, type JudgePool } from './judge-pool.js';
import { languageStatus } from './language-catalog.js';
import { sandboxHost } from './sandbox/host.js';

const sandbox = await sandboxHost();
if (!sandbox.available) console.warn(`judge route tests that run code skipped: ${sandbox.reason}`);

let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let pool: JudgePool | undefined;
beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Judge A');
  b = await createTenant(t.runtime, 'Judge B');
});
afterAll(async () => {
  await pool?.stop();
  await t.close();
});

const SUM = 'a, b = map(int, input().split())\nprint(a + b)';

describe('coding languages', () => {
  it('lists the judge languages with Judge0 ids, editor ids and availability, cached for a day', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assessments/questions/languages?type=coding' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const body = res.json();
    const ids = body.languages.map((l: { id: number }) => l.id);
    expect(ids).toEqual(expect.arrayContaining([63, 74, 71, 62, 50, 54, 73, 60, 72, 68]));
    expect(body.languages.find((l: { id: number }) => l.id === 71)).toMatchObject({ editor: 'python', aliases: [92, 100] });
    expect(body.editor_languages).not.toContain('html');
    const free = await t.app.inject({ method: 'GET', url: '/assessments/questions/languages?type=freecoding' });
    expect(free.json().editor_languages).toContain('html');
  });

  it('generates a stub per language id (aliases too) and refuses unknown ids and bad names', async () => {
    const body = { function_name: 'addAll', parameters: [{ name: 'nums', type: 'int[]' }, { name: 'k', type: 'int' }], return_type: 'int' };
    const res = await t.app.inject({ method: 'POST', url: '/assessments/questions/q1/stub/92', headers: a.keyHeaders, payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ language: 71, editor: 'python' });
    expect(res.json().stub).toContain('def addAll(nums: list[int], k: int) -> int:');
    const unknown = await t.app.inject({ method: 'POST', url: '/assessments/questions/q1/stub/1', headers: a.keyHeaders, payload: body });
    expect(unknown.statusCode).toBe(404);
    const keyword = await t.app.inject({ method: 'POST', url: '/assessments/questions/q1/stub/50', headers: a.keyHeaders, payload: { ...body, function_name: 'class' } });
    expect(keyword.statusCode).toBe(400);
    expect(keyword.json().details[0].field).toBe('body/function_name');
  });
});

describe.skipIf(!sandbox.available)('running coding tests', () => {
  beforeAll(() => {
    pool = startJudgePool(t.runtime, { size: 2 });
  });

  it('runs the code and answers per-test verdicts; hidden tests reveal no output', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/assessments/questions/q1/run?wait=30',
      headers: a.keyHeaders,
      payload: {
        code: SUM,
        language: 'python',
        tests: [
          { input: '1 2', expected_output: '3' },
          { input: '2 2', expected_output: '5', hidden: true },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const run = res.json();
    expect(run).toMatchObject({ question_id: 'q1', language: 71, status: 'done' });
    expect(run.verdict).toMatchObject({ status: 'wrong_answer', passed: 1, total: 2 });
    expect(run.verdict.tests[0]).toMatchObject({ status: 'accepted', stdout: '3\n', expected_output: '3' });
    expect(run.verdict.tests[1]).toMatchObject({ status: 'wrong_answer', hidden: true, stdout: null, stderr: null, expected_output: null });
  });

  it('answers 202 without waiting, then the run can be polled until done', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/assessments/questions/q2/run?wait=0',
      headers: a.keyHeaders,
      payload: { code: SUM, language: 71, tests: [{ input: '20 22', expected_output: '42' }], max_execution_time: 2 },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().verdict).toBeNull();
    const polled = await t.app.inject({ method: 'GET', url: `/assessments/questions/runs/${res.json()._id}?wait=30`, headers: a.adminHeaders });
    expect(polled.statusCode).toBe(200);
    expect(polled.json().verdict.status).toBe('accepted');
  });

  it("keeps a workspace's runs from the others", async () => {
    const res = await t.app.inject({ method: 'POST', url: '/assessments/questions/q3/run?wait=0', headers: a.keyHeaders, payload: { code: SUM, language: 71, tests: [{ input: '1 1', expected_output: '2' }] } });
    const foreign = await t.app.inject({ method: 'GET', url: `/assessments/questions/runs/${res.json()._id}`, headers: b.keyHeaders });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('judge_run_not_found');
  });

  it('takes the Coodesh sample (language by name, no tests): a plain run of the code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/assessments/questions/61b8e9bb2300e80010c0bcc2/run',
      headers: a.keyHeaders,
      payload: { code: 'print("Hello World")', language: 'python', solution: 'def sum(a, b): return a + b', stub: 'def sum(a, b):', tests: [], max_execution_time: 10 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().verdict.tests[0]).toMatchObject({ status: 'accepted', stdout: 'Hello World\n' });
  });

  it('refuses an unknown language, a missing program and bad limits with 400', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/assessments/questions/q1/run', headers: a.keyHeaders, payload: { code: SUM, language: 'cobol' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('language_not_supported');
    const noCode = await t.app.inject({ method: 'POST', url: '/assessments/questions/q1/run', headers: a.keyHeaders, payload: { language: 71 } });
    expect(noCode.statusCode).toBe(400);
    const limits = await t.app.inject({ method: 'POST', url: '/assessments/questions/q1/run', headers: a.keyHeaders, payload: { code: SUM, language: 71, limits: { memory_kb: 1 } } });
    expect(limits.statusCode).toBe(400);
    expect(limits.json().details[0].field).toBe('body/limits/memory_kb');
  });

  it('answers 422 for a language whose toolchain is missing here', async () => {
    const missing = (await Promise.all([63, 74, 71, 62, 50, 54, 73, 60, 72, 68].map((id) => languageStatus(id)))).find((s) => !s?.available);
    if (!missing) return; // every toolchain is installed on this machine
    const res = await t.app.inject({ method: 'POST', url: '/assessments/questions/q1/run', headers: a.keyHeaders, payload: { code: '', language: missing.language.id } });
    expect(res.statusCode).toBe(422);
  });
});
