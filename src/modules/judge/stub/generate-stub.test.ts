import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { judgeCode } from '../judge-code.js';
import { languageCatalog } from '../language-catalog.js';
import { sandboxHost } from '../sandbox/host.js';
import { generateStub } from './generate-stub.js';
import type { StubSignature } from './types.js';

const sandbox = await sandboxHost();
const available = new Set((await languageCatalog()).filter((s) => s.available).map((s) => s.language.id));

const EVERY_TYPE: StubSignature = {
  functionName: 'solve',
  parameters: [
    { name: 'nums', type: 'int[]' },
    { name: 'k', type: 'int' },
    { name: 'label', type: 'string' },
    { name: 'flag', type: 'bool' },
    { name: 'xs', type: 'float[]' },
    { name: 'ws', type: 'string[]' },
    { name: 'ratio', type: 'float' },
  ],
  returnType: 'bool',
};
const INPUT = '1 2 3\n4\nhello world\ntrue\n1.5 2.5\na b c\n0.25\n';
const limits = { time_ms: 5000, wall_time_ms: 15000, memory_kb: 256 * 1024, output_kb: 64 };

describe('coding stubs', () => {
  it('refuses keywords, names the harness uses, bad identifiers and duplicates, naming the field', () => {
    const attempt = (signature: Partial<StubSignature>) => {
      try {
        generateStub(71, { ...EVERY_TYPE, ...signature });
        return undefined;
      } catch (error) {
        return (error as AppError).details?.[0].field;
      }
    };
    expect(attempt({ functionName: 'while' })).toBe('body/function_name');
    expect(attempt({ functionName: 'main' })).toBe('body/function_name');
    expect(attempt({ parameters: [{ name: '1x', type: 'int' }] })).toBe('body/parameters/0/name');
    expect(attempt({ parameters: [{ name: 'arg0', type: 'int' }] })).toBe('body/parameters/0/name');
    expect(attempt({ parameters: [{ name: 'a', type: 'int' }, { name: 'a', type: 'int' }] })).toBe('body/parameters/1/name');
    expect(attempt({})).toBeUndefined();
  });

  it.skipIf(!sandbox.available).each([63, 74, 71, 62, 50, 54, 73, 60, 72, 68])(
    'language %i: the stub for every parameter type compiles, reads the input and prints the default result',
    async (id) => {
      if (!available.has(id)) return;
      const source = generateStub(id, EVERY_TYPE);
      const verdict = await judgeCode({ languageId: id, source, tests: [{ input: INPUT, expected_output: 'false' }], limits, comparison: { mode: 'trimmed' } });
      expect(verdict.status, verdict.compile_output ?? verdict.tests[0].stderr ?? '').toBe('accepted');
    },
    60_000,
  );

  it.skipIf(!sandbox.available).each([
    [71, '    return []', '    return [x * k for x in nums]'],
    [63, '  return [];', '  return nums.map((x) => x * k);'],
    [50, '    *result_len = 0;\n    return NULL;', '    long long *out = malloc(sizeof *out * nums_len);\n    for (int i = 0; i < nums_len; i++) out[i] = nums[i] * k;\n    *result_len = nums_len;\n    return out;'],
    [60, '\treturn nil', '\tout := []int64{}\n\tfor _, x := range nums {\n\t\tout = append(out, x*k)\n\t}\n\treturn out'],
    [62, '        return new long[0];', '        return Arrays.stream(nums).map(x -> x * k).toArray();'],
  ])('language %i: a completed stub gets its arguments parsed and its array result printed', async (id, stubBody, body) => {
    if (!available.has(id)) return;
    const stub = generateStub(id, { functionName: 'scale', parameters: [{ name: 'nums', type: 'int[]' }, { name: 'k', type: 'int' }], returnType: 'int[]' });
    expect(stub).toContain(stubBody);
    const verdict = await judgeCode({
      languageId: id,
      source: stub.replace(stubBody, body),
      tests: [{ input: '1 2 3\n10\n', expected_output: '10 20 30' }, { input: '\n3\n', expected_output: '' }],
      limits,
      comparison: { mode: 'trimmed' },
    });
    expect(verdict.status, verdict.compile_output ?? verdict.tests[0].stderr ?? '').toBe('accepted');
  }, 60_000);
});
