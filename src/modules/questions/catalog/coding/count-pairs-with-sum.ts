import { codingQuestion, hidden, sample, CPP, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { integers, source } from '../test-data.js';

const list = (values: number[]) => values.join(' ');

export const pairSums = codingQuestion({
  slug: 'count-pairs-with-sum',
  level: 'intermediate',
  duration: 20,
  skills: ['algorithms', 'data-structures', 'javascript', 'python', 'java', 'cpp'],
  topics: ['hash map', 'counting'],
  title: 'Count the pairs with a given sum',
  pt: { title: 'Conte os pares com uma soma dada' },
  es: { title: 'Cuenta los pares con una suma dada' },
  description: `Given \`n\` integers and a target \`k\`, count the pairs of positions \`i < j\` whose values add up to \`k\`.

**Input**: a line with \`n\` and \`k\` (1 ≤ n ≤ 100 000, |k| ≤ 10⁹), then a line with \`n\` integers (|value| ≤ 10⁹).

**Output**: the number of pairs. It may not fit in 32 bits; a quadratic solution is too slow for the largest inputs.

Example: in \`1 5 3 3 2\` with k = 6 the pairs are (1, 5) and (3, 3): the answer is \`2\`.`,
  tests: [
    sample('5 6\n1 5 3 3 2\n', '2'),
    sample('4 0\n0 0 0 0\n', '6'),
    hidden('3 10\n1 2 3\n', '0'),
    hidden('6 -2\n-1 -1 0 -2 2 -4\n', '3'),
    hidden(`40000 17\n${list(integers(23, 40_000, -1000, 1000))}\n`, '396014'),
  ],
  solutions: {
    [JS]: source`
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, k] = data;
const seen = new Map();
let count = 0;
for (let i = 2; i < 2 + n; i++) {
  const x = data[i];
  count += seen.get(k - x) ?? 0;
  seen.set(x, (seen.get(x) ?? 0) + 1);
}
console.log(String(count));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, k] = data;
const seen = new Map<number, number>();
let count = 0;
for (let i = 2; i < 2 + n; i++) {
  const x = data[i];
  count += seen.get(k - x) ?? 0;
  seen.set(x, (seen.get(x) ?? 0) + 1);
}
console.log(String(count));
`,
    [PYTHON]: source`
import sys

data = sys.stdin.read().split()
n, k = int(data[0]), int(data[1])
seen = {}
count = 0
for x in map(int, data[2:2 + n]):
    count += seen.get(k - x, 0)
    seen[x] = seen.get(x, 0) + 1
print(count)
`,
    [JAVA]: source`
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String[] t = new String(System.in.readAllBytes()).trim().split("\\s+");
        int n = Integer.parseInt(t[0]);
        long k = Long.parseLong(t[1]);
        HashMap<Long, Long> seen = new HashMap<>();
        long count = 0;
        for (int i = 2; i < 2 + n; i++) {
            long x = Long.parseLong(t[i]);
            count += seen.getOrDefault(k - x, 0L);
            seen.merge(x, 1L, Long::sum);
        }
        System.out.println(count);
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
    long long k;
    cin >> n >> k;
    unordered_map<long long, long long> seen;
    seen.reserve(n * 2);
    long long count = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        cin >> x;
        auto it = seen.find(k - x);
        if (it != seen.end()) count += it->second;
        seen[x]++;
    }
    cout << count << "\n";
    return 0;
}
`,
  },
});
