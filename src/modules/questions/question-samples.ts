import type { CreateBody } from './schemas.js';

/**
 * One valid create body per kind of content, for tests and fixtures of this and other modules
 * (coding uses Python, judge id 71).
 */
export const sampleQuestions = {
  choice: {
    type: 'question',
    title: 'Which keyword declares a constant in JavaScript?',
    level: 'beginner',
    skills: [],
    question: {
      multiple: false,
      choices: [
        { _id: 'a', text: 'const', correct: true, explanation: 'const binds once' },
        { _id: 'b', text: 'var' },
        { _id: 'c', text: 'let' },
      ],
    },
  },
  coding: {
    type: 'coding',
    title: 'Sum two numbers',
    description: 'Read two integers and print their sum.',
    coding: {
      languages: [71],
      stubs: { '71': 'a, b = map(int, input().split())\n' },
      reference_solutions: { '71': 'a, b = map(int, input().split())\nprint(a + b)\n' },
      tests: [
        { _id: 'sample', input: '1 2\n', expected_output: '3\n', hidden: false },
        { _id: 'hidden-1', input: '40 2\n', expected_output: '42\n', hidden: true },
      ],
    },
  },
  sql: {
    type: 'sql',
    title: 'Count the customers',
    sql: {
      format: 'script',
      script: 'CREATE TABLE customers (id INT); INSERT INTO customers VALUES (1), (2);',
      solution: 'SELECT count(*) AS total FROM customers',
    },
  },
  essay: {
    type: 'essay',
    title: 'Describe a hard bug you fixed',
    settings: { min_words: 50 },
  },
  fast: {
    type: 'fast',
    title: 'SQL basics quiz',
    fast: {
      subquestions: [
        {
          _id: 's1',
          title: 'Which clause filters rows?',
          multiple: false,
          choices: [{ _id: 's1a', text: 'WHERE', correct: true }, { _id: 's1b', text: 'ORDER BY' }],
        },
      ],
    },
  },
  softskill: {
    type: 'softskill',
    title: 'In a team I usually…',
    question: {
      multiple: false,
      choices: [
        { _id: 'd', text: 'take the lead', dimension: 'D' },
        { _id: 'i', text: 'rally people', dimension: 'I' },
      ],
    },
  },
} satisfies Record<string, CreateBody>;
