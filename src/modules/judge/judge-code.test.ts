import { describe, expect, it } from 'vitest';
import { judgeCode, type CodeSubmission } from './judge-code.js';
import { languageCatalog } from './language-catalog.js';
import { sandboxHost } from './sandbox/host.js';
import { SUM_PROGRAMS as SUM } from './sum-programs.js';

const sandbox = await sandboxHost();
if (!sandbox.available) console.warn(`judge tests skipped: ${sandbox.reason}`);
const catalog = await languageCatalog();
const available = new Set(catalog.filter((s) => s.available).map((s) => s.language.id));
for (const status of catalog.filter((s) => !s.available)) console.warn(`language ${status.language.name} not tested: ${status.reason}`);

const limits = { time_ms: 5000, wall_time_ms: 15000, memory_kb: 256 * 1024, output_kb: 64 };
const submit = (languageId: number, source: string, extra: Partial<CodeSubmission> = {}) =>
  judgeCode({ languageId, source, tests: SUM_TESTS, limits, comparison: { mode: 'trimmed' }, ...extra });

const SUM_TESTS = [
  { input: '1 2\n', expected_output: '3\n' },
  { input: '40 2', expected_output: '42', hidden: true },
  { input: '1 1', expected_output: '3' },
];

describe.skipIf(!sandbox.available)('judging code', () => {
  it.each(Object.keys(SUM).map(Number))('language %i: right answers are accepted, a wrong one is wrong_answer, hidden tests reveal nothing', async (id) => {
    if (!available.has(id)) return;
    const verdict = await submit(id, SUM[id]);
    expect(verdict.tests.map((t) => t.status), verdict.compile_output ?? verdict.tests[0].stderr ?? '').toEqual(['accepted', 'accepted', 'wrong_answer']);
    expect(verdict).toMatchObject({ status: 'wrong_answer', passed: 2, total: 3, compile_output: null });
    expect(verdict.tests[0]).toMatchObject({ stdout: '3\n', expected_output: '3\n', exit_code: 0 });
    expect(verdict.tests[1]).toMatchObject({ hidden: true, stdout: null, stderr: null, expected_output: null });
    expect(verdict.tests[0].memory_kb).toBeGreaterThan(0);
  }, 120_000);

  it.each([
    [50, 'int main(void) { return x; }', /undeclared/],
    [62, 'public class Main { public static void main(String[] a) { int x = "s"; } }', /incompatible types/],
    [74, 'const n: number = "text"; console.log(n);', /not assignable/],
    [73, 'fn main() { let x: i32 = "s"; }', /mismatched types/],
  ])('language %i: a compile error is reported with the compiler message on every test', async (id, source, message) => {
    if (!available.has(id)) return;
    const verdict = await submit(id, source);
    expect(verdict.status).toBe('compile_error');
    expect(verdict.compile_output).toMatch(message);
    expect(verdict.tests.every((t) => t.status === 'compile_error')).toBe(true);
  }, 60_000);

  it('a crash is a runtime_error with the exit code or the signal', async () => {
    const exit = await submit(71, 'import sys\nsys.exit(3)');
    expect(exit.tests[0]).toMatchObject({ status: 'runtime_error', exit_code: 3, message: 'exit code 3' });
    const raised = await submit(71, 'raise ValueError("boom")');
    expect(raised.tests[0].stderr).toContain('ValueError: boom');
    if (!available.has(50)) return;
    const segv = await submit(50, 'int main(void) { int *p = 0; return *p; }');
    expect(segv.tests[0]).toMatchObject({ status: 'runtime_error', signal: 'SIGSEGV', exit_code: null, message: 'killed by SIGSEGV' });
  });

  it('compares exactly, trimmed, or numbers within a tolerance', async () => {
    const tests = [{ input: '', expected_output: '0.3333333\n1e3' }];
    const source = "print(1/3, '  ')\nprint(1000.0000001)";
    expect((await submit(71, source, { tests, comparison: { mode: 'exact' } })).status).toBe('wrong_answer');
    expect((await submit(71, source, { tests, comparison: { mode: 'trimmed' } })).status).toBe('wrong_answer');
    expect((await submit(71, source, { tests, comparison: { mode: 'float', abs_epsilon: 1e-6 } })).status).toBe('accepted');
    expect((await submit(71, source, { tests, comparison: { mode: 'float', abs_epsilon: 1e-12, rel_epsilon: 1e-12 } })).status).toBe('wrong_answer');
    const padded = await submit(71, "print('a  ')\nprint('b')\nprint()", { tests: [{ input: '', expected_output: 'a\nb' }] });
    expect(padded.status).toBe('accepted');
  });

  it('takes the expected output of tests without one from the reference solution', async () => {
    const verdict = await submit(71, 'print(int(input()) * 2)', {
      referenceSource: 'print(int(input()) + int(input()) if False else int(input()) * 2)',
      tests: [{ input: '4' }, { input: '5', expected_output: '11' }],
    });
    expect(verdict.tests.map((t) => [t.status, t.expected_output])).toEqual([['accepted', '8\n'], ['wrong_answer', '11']]);
    const broken = await submit(71, 'print(1)', { referenceSource: 'raise SystemExit(2)', tests: [{ input: '' }] });
    expect(broken.tests[0]).toMatchObject({ status: 'internal_error', message: 'the reference solution failed on this test (exit code 2)' });
  });

  it('runs a test without expected output and no reference as a plain run', async () => {
    const verdict = await submit(71, "print('hello')", { tests: [{ input: '' }] });
    expect(verdict.tests[0]).toMatchObject({ status: 'accepted', stdout: 'hello\n', expected_output: null });
  });

  it('uses the measured CPU time against the limit, not the whole second of RLIMIT_CPU', async () => {
    const verdict = await submit(71, 'x = 0\nwhile True:\n    x += 1', { limits: { ...limits, time_ms: 300, wall_time_ms: 5000 } });
    expect(verdict.tests[0].status).toBe('time_limit_exceeded');
    expect(verdict.tests[0].message).toContain('CPU time limit of 300 ms');
  });
});
