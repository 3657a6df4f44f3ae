import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../test/support/fixtures.js';
import { startJudgePool, type JudgePool } from './judge-pool.js';
import { runSubmission } from './run-submission.js';
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

describe.skipIf(!sandbox.available)('coding runs', () => {
  beforeAll(() => {
    pool = startJudgePool(t.runtime, { size: 2 });
  });

  // POST /assessments/questions/:id/run lives in the questions module (it loads the stored question); runs are queued here directly.
  it('answers a run by id, waiting up to `wait` for its verdicts; hidden tests reveal no output', async () => {
    const queued = await runSubmission(t.runtime, { workspaceId: a.workspace.id }, {
      languageId: 71,
      source: SUM,
      tests: [
        { input: '20 22', expected_output: '42' },
        { input: '2 2', expected_output: '5', hidden: true },
      ],
      questionId: 'q1',
    });
    const now = await t.app.inject({ method: 'GET', url: `/assessments/questions/runs/${queued.id}`, headers: a.keyHeaders });
    expect([200, 202]).toContain(now.statusCode);
    const polled = await t.app.inject({ method: 'GET', url: `/assessments/questions/runs/${queued.id}?wait=30`, headers: a.adminHeaders });
    expect(polled.statusCode).toBe(200);
    expect(polled.json()).toMatchObject({ question_id: 'q1', language: 71, status: 'done' });
    expect(polled.json().verdict).toMatchObject({ status: 'wrong_answer', passed: 1, total: 2 });
    expect(polled.json().verdict.tests[0]).toMatchObject({ status: 'accepted', stdout: '42\n', expected_output: '42' });
    expect(polled.json().verdict.tests[1]).toMatchObject({ status: 'wrong_answer', hidden: true, stdout: null, stderr: null, expected_output: null });
  });

  it("keeps a workspace's runs from the others", async () => {
    const queued = await runSubmission(t.runtime, { workspaceId: a.workspace.id }, { languageId: 71, source: SUM, tests: [{ input: '1 1', expected_output: '2' }] });
    const foreign = await t.app.inject({ method: 'GET', url: `/assessments/questions/runs/${queued.id}`, headers: b.keyHeaders });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('judge_run_not_found');
  });
});
