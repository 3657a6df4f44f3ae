import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { source } from '../test-data.js';

export const mergeIntervals = codingQuestion({
  slug: 'merge-overlapping-intervals',
  level: 'intermediate',
  duration: 25,
  skills: ['algorithms', 'javascript', 'python', 'java'],
  topics: ['sorting', 'intervals'],
  title: 'Merge overlapping intervals',
  pt: { title: 'Una intervalos sobrepostos' },
  es: { title: 'Une intervalos superpuestos' },
  description: `Merge a list of closed intervals \`[start, end]\` so that no two of the result overlap. Intervals that only touch (\`[1, 4]\` and \`[4, 5]\`) overlap too.

**Input**: a line with \`n\` (1 ≤ n ≤ 100 000), then \`n\` lines \`start end\` (0 ≤ start ≤ end ≤ 10⁹), in any order.

**Output**: the merged intervals sorted by start, one \`start end\` per line.`,
  tests: [
    sample('4\n1 3\n2 6\n8 10\n15 18\n', '1 6\n8 10\n15 18'),
    sample('2\n1 4\n4 5\n', '1 5'),
    hidden('3\n5 7\n1 2\n3 4\n', '1 2\n3 4\n5 7'),
    hidden('4\n1 10\n2 3\n4 5\n6 7\n', '1 10'),
    hidden('1\n0 0\n', '0 0'),
    hidden('8\n30 40\n5 5\n1 3\n38 45\n4 5\n100 200\n2 2\n45 46\n', '1 3\n4 5\n30 46\n100 200'),
  ],
  solutions: {
    [JS]: source`
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const intervals = [];
for (let i = 0; i < data[0]; i++) intervals.push([data[1 + 2 * i], data[2 + 2 * i]]);
intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const merged = [];
for (const [start, end] of intervals) {
  const last = merged[merged.length - 1];
  if (last && start <= last[1]) last[1] = Math.max(last[1], end);
  else merged.push([start, end]);
}
console.log(merged.map(([start, end]) => start + ' ' + end).join('\n'));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const intervals: Array<[number, number]> = [];
for (let i = 0; i < data[0]; i++) intervals.push([data[1 + 2 * i], data[2 + 2 * i]]);
intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const merged: Array<[number, number]> = [];
for (const [start, end] of intervals) {
  const last = merged[merged.length - 1];
  if (last && start <= last[1]) last[1] = Math.max(last[1], end);
  else merged.push([start, end]);
}
console.log(merged.map(([start, end]) => start + ' ' + end).join('\n'));
`,
    [PYTHON]: source`
import sys

data = sys.stdin.read().split()
n = int(data[0])
intervals = sorted((int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n))
merged = []
for start, end in intervals:
    if merged and start <= merged[-1][1]:
        merged[-1][1] = max(merged[-1][1], end)
    else:
        merged.append([start, end])
print('\n'.join(f'{s} {e}' for s, e in merged))
`,
    [JAVA]: source`
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String[] t = new String(System.in.readAllBytes()).trim().split("\\s+");
        int n = Integer.parseInt(t[0]);
        long[][] intervals = new long[n][2];
        for (int i = 0; i < n; i++) {
            intervals[i][0] = Long.parseLong(t[1 + 2 * i]);
            intervals[i][1] = Long.parseLong(t[2 + 2 * i]);
        }
        Arrays.sort(intervals, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<long[]> merged = new ArrayList<>();
        for (long[] interval : intervals) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
            else merged.add(new long[] {interval[0], interval[1]});
        }
        StringBuilder out = new StringBuilder();
        for (long[] m : merged) out.append(m[0]).append(' ').append(m[1]).append('\n');
        System.out.print(out);
    }
}
`,
  },
});
