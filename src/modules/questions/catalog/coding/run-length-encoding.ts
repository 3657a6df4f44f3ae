import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { integers, source } from '../test-data.js';

/** Runs of 1 to 30 letters, each run's letter different from the one before: the text and its encoding. */
function letterRuns(seed: number, runs: number): { text: string; encoded: string } {
  const lengths = integers(seed, runs, 1, 30);
  const steps = integers(seed + 1, runs, 1, 25);
  let letter = 0;
  const parts = lengths.map((length, i) => {
    letter = (letter + steps[i]) % 26;
    return { letter: String.fromCharCode(97 + letter), length };
  });
  return { text: parts.map((p) => p.letter.repeat(p.length)).join(''), encoded: parts.map((p) => `${p.letter}${p.length}`).join('') };
}
const manyRuns = letterRuns(61, 4000);

export const runLength = codingQuestion({
  slug: 'run-length-encoding',
  level: 'beginner',
  duration: 15,
  skills: ['javascript', 'python', 'java', 'algorithms'],
  topics: ['strings', 'compression'],
  title: 'Run-length encoding',
  pt: { title: 'Codificação run-length' },
  es: { title: 'Codificación run-length' },
  description: `Compress a string by writing each run of equal letters as the letter followed by the run's length.

**Input**: one line of lowercase letters (1 to 200 000 of them).

**Output**: the encoded string.

Example: \`aaabcc\` → \`a3b1c2\`.`,
  tests: [
    sample('aaabcc\n', 'a3b1c2'),
    sample('abc\n', 'a1b1c1'),
    hidden('z\n', 'z1'),
    hidden('aaaaaaaaaaaa\n', 'a12'),
    hidden(`${manyRuns.text}\n`, manyRuns.encoded),
  ],
  solutions: {
    [JS]: source`
const s = require('fs').readFileSync(0, 'utf8').trim();
const out = [];
for (let i = 0; i < s.length; ) {
  let j = i;
  while (j < s.length && s[j] === s[i]) j++;
  out.push(s[i] + (j - i));
  i = j;
}
console.log(out.join(''));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const s: string = readFileSync(0, 'utf8').trim();
const out: string[] = [];
for (let i = 0; i < s.length; ) {
  let j = i;
  while (j < s.length && s[j] === s[i]) j++;
  out.push(s[i] + (j - i));
  i = j;
}
console.log(out.join(''));
`,
    [PYTHON]: source`
import sys
from itertools import groupby

s = sys.stdin.read().strip()
print(''.join(f'{letter}{len(list(run))}' for letter, run in groupby(s)))
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String s = new String(System.in.readAllBytes()).trim();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int j = i;
            while (j < s.length() && s.charAt(j) == s.charAt(i)) j++;
            out.append(s.charAt(i)).append(j - i);
            i = j;
        }
        System.out.println(out);
    }
}
`,
  },
});
