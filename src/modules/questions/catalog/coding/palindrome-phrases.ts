import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { source } from '../test-data.js';

export const palindromes = codingQuestion({
  slug: 'palindrome-phrases',
  level: 'beginner',
  duration: 15,
  skills: ['javascript', 'python', 'java'],
  topics: ['strings'],
  title: 'Palindrome phrases',
  pt: { title: 'Frases palíndromas' },
  es: { title: 'Frases palíndromas' },
  description: `A phrase is a palindrome when, keeping only its ASCII letters and digits and ignoring case, it reads the same backwards. "A man, a plan, a canal: Panama" is one.

**Input**: a line with \`t\` (1 ≤ t ≤ 1 000), then \`t\` lines of text (each up to 10 000 characters, may contain spaces and punctuation).

**Output**: \`YES\` or \`NO\` for each line. A line with no letters or digits is a palindrome.`,
  tests: [
    sample('3\nA man, a plan, a canal: Panama\nhello\nNo \'x\' in Nixon\n', 'YES\nNO\nYES'),
    sample('2\nWas it a car or a cat I saw?\n12321 ok\n', 'YES\nNO'),
    hidden('1\n!!!\n', 'YES'),
    hidden('3\nRace car\nStep on no pets\nAbc cba x\n', 'YES\nYES\nNO'),
    hidden('2\nNever odd or even.\nNever odd or evens.\n', 'YES\nNO'),
  ],
  solutions: {
    [JS]: source`
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const out = [];
for (let i = 1; i <= parseInt(lines[0], 10); i++) {
  const clean = (lines[i] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  out.push(clean === [...clean].reverse().join('') ? 'YES' : 'NO');
}
console.log(out.join('\n'));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const lines: string[] = readFileSync(0, 'utf8').split('\n');
const out: string[] = [];
for (let i = 1; i <= parseInt(lines[0], 10); i++) {
  const clean = (lines[i] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  out.push(clean === [...clean].reverse().join('') ? 'YES' : 'NO');
}
console.log(out.join('\n'));
`,
    [PYTHON]: source`
import sys

lines = sys.stdin.read().split('\n')
out = []
for line in lines[1:1 + int(lines[0])]:
    clean = [c.lower() for c in line if c.isascii() and c.isalnum()]
    out.append('YES' if clean == clean[::-1] else 'NO')
print('\n'.join(out))
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int t = Integer.parseInt(in.readLine().trim());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t; i++) {
            String line = in.readLine();
            StringBuilder clean = new StringBuilder();
            for (char c : (line == null ? "" : line).toCharArray()) {
                if (c < 128 && Character.isLetterOrDigit(c)) clean.append(Character.toLowerCase(c));
            }
            String forward = clean.toString();
            out.append(forward.equals(clean.reverse().toString()) ? "YES" : "NO").append('\n');
        }
        System.out.print(out);
    }
}
`,
  },
});
