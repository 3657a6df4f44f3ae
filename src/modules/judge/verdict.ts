// Verdict shapes shared by the coding judge (sandbox runs) and the SQL judge (throwaway PGlite runs),
// and read by the assessments scorer. Field names are snake_case like the rest of the Coodesh API.
import { Type, type Static } from 'typebox';

export const VERDICT_STATUSES = [
  'accepted',
  'wrong_answer',
  'time_limit_exceeded',
  'memory_limit_exceeded',
  'runtime_error',
  'compile_error',
  'output_limit_exceeded',
  // The judge itself failed (toolchain vanished, dataset unreadable): never the candidate's fault.
  'internal_error',
] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export const verdictStatusSchema = Type.Union([
  Type.Literal('accepted'),
  Type.Literal('wrong_answer'),
  Type.Literal('time_limit_exceeded'),
  Type.Literal('memory_limit_exceeded'),
  Type.Literal('runtime_error'),
  Type.Literal('compile_error'),
  Type.Literal('output_limit_exceeded'),
  Type.Literal('internal_error'),
]);

/** How a test case's actual output is compared to its expected output (set per question). */
export const COMPARISONS = ['exact', 'trimmed', 'float'] as const;
export type ComparisonMode = (typeof COMPARISONS)[number];

export const comparisonSchema = Type.Object(
  {
    mode: Type.Union([Type.Literal('exact'), Type.Literal('trimmed'), Type.Literal('float')], { default: 'trimmed' }),
    // Only for mode 'float': a number matches when |a-b| <= abs_epsilon or <= rel_epsilon * |b|.
    abs_epsilon: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    rel_epsilon: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { title: 'JudgeComparison', additionalProperties: false },
);
export type Comparison = Static<typeof comparisonSchema>;

/** One test case's outcome. Hidden test cases never carry expected_output nor the candidate's output. */
export const testVerdictSchema = Type.Object(
  {
    index: Type.Integer({ minimum: 0 }),
    status: verdictStatusSchema,
    hidden: Type.Boolean(),
    time_ms: Type.Number({ minimum: 0 }),
    memory_kb: Type.Integer({ minimum: 0 }),
    exit_code: Type.Union([Type.Integer(), Type.Null()]),
    signal: Type.Union([Type.String(), Type.Null()]),
    /** Candidate output (truncated); null on hidden test cases. */
    stdout: Type.Union([Type.String(), Type.Null()]),
    stderr: Type.Union([Type.String(), Type.Null()]),
    expected_output: Type.Union([Type.String(), Type.Null()]),
    /** Human-readable detail: compiler message, SQL error, limit hit. */
    message: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'JudgeTestVerdict' },
);
export type TestVerdict = Static<typeof testVerdictSchema>;

/** A whole run: the overall status is the first non-accepted test's status (or compile_error). */
export const runVerdictSchema = Type.Object(
  {
    status: verdictStatusSchema,
    passed: Type.Integer({ minimum: 0 }),
    total: Type.Integer({ minimum: 0 }),
    /** Compiler output when the compile step failed (truncated), else null. */
    compile_output: Type.Union([Type.String(), Type.Null()]),
    time_ms: Type.Number({ minimum: 0 }),
    memory_kb: Type.Integer({ minimum: 0 }),
    tests: Type.Array(testVerdictSchema),
  },
  { title: 'JudgeRunVerdict' },
);
export type RunVerdict = Static<typeof runVerdictSchema>;

/** Fold per-test verdicts into a run verdict (shared so coding and SQL summarize identically). */
export function summarizeVerdicts(tests: TestVerdict[], compileOutput: string | null = null): RunVerdict {
  const failed = tests.find((t) => t.status !== 'accepted');
  return {
    status: failed ? failed.status : compileOutput !== null && tests.length === 0 ? 'compile_error' : 'accepted',
    passed: tests.filter((t) => t.status === 'accepted').length,
    total: tests.length,
    compile_output: compileOutput,
    time_ms: tests.reduce((max, t) => Math.max(max, t.time_ms), 0),
    memory_kb: tests.reduce((max, t) => Math.max(max, t.memory_kb), 0),
    tests,
  };
}
