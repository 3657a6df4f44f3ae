import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { source } from '../test-data.js';

export const roman = codingQuestion({
  slug: 'roman-numerals-to-integers',
  level: 'beginner',
  duration: 15,
  skills: ['javascript', 'python', 'java'],
  topics: ['strings', 'parsing'],
  title: 'Roman numerals to integers',
  pt: { title: 'Algarismos romanos para inteiros' },
  es: { title: 'Números romanos a enteros' },
  description: `Convert Roman numerals to integers. The symbols are I = 1, V = 5, X = 10, L = 50, C = 100, D = 500, M = 1000; a symbol written before a larger one is subtracted (IV = 4, CM = 900).

**Input**: a line with \`t\` (1 ≤ t ≤ 1 000), then \`t\` valid numerals between 1 and 3999, one per line.

**Output**: the value of each numeral, one per line.`,
  tests: [
    sample('3\nIII\nLVIII\nMCMXCIV\n', '3\n58\n1994'),
    sample('2\nIV\nXL\n', '4\n40'),
    hidden('4\nMMMCMXCIX\nCDXLIV\nIX\nMMXXVI\n', '3999\n444\n9\n2026'),
    hidden('1\nI\n', '1'),
    hidden('5\nXC\nCD\nDCCCXC\nXLIX\nMDCLXVI\n', '90\n400\n890\n49\n1666'),
  ],
  solutions: {
    [JS]: source`
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const value = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const out = data.slice(1, 1 + Number(data[0])).map((s) => {
  let total = 0;
  for (let i = 0; i < s.length; i++) total += i + 1 < s.length && value[s[i + 1]] > value[s[i]] ? -value[s[i]] : value[s[i]];
  return total;
});
console.log(out.join('\n'));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const data: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const value: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const out = data.slice(1, 1 + Number(data[0])).map((s) => {
  let total = 0;
  for (let i = 0; i < s.length; i++) total += i + 1 < s.length && value[s[i + 1]] > value[s[i]] ? -value[s[i]] : value[s[i]];
  return total;
});
console.log(out.join('\n'));
`,
    [PYTHON]: source`
import sys

value = {'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
data = sys.stdin.read().split()
out = []
for s in data[1:1 + int(data[0])]:
    total = 0
    for i, c in enumerate(s):
        v = value[c]
        total += -v if i + 1 < len(s) and value[s[i + 1]] > v else v
    out.append(str(total))
print('\n'.join(out))
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    static int value(char c) {
        switch (c) {
            case 'I': return 1;
            case 'V': return 5;
            case 'X': return 10;
            case 'L': return 50;
            case 'C': return 100;
            case 'D': return 500;
            default: return 1000;
        }
    }

    public static void main(String[] args) throws IOException {
        String[] t = new String(System.in.readAllBytes()).trim().split("\\s+");
        int n = Integer.parseInt(t[0]);
        StringBuilder out = new StringBuilder();
        for (int k = 1; k <= n; k++) {
            String s = t[k];
            int total = 0;
            for (int i = 0; i < s.length(); i++) {
                int v = value(s.charAt(i));
                total += i + 1 < s.length() && value(s.charAt(i + 1)) > v ? -v : v;
            }
            out.append(total).append('\n');
        }
        System.out.print(out);
    }
}
`,
  },
});
