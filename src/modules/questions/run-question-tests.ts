import { AppError, badRequest, notFound } from '../../platform/errors.js';
import type { Tenant } from '../../platform/http/request-context.js';
import type { Runtime } from '../../platform/runtime.js';
import type { RunLimits, TestCase } from '../judge/judge-code.js';
import { resolveLanguage } from '../judge/languages.js';
import { runSubmission } from '../judge/run-submission.js';
import type { JudgeRun } from '../judge/schema.js';
import type { Comparison } from '../judge/verdict.js';
import { findQuestion, type VisibleQuestion } from './find-questions.js';

/** What an author may send to preview edits of the workspace's own question; each replaces the stored value. */
export interface TestOverrides {
  solution?: string;
  tests?: TestCase[];
  limits?: Partial<RunLimits>;
  comparison?: Comparison;
}

export interface QuestionRunInput {
  /** The program; absent: the question's reference solution in `language` runs. */
  code?: string;
  /** Judge id or name. */
  language: number | string;
  overrides: TestOverrides;
  waitMs: number;
}

export interface QuestionRun {
  run: JudgeRun;
  /** The stored test ids in run order (null for tests sent in the body). */
  testIds: Array<string | null>;
}

/** A question the workspace may read, of one of `types`: 404 when it may not read it, 409 when it is of another type. */
export async function runnableQuestion(runtime: Runtime, tenant: Pick<Tenant, 'workspaceId'>, id: string, types: readonly string[]): Promise<VisibleQuestion> {
  const question = await findQuestion(runtime.database.db, tenant.workspaceId, id);
  if (!question) throw notFound('Question');
  if (!types.includes(question.type)) throw new AppError(409, 'question_type_mismatch', `This is a ${question.type} question; this run takes ${types.join(' or ')} questions`);
  return question;
}

/** Overrides are for a workspace's own question (its authors previewing edits); a public one runs as stored. */
export function refuseOverridesOnPublic(question: VisibleQuestion, overrides: Record<string, unknown>): void {
  const sent = Object.entries(overrides).filter(([, value]) => value !== undefined).map(([key]) => key);
  if (question.scope === 'private' || sent.length === 0) return;
  throw new AppError(
    409,
    'public_question_read_only',
    'A public question runs with its stored tests and solution: duplicate it to preview changes',
    sent.map((key) => ({ field: `body/${key}`, message: 'not accepted for a public question' })),
  );
}

/**
 * Runs code against a coding question's stored tests (hidden ones included), reference solution,
 * limits and comparison, or, for a workspace's own question, against what the body overrides.
 * A free-coding question has no tests: one plain run.
 */
export async function runQuestionTests(runtime: Runtime, tenant: Pick<Tenant, 'workspaceId'>, questionId: string, input: QuestionRunInput): Promise<QuestionRun> {
  const question = await runnableQuestion(runtime, tenant, questionId, ['coding', 'freecoding']);
  refuseOverridesOnPublic(question, { ...input.overrides });
  const coding = question.content.coding ?? { languages: [], tests: [] };
  const language = resolveLanguage(input.language);
  if (!language) throw badRequest('language_not_supported', `language ${input.language} is not a judge language`, 'body/language');
  if (coding.languages.length > 0 && !coding.languages.includes(language.id)) {
    throw badRequest('language_not_allowed', `This question is answered in languages ${coding.languages.join(', ')}`, 'body/language');
  }
  const { overrides } = input;
  const stored = question.type === 'coding' ? coding.tests : [];
  const tests: TestCase[] = overrides.tests ?? stored.map((t) => ({ input: t.input, expected_output: t.expected_output, hidden: t.hidden }));
  const testIds = overrides.tests ? overrides.tests.map(() => null) : stored.map((t) => t._id);
  const reference = overrides.solution ?? coding.reference_solutions?.[String(language.id)];
  const source = input.code ?? reference;
  if (source === undefined) throw badRequest('code_required', 'Send the code to run: the question has no reference solution in this language', 'body/code');
  const run = await runSubmission(runtime, tenant, {
    languageId: language.id,
    source,
    referenceSource: input.code !== undefined ? reference : undefined,
    tests,
    limits: { time_ms: coding.time_ms, memory_kb: coding.memory_kb, ...withoutUndefined(overrides.limits ?? {}) },
    comparison: overrides.comparison ?? { mode: coding.comparison ?? 'trimmed' },
    questionId,
    waitMs: input.waitMs,
  });
  return { run, testIds: tests.length > 0 ? testIds : [null] };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
