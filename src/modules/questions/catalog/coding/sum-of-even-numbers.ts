import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { integers, source } from '../test-data.js';

const list = (values: number[]) => values.join(' ');

export const sumOfEvens = codingQuestion({
  slug: 'sum-of-even-numbers',
  level: 'beginner',
  duration: 10,
  skills: ['algorithms', 'javascript', 'python', 'java'],
  topics: ['loops', 'arithmetic'],
  title: 'Sum of the even numbers',
  pt: { title: 'Soma dos números pares' },
  es: { title: 'Suma de los números pares' },
  description: `Read a list of integers and print the sum of the even ones.

**Input**: a line with \`n\` (0 ≤ n ≤ 100 000), then a line with \`n\` integers, each between -10⁹ and 10⁹.

**Output**: the sum of the even integers (0 when there are none).

Example: for \`1 2 3 4 5\` the answer is \`6\`.`,
  tests: [
    sample('5\n1 2 3 4 5\n', '6'),
    sample('3\n-2 -3 7\n', '-2'),
    hidden('1\n7\n', '0'),
    hidden('4\n0 0 0 0\n', '0'),
    hidden(`20000\n${list(integers(11, 20_000, -1_000_000_000, 1_000_000_000))}\n`, '-633939769698'),
  ],
  solutions: {
    [JS]: source`
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
let total = 0;
for (let i = 1; i <= data[0]; i++) if (data[i] % 2 === 0) total += data[i];
console.log(String(total));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
let total = 0;
for (let i = 1; i <= data[0]; i++) if (data[i] % 2 === 0) total += data[i];
console.log(String(total));
`,
    [PYTHON]: source`
import sys

data = sys.stdin.read().split()
n = int(data[0])
print(sum(x for x in map(int, data[1:1 + n]) if x % 2 == 0))
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String[] t = new String(System.in.readAllBytes()).trim().split("\\s+");
        int n = Integer.parseInt(t[0]);
        long total = 0;
        for (int i = 1; i <= n; i++) {
            long x = Long.parseLong(t[i]);
            if (x % 2 == 0) total += x;
        }
        System.out.println(total);
    }
}
`,
  },
});
