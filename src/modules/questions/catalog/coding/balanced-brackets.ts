import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { source } from '../test-data.js';

export const brackets = codingQuestion({
  slug: 'balanced-brackets',
  level: 'intermediate',
  duration: 20,
  skills: ['data-structures', 'algorithms', 'javascript', 'python', 'java'],
  topics: ['stack'],
  title: 'Balanced brackets',
  pt: { title: 'Colchetes balanceados' },
  es: { title: 'Corchetes balanceados' },
  description: `A string of brackets \`()[]{}\` is balanced when every opening bracket is closed by the matching bracket, in the right order.

**Input**: a line with \`t\` (1 ≤ t ≤ 100), then \`t\` lines, each a non-empty string of the six bracket characters (up to 100 000 characters).

**Output**: \`YES\` or \`NO\` for each string.

Example: \`([]{})\` is balanced, \`(]\` and \`((\` are not.`,
  tests: [
    sample('4\n()\n([]{})\n(]\n((\n', 'YES\nYES\nNO\nNO'),
    sample('2\n{[()()]}\n)(\n', 'YES\nNO'),
    hidden('3\n[\n]\n{}[]()\n', 'NO\nNO\nYES'),
    hidden(`1\n${'('.repeat(30_000)}${')'.repeat(30_000)}\n`, 'YES'),
    hidden(`2\n${'(['.repeat(20_000)}${'])'.repeat(20_000)}\n${'('.repeat(30_000)}]\n`, 'YES\nNO'),
  ],
  solutions: {
    [JS]: source`
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const opening = { ')': '(', ']': '[', '}': '{' };
const out = [];
for (const s of data.slice(1, 1 + Number(data[0]))) {
  const stack = [];
  let ok = true;
  for (const c of s) {
    if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (stack.pop() !== opening[c]) {
      ok = false;
      break;
    }
  }
  out.push(ok && stack.length === 0 ? 'YES' : 'NO');
}
console.log(out.join('\n'));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const data: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const opening: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const out: string[] = [];
for (const s of data.slice(1, 1 + Number(data[0]))) {
  const stack: string[] = [];
  let ok = true;
  for (const c of s) {
    if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (stack.pop() !== opening[c]) {
      ok = false;
      break;
    }
  }
  out.push(ok && stack.length === 0 ? 'YES' : 'NO');
}
console.log(out.join('\n'));
`,
    [PYTHON]: source`
import sys

data = sys.stdin.read().split()
opening = {')': '(', ']': '[', '}': '{'}
out = []
for s in data[1:1 + int(data[0])]:
    stack = []
    ok = True
    for c in s:
        if c in '([{':
            stack.append(c)
        elif not stack or stack.pop() != opening[c]:
            ok = False
            break
    out.append('YES' if ok and not stack else 'NO')
print('\n'.join(out))
`,
    [JAVA]: source`
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String[] t = new String(System.in.readAllBytes()).trim().split("\\s+");
        int n = Integer.parseInt(t[0]);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            ArrayDeque<Character> stack = new ArrayDeque<>();
            boolean ok = true;
            for (char c : t[i].toCharArray()) {
                if (c == '(' || c == '[' || c == '{') {
                    stack.push(c);
                    continue;
                }
                char want = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (stack.isEmpty() || stack.pop() != want) {
                    ok = false;
                    break;
                }
            }
            out.append(ok && stack.isEmpty() ? "YES" : "NO").append('\n');
        }
        System.out.print(out);
    }
}
`,
  },
});
