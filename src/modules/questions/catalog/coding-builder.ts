import type { CodeTest } from '../content.js';
import type { CatalogQuestion, CatalogTranslation } from './catalog-question.js';
import type { QuestionLevel } from '../schema.js';

/** Judge language ids (judge/languages.ts) the catalog's coding questions use. */
export const JS = 63;
export const TS = 74;
export const PYTHON = 71;
export const JAVA = 62;
export const CPP = 54;

/** Starter code per language: read standard input, print the answer. */
const stubs: Record<number, string> = {
  [JS]: "const input = require('fs').readFileSync(0, 'utf8');\n\n// Parse the input, solve, and print the answer with console.log.\n",
  [TS]: "import { readFileSync } from 'fs';\n\nconst input: string = readFileSync(0, 'utf8');\n\n// Parse the input, solve, and print the answer with console.log.\n",
  [PYTHON]: 'import sys\n\ndata = sys.stdin.read()\n\n# Parse the input, solve, and print the answer.\n',
  [JAVA]:
    'import java.io.*;\nimport java.util.*;\n\npublic class Main {\n    public static void main(String[] args) throws IOException {\n        String input = new String(System.in.readAllBytes());\n        // Parse the input, solve, and print the answer with System.out.println.\n    }\n}\n',
  [CPP]: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    // Read the input with cin, solve, and print the answer with cout.\n    return 0;\n}\n',
};

interface TestSpec {
  input: string;
  expected: string;
  hidden: boolean;
}

/** A test shown to the candidate (and run by "Run code"). */
export const sample = (input: string, expected: string): TestSpec => ({ input, expected, hidden: false });
/** A test that scores the answer and is never shown. */
export const hidden = (input: string, expected: string): TestSpec => ({ input, expected, hidden: true });

export interface CodingSpec {
  slug: string;
  level: QuestionLevel;
  duration: number;
  skills: string[];
  topics: string[];
  title: string;
  description: string;
  pt?: CatalogTranslation;
  es?: CatalogTranslation;
  tests: TestSpec[];
  /** A solution per language id the candidate may answer in; each passes every test. */
  solutions: Record<number, string>;
  time_ms?: number;
}

/** A stdin → stdout coding question: the languages are those with a reference solution. */
export function codingQuestion(spec: CodingSpec): CatalogQuestion {
  const languages = Object.keys(spec.solutions).map(Number);
  const tests: CodeTest[] = spec.tests.map((test, i) => ({ _id: `t${i + 1}`, input: test.input, expected_output: test.expected, hidden: test.hidden }));
  return {
    slug: spec.slug,
    type: 'coding',
    level: spec.level,
    duration: spec.duration,
    skills: spec.skills,
    topics: spec.topics,
    title: spec.title,
    description: spec.description,
    pt: spec.pt,
    es: spec.es,
    content: {
      coding: {
        languages,
        stubs: Object.fromEntries(languages.map((id) => [String(id), stubs[id]])),
        tests,
        reference_solutions: Object.fromEntries(Object.entries(spec.solutions)),
        comparison: 'trimmed',
        ...(spec.time_ms ? { time_ms: spec.time_ms } : {}),
      },
    },
  };
}
