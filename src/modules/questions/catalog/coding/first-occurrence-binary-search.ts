import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { source } from '../test-data.js';

const list = (values: number[]) => values.join(' ');

const sortedForSearch = Array.from({ length: 30_000 }, (_, i) => Math.floor(i / 3) * 2);
export const firstOccurrence = codingQuestion({
  slug: 'first-occurrence-binary-search',
  level: 'intermediate',
  duration: 20,
  skills: ['algorithms', 'javascript', 'python', 'java'],
  topics: ['binary search'],
  title: 'First occurrence in a sorted array',
  pt: { title: 'Primeira ocorrência em um array ordenado' },
  es: { title: 'Primera aparición en un arreglo ordenado' },
  description: `Given an array sorted in non-decreasing order (values may repeat) and some queries, print for each query the 0-based index of its first occurrence in the array, or \`-1\` when it is absent.

**Input**: a line with \`n\` and \`q\` (1 ≤ n, q ≤ 100 000); a line with the \`n\` sorted integers; a line with the \`q\` queries.

**Output**: one index per query, one per line. Aim for O(log n) per query.

Example: in \`1 2 2 2 5 9\`, 2 first appears at index 1 and 3 is absent.`,
  tests: [
    sample('6 4\n1 2 2 2 5 9\n2 1 9 3\n', '1\n0\n5\n-1'),
    hidden('1 2\n5\n5 6\n', '0\n-1'),
    hidden('5 3\n-3 -3 -3 -3 -3\n-3 -4 0\n', '0\n-1\n-1'),
    hidden(`30000 10\n${list(sortedForSearch)}\n0 1 2 19998 19999 20000 17 18 10000 -5\n`, '0\n-1\n3\n29997\n-1\n-1\n-1\n27\n15000\n-1'),
  ],
  solutions: {
    [JS]: source`
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, q] = data;
const values = data.slice(2, 2 + n);
const out = [];
for (const x of data.slice(2 + n, 2 + n + q)) {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  out.push(lo < n && values[lo] === x ? lo : -1);
}
console.log(out.join('\n'));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, q] = data;
const values = data.slice(2, 2 + n);
const out: number[] = [];
for (const x of data.slice(2 + n, 2 + n + q)) {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  out.push(lo < n && values[lo] === x ? lo : -1);
}
console.log(out.join('\n'));
`,
    [PYTHON]: source`
import sys
from bisect import bisect_left

data = sys.stdin.read().split()
n, q = int(data[0]), int(data[1])
values = list(map(int, data[2:2 + n]))
out = []
for x in map(int, data[2 + n:2 + n + q]):
    i = bisect_left(values, x)
    out.append(str(i if i < n and values[i] == x else -1))
print('\n'.join(out))
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String[] t = new String(System.in.readAllBytes()).trim().split("\\s+");
        int n = Integer.parseInt(t[0]);
        int q = Integer.parseInt(t[1]);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) values[i] = Long.parseLong(t[2 + i]);
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < q; j++) {
            long x = Long.parseLong(t[2 + n + j]);
            int lo = 0, hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] < x) lo = mid + 1;
                else hi = mid;
            }
            out.append(lo < n && values[lo] == x ? lo : -1).append('\n');
        }
        System.out.print(out);
    }
}
`,
  },
});
