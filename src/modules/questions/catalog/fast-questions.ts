import type { CatalogQuestion } from './catalog-question.js';
import { choicesOf, type ChoiceSpec } from './choice-builder.js';
import { skillIdOf } from '../../skills/skill-id.js';
import type { QuestionLevel } from '../schema.js';

type SubquestionSpec = [title: string, skill: string, level: QuestionLevel, choices: ChoiceSpec[], multiple?: boolean];

function fastQuestion(spec: Omit<CatalogQuestion, 'type' | 'content'> & { subquestions: SubquestionSpec[] }): CatalogQuestion {
  const { subquestions, ...rest } = spec;
  return {
    ...rest,
    type: 'fast',
    content: {
      fast: {
        subquestions: subquestions.map(([title, skill, level, choices, multiple], i) => ({
          _id: `s${i + 1}`,
          title,
          level,
          skill_id: skillIdOf(skill),
          multiple: multiple ?? false,
          choices: choicesOf(choices),
        })),
      },
    },
  };
}

/** Quick-fire quizzes: several short choice subquestions, each scored on its own. */
export const fastQuestions: CatalogQuestion[] = [
  fastQuestion({
    slug: 'fast-javascript-basics',
    level: 'beginner',
    duration: 5,
    skills: ['javascript'],
    topics: ['fundamentals'],
    title: 'JavaScript quick-fire',
    pt: { title: 'JavaScript em ritmo rápido' },
    es: { title: 'JavaScript a ritmo rápido' },
    description: 'Five short questions on everyday JavaScript. Answer each one quickly.',
    subquestions: [
      ['What is `typeof null`?', 'javascript', 'beginner', [
        ["'object'", true, 'A historical quirk of the language, kept for compatibility.'],
        ["'null'", false, 'typeof never returns "null".'],
        ["'undefined'", false, 'That is typeof undefined.'],
      ]],
      ['Which method adds an element to the end of an array?', 'javascript', 'beginner', [
        ['push', true, 'push appends and returns the new length.'],
        ['unshift', false, 'unshift adds to the front.'],
        ['shift', false, 'shift removes the first element.'],
        ['pop', false, 'pop removes the last element.'],
      ]],
      ['What does `[1, 2, 3].includes(2)` return?', 'javascript', 'beginner', [
        ['true', true, 'includes answers whether the value is present.'],
        ['1', false, 'That is what indexOf(2) returns.'],
        ['false', false, '2 is in the array.'],
      ]],
      ['Which keyword declares a block-scoped variable that can be reassigned?', 'javascript', 'beginner', [
        ['let', true, 'let is block-scoped and reassignable.'],
        ['var', false, 'var is function-scoped.'],
        ['const', false, 'const is block-scoped but cannot be reassigned.'],
      ]],
      ["What is `JSON.parse('{\"score\": 7}').score`?", 'javascript', 'beginner', [
        ['7 (a number)', true, 'JSON numbers become JavaScript numbers.'],
        ["'7' (a string)", false, 'The value was not quoted in the JSON.'],
        ['undefined', false, 'The key exists.'],
      ]],
    ],
  }),
  fastQuestion({
    slug: 'fast-python-basics',
    level: 'beginner',
    duration: 5,
    skills: ['python'],
    topics: ['fundamentals'],
    title: 'Python quick-fire',
    pt: { title: 'Python em ritmo rápido' },
    es: { title: 'Python a ritmo rápido' },
    description: 'Five short questions on everyday Python. Answer each one quickly.',
    subquestions: [
      ['Which of these built-in types is immutable?', 'python', 'beginner', [
        ['tuple', true, 'Tuples cannot change after creation, so they can be dictionary keys.'],
        ['list', false, 'Lists can be changed in place.'],
        ['dict', false, 'Dictionaries can be changed in place.'],
        ['set', false, 'Sets can be changed in place (frozenset is the immutable one).'],
      ]],
      ['What is `bool([])`?', 'python', 'beginner', [
        ['False', true, 'Empty containers are falsy.'],
        ['True', false, 'Only non-empty containers are truthy.'],
        ['None', false, 'bool always returns True or False.'],
      ]],
      ["What does `f'{3.14159:.2f}'` produce?", 'python', 'beginner', [
        ["'3.14'", true, '.2f formats with two decimal places.'],
        ["'3.1'", false, 'That would be .1f.'],
        ["'3.14159'", false, 'The format spec rounds the value.'],
      ]],
      ['Which values does `range(2, 10, 3)` produce?', 'python', 'beginner', [
        ['2, 5, 8', true, 'Start at 2, step 3, stop before 10.'],
        ['2, 5, 8, 11', false, 'The stop value 10 is never reached or passed.'],
        ['3, 6, 9', false, 'The range starts at its first argument.'],
      ]],
      ["What does `len({'a': 1, 'b': 2})` return?", 'python', 'beginner', [
        ['2', true, 'len of a dict counts its keys.'],
        ['4', false, 'Keys and values are not counted separately.'],
        ['1', false, 'There are two keys.'],
      ]],
    ],
  }),
  fastQuestion({
    slug: 'fast-web-basics',
    level: 'beginner',
    duration: 5,
    skills: ['web', 'http', 'html', 'css'],
    topics: ['fundamentals'],
    title: 'Web quick-fire',
    pt: { title: 'Web em ritmo rápido' },
    es: { title: 'Web a ritmo rápido' },
    description: 'Five short questions on HTTP, HTML and CSS. Answer each one quickly.',
    subquestions: [
      ['Which status code means the request lacks valid credentials?', 'http', 'beginner', [
        ['401 Unauthorized', true, 'The client must authenticate (despite the name, it is about authentication).'],
        ['403 Forbidden', false, 'The client is known but not allowed.'],
        ['404 Not Found', false, 'The resource does not exist (or is hidden).'],
      ]],
      ['Which header says what format the request or response body is in?', 'http', 'beginner', [
        ['Content-Type', true, 'For example application/json.'],
        ['Accept', false, 'Accept says which formats the client wants back.'],
        ['Authorization', false, 'Authorization carries credentials.'],
      ]],
      ['In a flex container, which property aligns items along the main axis?', 'css', 'beginner', [
        ['justify-content', true, 'justify-content distributes items along the main axis.'],
        ['align-items', false, 'align-items works on the cross axis.'],
        ['text-align', false, 'text-align aligns inline content inside a block.'],
      ]],
      ['Which attribute gives an image a text alternative for screen readers?', 'html', 'beginner', [
        ['alt', true, 'alt is read aloud and shown when the image fails to load.'],
        ['title', false, 'title is a tooltip, not a reliable alternative text.'],
        ['label', false, 'img has no label attribute.'],
      ]],
      ['Which HTTP methods are safe (they must not change server state)? Select all that apply.', 'http', 'intermediate', [
        ['GET', true, 'GET only reads.'],
        ['HEAD', true, 'HEAD is GET without the body.'],
        ['POST', false, 'POST is meant to change state.'],
        ['DELETE', false, 'DELETE removes a resource.'],
      ], true],
    ],
  }),
  fastQuestion({
    slug: 'fast-sql-basics',
    level: 'beginner',
    duration: 5,
    skills: ['sql'],
    topics: ['fundamentals'],
    title: 'SQL quick-fire',
    pt: { title: 'SQL em ritmo rápido' },
    es: { title: 'SQL a ritmo rápido' },
    description: 'Five short questions on everyday SQL. Answer each one quickly.',
    subquestions: [
      ['Which keyword removes duplicate rows from a result?', 'sql', 'beginner', [
        ['DISTINCT', true, 'SELECT DISTINCT keeps one row per distinct combination of values.'],
        ['UNIQUE', false, 'UNIQUE is a constraint on a table, not part of a query.'],
        ['GROUP', false, 'GROUP BY groups rows, but it needs the columns listed and is meant for aggregates.'],
      ]],
      ['What does `COUNT(email)` count?', 'sql', 'beginner', [
        ['The rows where email is not NULL', true, 'COUNT(expression) skips NULLs; COUNT(*) counts every row.'],
        ['Every row, NULLs included', false, 'That is COUNT(*).'],
        ['The distinct emails', false, 'That is COUNT(DISTINCT email).'],
      ]],
      ['Which join keeps every row of the left table, matched or not?', 'sql', 'beginner', [
        ['LEFT JOIN', true, 'Unmatched left rows get NULLs for the right columns.'],
        ['INNER JOIN', false, 'An inner join keeps only matched rows.'],
        ['CROSS JOIN', false, 'A cross join pairs every row with every row.'],
      ]],
      ['Which statements remove all rows of a table but keep the table? Select all that apply.', 'sql', 'intermediate', [
        ['DELETE FROM orders', true, 'Without WHERE, DELETE removes every row.'],
        ['TRUNCATE orders', true, 'TRUNCATE empties the table at once.'],
        ['DROP TABLE orders', false, 'DROP removes the table itself.'],
      ], true],
      ['What does a PRIMARY KEY guarantee about its columns?', 'sql', 'beginner', [
        ['Their values are unique and not NULL', true, 'A primary key is UNIQUE plus NOT NULL, and one per table.'],
        ['Only that they are indexed', false, 'An index comes with it, but the guarantee is uniqueness.'],
        ['That they are numbers that increase', false, 'Any type can be a key; generating values is a separate feature.'],
      ]],
    ],
  }),
];
