import type { CatalogQuestion } from '../catalog-question.js';
import { choiceQuestion } from '../choice-builder.js';

export const sqlQuestions: CatalogQuestion[] = [
  choiceQuestion({
    slug: 'sql-where-versus-having',
    level: 'beginner',
    skills: ['sql'],
    topics: ['aggregation'],
    title: 'WHERE versus HAVING',
    pt: { title: 'WHERE versus HAVING' },
    es: { title: 'WHERE frente a HAVING' },
    description: 'In a query with `GROUP BY`, what is the difference between `WHERE` and `HAVING`?',
    choices: [
      ['WHERE filters rows before they are grouped; HAVING filters the groups after aggregation', true, 'So a condition on COUNT(*) or SUM(...) belongs in HAVING.'],
      ['They are synonyms; HAVING is kept for compatibility', false, 'They run at different stages and accept different conditions.'],
      ['HAVING filters rows before grouping; WHERE filters groups', false, 'It is the other way round.'],
      ['HAVING can only be used without GROUP BY', false, 'HAVING is normally used with GROUP BY (without it, the whole result is one group).'],
    ],
  }),
  choiceQuestion({
    slug: 'sql-null-comparison',
    level: 'intermediate',
    skills: ['sql'],
    topics: ['null'],
    title: 'Finding rows with NULL',
    pt: { title: 'Encontrando linhas com NULL' },
    es: { title: 'Encontrar filas con NULL' },
    description: 'Which condition selects the rows of `employees` whose `manager_id` is NULL?',
    choices: [
      ['WHERE manager_id IS NULL', true, 'IS NULL is the test for a missing value.'],
      ['WHERE manager_id = NULL', false, 'Any comparison with NULL is NULL (unknown), never true: no row is selected.'],
      ["WHERE manager_id = ''", false, 'An empty string is a value, not NULL (and manager_id is a number).'],
      ['WHERE NOT manager_id', false, 'That is not a NULL test, and PostgreSQL rejects NOT on an integer.'],
    ],
  }),
  choiceQuestion({
    slug: 'sql-index-usage',
    level: 'advanced',
    skills: ['sql', 'postgresql'],
    topics: ['indexes', 'performance'],
    title: 'When a B-tree index cannot help',
    pt: { title: 'Quando um índice B-tree não ajuda' },
    es: { title: 'Cuándo un índice B-tree no ayuda' },
    description: 'A PostgreSQL table has a plain B-tree index on `users(email)`. Which conditions cannot use that index? Select all that apply.',
    multiple: true,
    choices: [
      ["WHERE lower(email) = 'ana@example.com'", true, 'The index holds email, not lower(email); it would need an expression index on lower(email).'],
      ["WHERE email LIKE '%@example.com'", true, 'A leading wildcard means no prefix to search the tree by.'],
      ["WHERE email = 'ana@example.com'", false, 'Equality on the indexed column is what a B-tree serves best.'],
      ["WHERE email > 'm'", false, 'B-trees are ordered, so range conditions can use them.'],
    ],
  }),
];
