import { codingQuestion, hidden, sample, CPP, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { letters, source } from '../test-data.js';

export const longestUnique = codingQuestion({
  slug: 'longest-substring-without-repeats',
  level: 'advanced',
  duration: 25,
  skills: ['algorithms', 'data-structures', 'javascript', 'python', 'java', 'cpp'],
  topics: ['sliding window', 'strings'],
  title: 'Longest substring without repeated characters',
  pt: { title: 'Maior substring sem caracteres repetidos' },
  es: { title: 'Subcadena más larga sin caracteres repetidos' },
  description: `Find the length of the longest run of consecutive characters of a string in which no character appears twice.

**Input**: one line: a string of 1 to 200 000 printable ASCII characters without spaces.

**Output**: the length of the longest such substring.

Example: in \`abcabcbb\` the answer is \`3\` (\`abc\`); in \`pwwkew\` it is \`3\` (\`wke\`).`,
  tests: [
    sample('abcabcbb\n', '3'),
    sample('bbbbb\n', '1'),
    sample('pwwkew\n', '3'),
    hidden('a\n', '1'),
    hidden('abcdefghij\n', '10'),
    hidden('dvdf\n', '3'),
    hidden('abba\n', '2'),
    hidden(`${letters(83, 60_000, 'abcdefghijklmnopqrstuvwxyz0123456789')}ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*+-/=?@^_~\n`, '50'),
  ],
  solutions: {
    [JS]: source`
const s = require('fs').readFileSync(0, 'utf8').trim();
const last = new Map();
let start = 0;
let best = 0;
for (let i = 0; i < s.length; i++) {
  if (last.has(s[i]) && last.get(s[i]) >= start) start = last.get(s[i]) + 1;
  last.set(s[i], i);
  best = Math.max(best, i - start + 1);
}
console.log(String(best));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const s: string = readFileSync(0, 'utf8').trim();
const last = new Map<string, number>();
let start = 0;
let best = 0;
for (let i = 0; i < s.length; i++) {
  const seen = last.get(s[i]);
  if (seen !== undefined && seen >= start) start = seen + 1;
  last.set(s[i], i);
  best = Math.max(best, i - start + 1);
}
console.log(String(best));
`,
    [PYTHON]: source`
import sys

s = sys.stdin.read().strip()
last = {}
start = 0
best = 0
for i, ch in enumerate(s):
    if last.get(ch, -1) >= start:
        start = last[ch] + 1
    last[ch] = i
    best = max(best, i - start + 1)
print(best)
`,
    [JAVA]: source`
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String s = new String(System.in.readAllBytes()).trim();
        int[] last = new int[128];
        Arrays.fill(last, -1);
        int start = 0, best = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (last[ch] >= start) start = last[ch] + 1;
            last[ch] = i;
            best = Math.max(best, i - start + 1);
        }
        System.out.println(best);
    }
}
`,
    [CPP]: source`
#include <bits/stdc++.h>
using namespace std;

int main() {
    string s;
    cin >> s;
    vector<int> last(256, -1);
    int start = 0, best = 0;
    for (int i = 0; i < (int)s.size(); i++) {
        unsigned char ch = s[i];
        if (last[ch] >= start) start = last[ch] + 1;
        last[ch] = i;
        best = max(best, i - start + 1);
    }
    cout << best << "\n";
    return 0;
}
`,
  },
});
