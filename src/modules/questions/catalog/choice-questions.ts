import type { CatalogQuestion } from './catalog-question.js';
import { algorithmsQuestions } from './choice/algorithms.js';
import { javaQuestions } from './choice/java.js';
import { javascriptQuestions } from './choice/javascript.js';
import { pythonQuestions } from './choice/python.js';
import { sqlQuestions } from './choice/sql.js';
import { webQuestions } from './choice/web.js';

/** The single and multiple choice questions of the starter catalog, with an explanation on every choice. */
export const choiceQuestions: CatalogQuestion[] = [
  ...javascriptQuestions,
  ...pythonQuestions,
  ...javaQuestions,
  ...sqlQuestions,
  ...algorithmsQuestions,
  ...webQuestions,
];
