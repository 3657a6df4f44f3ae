import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { letters, source } from '../test-data.js';

export const digitalRoot = codingQuestion({
  slug: 'digital-root',
  level: 'beginner',
  duration: 15,
  skills: ['algorithms', 'python', 'javascript', 'java'],
  topics: ['strings', 'arithmetic'],
  title: 'Digital root of very large numbers',
  pt: { title: 'Raiz digital de números muito grandes' },
  es: { title: 'Raíz digital de números muy grandes' },
  description: `The digital root of a number is found by adding its digits, then adding the digits of the result, and so on until one digit is left. For 942: 9 + 4 + 2 = 15, 1 + 5 = 6.

**Input**: a line with \`t\` (1 ≤ t ≤ 100), then \`t\` lines, each a non-negative integer of up to 1 000 digits (too large for a 64-bit integer).

**Output**: the digital root of each number, one per line.`,
  tests: [
    sample('3\n16\n942\n0\n', '7\n6\n0'),
    sample('2\n999999999999999999999\n10\n', '9\n1'),
    hidden('1\n5\n', '5'),
    hidden('4\n123456789\n38\n1000000000000\n77\n', '9\n2\n1\n5'),
    hidden(`50\n${Array.from({ length: 50 }, (_, i) => `${1 + (i % 9)}${letters(100 + i, 499, '0123456789')}`).join('\n')}\n`, '8\n3\n1\n2\n5\n7\n4\n9\n6\n9\n7\n3\n4\n3\n7\n9\n4\n1\n2\n8\n8\n8\n4\n1\n5\n1\n7\n1\n5\n9\n9\n5\n4\n5\n1\n9\n6\n6\n9\n4\n1\n8\n8\n4\n4\n2\n8\n6\n6\n7'),
  ],
  solutions: {
    [JS]: source`
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const digitSum = (s) => [...s].reduce((sum, c) => sum + Number(c), 0);
const out = [];
for (const s of data.slice(1, 1 + Number(data[0]))) {
  let total = digitSum(s);
  while (total >= 10) total = digitSum(String(total));
  out.push(total);
}
console.log(out.join('\n'));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const data: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const digitSum = (s: string): number => [...s].reduce((sum, c) => sum + Number(c), 0);
const out: number[] = [];
for (const s of data.slice(1, 1 + Number(data[0]))) {
  let total = digitSum(s);
  while (total >= 10) total = digitSum(String(total));
  out.push(total);
}
console.log(out.join('\n'));
`,
    [PYTHON]: source`
import sys

data = sys.stdin.read().split()
out = []
for s in data[1:1 + int(data[0])]:
    total = sum(int(c) for c in s)
    while total >= 10:
        total = sum(int(c) for c in str(total))
    out.append(str(total))
print('\n'.join(out))
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    static int digitSum(String s) {
        int sum = 0;
        for (char c : s.toCharArray()) sum += c - '0';
        return sum;
    }

    public static void main(String[] args) throws IOException {
        String[] t = new String(System.in.readAllBytes()).trim().split("\\s+");
        int n = Integer.parseInt(t[0]);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            int total = digitSum(t[i]);
            while (total >= 10) total = digitSum(Integer.toString(total));
            out.append(total).append('\n');
        }
        System.out.print(out);
    }
}
`,
  },
});
