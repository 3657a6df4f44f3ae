import { codingQuestion, hidden, sample, CPP, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { integers, source } from '../test-data.js';

const list = (values: number[]) => values.join(' ');

export const maxSubarray = codingQuestion({
  slug: 'maximum-subarray-sum',
  level: 'intermediate',
  duration: 20,
  skills: ['algorithms', 'javascript', 'python', 'java', 'cpp'],
  topics: ['dynamic programming'],
  title: 'Maximum subarray sum',
  pt: { title: 'Soma máxima de um subarray' },
  es: { title: 'Suma máxima de un subarreglo' },
  description: `Find the largest sum of a non-empty run of consecutive elements of an array.

**Input**: a line with \`n\` (1 ≤ n ≤ 200 000), then a line with \`n\` integers (|value| ≤ 10⁹).

**Output**: the largest sum. When every value is negative, it is the largest single value.

Example: in \`-2 1 -3 4 -1 2 1 -5 4\` the best run is \`4 -1 2 1\`, with sum \`6\`.`,
  tests: [
    sample('9\n-2 1 -3 4 -1 2 1 -5 4\n', '6'),
    sample('3\n-5 -1 -8\n', '-1'),
    hidden('1\n7\n', '7'),
    hidden('5\n1 2 3 4 5\n', '15'),
    hidden(`20000\n${list(integers(37, 20_000, -1_000_000_000, 999_000_000))}\n`, '20231522655'),
  ],
  solutions: {
    [JS]: source`
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(BigInt);
const n = Number(data[0]);
let best = data[1];
let current = 0n;
for (let i = 1; i <= n; i++) {
  current = current > 0n ? current + data[i] : data[i];
  if (current > best) best = current;
}
console.log(best.toString());
`,
    [TS]: source`
import { readFileSync } from 'fs';

const data: bigint[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(BigInt);
const n = Number(data[0]);
let best = data[1];
let current = BigInt(0);
for (let i = 1; i <= n; i++) {
  current = current > BigInt(0) ? current + data[i] : data[i];
  if (current > best) best = current;
}
console.log(best.toString());
`,
    [PYTHON]: source`
import sys

data = sys.stdin.read().split()
values = list(map(int, data[1:1 + int(data[0])]))
best = values[0]
current = 0
for x in values:
    current = current + x if current > 0 else x
    best = max(best, current)
print(best)
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String[] t = new String(System.in.readAllBytes()).trim().split("\\s+");
        int n = Integer.parseInt(t[0]);
        long best = Long.MIN_VALUE;
        long current = 0;
        for (int i = 1; i <= n; i++) {
            long x = Long.parseLong(t[i]);
            current = current > 0 ? current + x : x;
            best = Math.max(best, current);
        }
        System.out.println(best);
    }
}
`,
    [CPP]: source`
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    long long best = LLONG_MIN, current = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        cin >> x;
        current = current > 0 ? current + x : x;
        best = max(best, current);
    }
    cout << best << "\n";
    return 0;
}
`,
  },
});
