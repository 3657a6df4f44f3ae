import type { DbOrTx } from '../../../platform/db/client.js';
import { newId } from '../../../platform/ids.js';
import type { QuestionContent } from '../../questions/content.js';
import { questions, type QuestionType } from '../../questions/schema.js';
import { assessments, type AssessmentRow } from '../schema.js';
import type { AssessmentSettings } from '../types.js';

/**
 * Assessments and questions written straight into the tables, for the attempts' tests and tenancy
 * fixtures (the assessments CRUD lives elsewhere; these tests must not depend on it).
 */
export interface QuestionSeed {
  type: QuestionType;
  title?: string;
  content?: QuestionContent;
  weight?: number;
  skillIds?: string[];
}

export async function insertQuestion(db: DbOrTx, workspaceId: string, seed: QuestionSeed): Promise<string> {
  const id = newId();
  await db.insert(questions).values({
    workspaceId,
    id,
    slug: `q-${id}`,
    type: seed.type,
    status: 'published',
    title: seed.title ?? `A ${seed.type} question`,
    description: `Statement of the ${seed.type} question`,
    locale: [{ language: 'en', title: seed.title ?? `A ${seed.type} question` }],
    weight: seed.weight ?? 1,
    skillIds: seed.skillIds ?? [],
    content: seed.content ?? {},
  });
  return id;
}

export interface AssessmentSeed {
  questionIds: string[];
  status?: AssessmentRow['status'];
  settings?: AssessmentSettings;
  duration?: number;
  weights?: number[];
  authorId?: string | null;
  language?: AssessmentRow['language'];
}

export async function insertAssessment(db: DbOrTx, workspaceId: string, seed: AssessmentSeed): Promise<AssessmentRow> {
  const [row] = await db
    .insert(assessments)
    .values({
      workspaceId,
      id: newId(),
      name: 'Backend fundamentals',
      description: 'Four kinds of questions',
      status: seed.status ?? 'published',
      language: seed.language ?? 'en',
      duration: seed.duration ?? 60,
      durationUnit: 'minute',
      questions: seed.questionIds.map((id, i) => ({ _id: id, weight: seed.weights?.[i] ?? 1 })),
      settings: seed.settings ?? {},
      authorId: seed.authorId ?? null,
    })
    .returning();
  return row;
}

export const SUM_SOLUTION = 'a, b = map(int, input().split())\nprint(a + b)';

/** A choice, a Python coding (samples and hidden tests), an SQL (script) and an essay question's content. */
export const fourKinds = {
  choice: {
    type: 'question',
    title: 'Which keyword declares a constant in JavaScript?',
    content: {
      question: {
        multiple: false,
        choices: [
          { _id: 'c-var', text: 'var', explanation: 'var is function-scoped and reassignable' },
          { _id: 'c-const', text: 'const', correct: true, explanation: 'const cannot be reassigned' },
          { _id: 'c-let', text: 'let' },
        ],
        explanation: 'const makes a binding that cannot be reassigned.',
      },
    },
  },
  coding: {
    type: 'coding',
    title: 'Sum two integers',
    content: {
      coding: {
        languages: [71],
        stubs: { '71': 'a, b = map(int, input().split())\n' },
        tests: [
          { _id: 't-sample', input: '1 2\n', expected_output: '3\n', hidden: false },
          { _id: 't-hidden-1', input: '40 2\n', expected_output: '42\n', hidden: true },
          { _id: 't-hidden-2', input: '-5 5\n', hidden: true },
        ],
        reference_solutions: { '71': SUM_SOLUTION },
      },
    },
  },
  sql: {
    type: 'sql',
    title: 'Names of the adults',
    content: {
      sql: {
        format: 'script',
        script: "create table people (name text, age int); insert into people values ('ana', 31), ('bo', 12), ('cy', 45);",
        solution: 'select name from people where age >= 18',
        ordered: false,
      },
    },
  },
  essay: { type: 'essay', title: 'Describe a bug you fixed' },
} satisfies Record<string, QuestionSeed>;
