import { describe, expect, it } from 'vitest';
import type { QuestionContent } from './content.js';
import { publicContent } from './question-view.js';

describe('publicContent', () => {
  const content: QuestionContent = {
    question: { multiple: false, explanation: 'why', choices: [{ _id: 'a', text: 'A', correct: true, explanation: 'right', dimension: 'D' }, { _id: 'b', text: 'B' }] },
    fast: { subquestions: [{ _id: 's', title: 'S', multiple: true, choices: [{ _id: 'x', text: 'X', correct: true }, { _id: 'y', text: 'Y', explanation: 'no' }] }] },
    coding: {
      languages: [71],
      tests: [{ _id: 'shown', input: '1', expected_output: '1', hidden: false }, { _id: 'secret', input: '2', expected_output: '2', hidden: true }],
      reference_solutions: { '71': 'print(1)' },
      comparison: 'trimmed',
    },
    sql: { format: 'script', script: 'create table t (id int)', solution: 'select 1' },
  };

  it('keeps what a candidate needs and nothing that gives an answer away', () => {
    const shown = publicContent(content);
    expect(shown.question).toEqual({ multiple: false, choices: [{ _id: 'a', text: 'A' }, { _id: 'b', text: 'B' }] });
    expect(shown.fast?.subquestions[0].choices).toEqual([{ _id: 'x', text: 'X' }, { _id: 'y', text: 'Y' }]);
    expect(shown.coding).toEqual({ languages: [71], tests: [{ _id: 'shown', input: '1', expected_output: '1' }] });
    expect(shown.sql).toEqual({ format: 'script', script: 'create table t (id int)' });
    const text = JSON.stringify(shown);
    for (const secret of ['correct', 'explanation', 'dimension', 'secret', 'reference_solutions', 'solution', 'print(1)']) expect(text).not.toContain(secret);
  });
});
