import type { CatalogQuestion } from './catalog-question.js';
import { codingQuestion, hidden, sample, CPP, JAVA, JS, PYTHON, TS } from './coding-builder.js';
import { integers, letters, source } from './test-data.js';

const list = (values: number[]) => values.join(' ');

const sumOfEvens = codingQuestion({
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

const reverseWords = codingQuestion({
  slug: 'reverse-the-words',
  level: 'beginner',
  duration: 10,
  skills: ['javascript', 'python', 'java'],
  topics: ['strings'],
  title: 'Reverse the words of a sentence',
  pt: { title: 'Inverta as palavras de uma frase' },
  es: { title: 'Invierte las palabras de una frase' },
  description: `Read one line of words and print the words in reverse order.

Words are separated by one or more spaces; the line may start or end with spaces. Print the words separated by exactly one space.

**Input**: one line with at least one word (at most 100 000 characters).

**Output**: the words, last first.

Example: \`hello   world\` → \`world hello\`.`,
  tests: [
    sample('hello world\n', 'world hello'),
    sample('  one   two three  \n', 'three two one'),
    hidden('single\n', 'single'),
    hidden('a b c d e f\n', 'f e d c b a'),
    hidden(`${Array.from({ length: 3000 }, (_, i) => `w${i}`).join('  ')}\n`, Array.from({ length: 3000 }, (_, i) => `w${2999 - i}`).join(' ')),
  ],
  solutions: {
    [JS]: source`
const words = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
console.log(words.reverse().join(' '));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const words: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
console.log(words.reverse().join(' '));
`,
    [PYTHON]: source`
import sys

print(' '.join(reversed(sys.stdin.read().split())))
`,
    [JAVA]: source`
import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        List<String> words = new ArrayList<>(Arrays.asList(new String(System.in.readAllBytes()).trim().split("\\s+")));
        Collections.reverse(words);
        System.out.println(String.join(" ", words));
    }
}
`,
  },
});

const digitalRoot = codingQuestion({
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

const palindromes = codingQuestion({
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

const brackets = codingQuestion({
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

const pairSums = codingQuestion({
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

const maxSubarray = codingQuestion({
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

const sortedForSearch = Array.from({ length: 30_000 }, (_, i) => Math.floor(i / 3) * 2);
const firstOccurrence = codingQuestion({
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

const vocabulary = ['data', 'code', 'test', 'cloud', 'queue', 'cache', 'index', 'query', 'token', 'stream', 'node', 'graph'];
// Words in mixed case, nine to a line, with punctuation between some of them.
const manyWords = integers(41, 8000, 0, vocabulary.length * 3 - 1)
  .map((i, n) => {
    const word = vocabulary[i % vocabulary.length];
    return (i % 3 === 0 ? word.toUpperCase() : word) + ((n + 1) % 9 === 0 ? '\n' : n % 5 === 0 ? ', ' : ' ');
  })
  .join('');
const topWords = codingQuestion({
  slug: 'top-k-frequent-words',
  level: 'intermediate',
  duration: 25,
  skills: ['data-structures', 'javascript', 'python', 'java'],
  topics: ['hash map', 'sorting', 'strings'],
  title: 'The k most frequent words',
  pt: { title: 'As k palavras mais frequentes' },
  es: { title: 'Las k palabras más frecuentes' },
  description: `Count the words of a text and print the \`k\` most frequent ones.

A word is a maximal run of letters \`a\`–\`z\`, compared case-insensitively (\`Apple\` and \`apple\` are the same word); everything else separates words.

**Input**: a line with \`k\` (k ≥ 1), then the text on the following lines (at least one word).

**Output**: up to \`k\` lines \`word count\`, in lowercase, most frequent first; words with the same count in alphabetical order.`,
  tests: [
    sample('2\nthe cat and the hat and the bat\n', 'the 3\nand 2'),
    sample('3\nApple apple, BANANA! cherry? apple banana\n', 'apple 3\nbanana 2\ncherry 1'),
    hidden('5\nzeta alpha\n', 'alpha 1\nzeta 1'),
    hidden('1\nb a b a c\n', 'a 2'),
    hidden('2\nit\'s 2 o\'clock\nIT IS\n', 'it 2\nclock 1'),
    hidden(`5\n${manyWords}\n`, 'token 714\nstream 697\ntest 690\nnode 680\ncloud 678'),
  ],
  solutions: {
    [JS]: source`
const input = require('fs').readFileSync(0, 'utf8');
const newline = input.indexOf('\n');
const k = parseInt(input.slice(0, newline), 10);
const counts = new Map();
for (const word of input.slice(newline + 1).toLowerCase().match(/[a-z]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
console.log(ranked.slice(0, k).map(([word, count]) => word + ' ' + count).join('\n'));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const input: string = readFileSync(0, 'utf8');
const newline = input.indexOf('\n');
const k = parseInt(input.slice(0, newline), 10);
const counts = new Map<string, number>();
for (const word of input.slice(newline + 1).toLowerCase().match(/[a-z]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
console.log(ranked.slice(0, k).map(([word, count]) => word + ' ' + count).join('\n'));
`,
    [PYTHON]: source`
import re
import sys
from collections import Counter

first, _, text = sys.stdin.read().partition('\n')
counts = Counter(re.findall(r'[a-z]+', text.lower()))
ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:int(first)]
print('\n'.join(f'{word} {count}' for word, count in ranked))
`,
    [JAVA]: source`
import java.io.*;
import java.util.*;
import java.util.regex.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String input = new String(System.in.readAllBytes());
        int newline = input.indexOf('\n');
        int k = Integer.parseInt(input.substring(0, newline).trim());
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = Pattern.compile("[a-z]+").matcher(input.substring(newline + 1).toLowerCase(Locale.ROOT));
        while (m.find()) counts.merge(m.group(), 1, Integer::sum);
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(k, ranked.size()); i++) out.append(ranked.get(i).getKey()).append(' ').append(ranked.get(i).getValue()).append('\n');
        System.out.print(out);
    }
}
`,
  },
});

/** A maze of corridors joined at alternate ends: the only path walks every row. */
function serpentineGrid(size: number): string {
  const rows = Array.from({ length: size }, (_, r) => {
    if (r % 2 === 0) return '.'.repeat(size);
    const gap = r % 4 === 1 ? size - 1 : 0;
    return Array.from({ length: size }, (_, c) => (c === gap ? '.' : '#')).join('');
  });
  rows[0] = `S${rows[0].slice(1)}`;
  rows[size - 1] = `${rows[size - 1].slice(0, -1)}E`;
  return `${size} ${size}\n${rows.join('\n')}\n`;
}

function randomGrid(seed: number, size: number): string {
  const cells = letters(seed, size * size, '...#');
  const rows = Array.from({ length: size }, (_, r) => cells.slice(r * size, (r + 1) * size));
  rows[0] = `S${rows[0].slice(1)}`;
  rows[size - 1] = `${rows[size - 1].slice(0, -1)}E`;
  return `${size} ${size}\n${rows.join('\n')}\n`;
}

const gridPath = codingQuestion({
  slug: 'shortest-path-in-a-grid',
  level: 'advanced',
  duration: 30,
  skills: ['algorithms', 'data-structures', 'javascript', 'python', 'java', 'cpp'],
  topics: ['graphs', 'breadth-first search'],
  title: 'Shortest path in a grid',
  pt: { title: 'Menor caminho em uma grade' },
  es: { title: 'Camino más corto en una cuadrícula' },
  description: `A grid has free cells \`.\`, walls \`#\`, one start \`S\` and one exit \`E\`. Each step moves up, down, left or right to a cell that is not a wall.

**Input**: a line with the number of rows \`r\` and columns \`c\` (1 ≤ r, c ≤ 1 000), then \`r\` lines of \`c\` characters.

**Output**: the fewest steps from \`S\` to \`E\`, or \`-1\` when the exit cannot be reached.`,
  tests: [
    sample('3 4\nS..#\n.#..\n...E\n', '5'),
    sample('2 2\nS#\n#E\n', '-1'),
    hidden('1 2\nSE\n', '1'),
    hidden(serpentineGrid(101), '5200'),
    hidden(randomGrid(53, 150), '298'),
  ],
  solutions: {
    [JS]: source`
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [r, c] = lines[0].trim().split(/\s+/).map(Number);
const grid = lines.slice(1, 1 + r);
const dist = new Int32Array(r * c).fill(-1);
const queue = new Int32Array(r * c);
let head = 0;
let tail = 0;
let exit = -1;
for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
  if (grid[i][j] === 'S') { dist[i * c + j] = 0; queue[tail++] = i * c + j; }
  if (grid[i][j] === 'E') exit = i * c + j;
}
while (head < tail) {
  const cell = queue[head++];
  const i = Math.floor(cell / c);
  const j = cell % c;
  for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
    const ni = i + di;
    const nj = j + dj;
    if (ni < 0 || nj < 0 || ni >= r || nj >= c || grid[ni][nj] === '#' || dist[ni * c + nj] !== -1) continue;
    dist[ni * c + nj] = dist[cell] + 1;
    queue[tail++] = ni * c + nj;
  }
}
console.log(String(dist[exit]));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const lines: string[] = readFileSync(0, 'utf8').split('\n');
const [r, c] = lines[0].trim().split(/\s+/).map(Number);
const grid = lines.slice(1, 1 + r);
const dist = new Int32Array(r * c).fill(-1);
const queue = new Int32Array(r * c);
let head = 0;
let tail = 0;
let exit = -1;
for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
  if (grid[i][j] === 'S') { dist[i * c + j] = 0; queue[tail++] = i * c + j; }
  if (grid[i][j] === 'E') exit = i * c + j;
}
const moves: Array<[number, number]> = [[1, 0], [-1, 0], [0, 1], [0, -1]];
while (head < tail) {
  const cell = queue[head++];
  const i = Math.floor(cell / c);
  const j = cell % c;
  for (const [di, dj] of moves) {
    const ni = i + di;
    const nj = j + dj;
    if (ni < 0 || nj < 0 || ni >= r || nj >= c || grid[ni][nj] === '#' || dist[ni * c + nj] !== -1) continue;
    dist[ni * c + nj] = dist[cell] + 1;
    queue[tail++] = ni * c + nj;
  }
}
console.log(String(dist[exit]));
`,
    [PYTHON]: source`
import sys
from collections import deque

lines = sys.stdin.read().split('\n')
r, c = map(int, lines[0].split())
grid = lines[1:1 + r]
dist = {}
queue = deque()
exit_cell = None
for i in range(r):
    for j in range(c):
        if grid[i][j] == 'S':
            dist[(i, j)] = 0
            queue.append((i, j))
        elif grid[i][j] == 'E':
            exit_cell = (i, j)
while queue:
    i, j = queue.popleft()
    for ni, nj in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
        if 0 <= ni < r and 0 <= nj < c and grid[ni][nj] != '#' and (ni, nj) not in dist:
            dist[(ni, nj)] = dist[(i, j)] + 1
            queue.append((ni, nj))
print(dist.get(exit_cell, -1))
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String[] size = in.readLine().trim().split("\\s+");
        int r = Integer.parseInt(size[0]), c = Integer.parseInt(size[1]);
        char[][] grid = new char[r][];
        for (int i = 0; i < r; i++) grid[i] = in.readLine().toCharArray();
        int[] dist = new int[r * c];
        java.util.Arrays.fill(dist, -1);
        int[] queue = new int[r * c];
        int head = 0, tail = 0, exit = -1;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (grid[i][j] == 'S') { dist[i * c + j] = 0; queue[tail++] = i * c + j; }
                if (grid[i][j] == 'E') exit = i * c + j;
            }
        }
        int[][] moves = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (head < tail) {
            int cell = queue[head++];
            int i = cell / c, j = cell % c;
            for (int[] m : moves) {
                int ni = i + m[0], nj = j + m[1];
                if (ni < 0 || nj < 0 || ni >= r || nj >= c || grid[ni][nj] == '#' || dist[ni * c + nj] != -1) continue;
                dist[ni * c + nj] = dist[cell] + 1;
                queue[tail++] = ni * c + nj;
            }
        }
        System.out.println(dist[exit]);
    }
}
`,
    [CPP]: source`
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r, c;
    cin >> r >> c;
    vector<string> grid(r);
    for (auto& row : grid) cin >> row;
    vector<int> dist(r * c, -1);
    queue<int> q;
    int exitCell = -1;
    for (int i = 0; i < r; i++)
        for (int j = 0; j < c; j++) {
            if (grid[i][j] == 'S') { dist[i * c + j] = 0; q.push(i * c + j); }
            if (grid[i][j] == 'E') exitCell = i * c + j;
        }
    int di[] = {1, -1, 0, 0}, dj[] = {0, 0, 1, -1};
    while (!q.empty()) {
        int cell = q.front();
        q.pop();
        int i = cell / c, j = cell % c;
        for (int k = 0; k < 4; k++) {
            int ni = i + di[k], nj = j + dj[k];
            if (ni < 0 || nj < 0 || ni >= r || nj >= c || grid[ni][nj] == '#' || dist[ni * c + nj] != -1) continue;
            dist[ni * c + nj] = dist[cell] + 1;
            q.push(ni * c + nj);
        }
    }
    cout << dist[exitCell] << "\n";
    return 0;
}
`,
  },
});

const mergeIntervals = codingQuestion({
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

/** Runs of 1 to 30 letters, each run's letter different from the one before: the text and its encoding. */
function letterRuns(seed: number, runs: number): { text: string; encoded: string } {
  const lengths = integers(seed, runs, 1, 30);
  const steps = integers(seed + 1, runs, 1, 25);
  let letter = 0;
  const parts = lengths.map((length, i) => {
    letter = (letter + steps[i]) % 26;
    return { letter: String.fromCharCode(97 + letter), length };
  });
  return { text: parts.map((p) => p.letter.repeat(p.length)).join(''), encoded: parts.map((p) => `${p.letter}${p.length}`).join('') };
}
const manyRuns = letterRuns(61, 4000);

const runLength = codingQuestion({
  slug: 'run-length-encoding',
  level: 'beginner',
  duration: 15,
  skills: ['javascript', 'python', 'java', 'algorithms'],
  topics: ['strings', 'compression'],
  title: 'Run-length encoding',
  pt: { title: 'Codificação run-length' },
  es: { title: 'Codificación run-length' },
  description: `Compress a string by writing each run of equal letters as the letter followed by the run's length.

**Input**: one line of lowercase letters (1 to 200 000 of them).

**Output**: the encoded string.

Example: \`aaabcc\` → \`a3b1c2\`.`,
  tests: [
    sample('aaabcc\n', 'a3b1c2'),
    sample('abc\n', 'a1b1c1'),
    hidden('z\n', 'z1'),
    hidden('aaaaaaaaaaaa\n', 'a12'),
    hidden(`${manyRuns.text}\n`, manyRuns.encoded),
  ],
  solutions: {
    [JS]: source`
const s = require('fs').readFileSync(0, 'utf8').trim();
const out = [];
for (let i = 0; i < s.length; ) {
  let j = i;
  while (j < s.length && s[j] === s[i]) j++;
  out.push(s[i] + (j - i));
  i = j;
}
console.log(out.join(''));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const s: string = readFileSync(0, 'utf8').trim();
const out: string[] = [];
for (let i = 0; i < s.length; ) {
  let j = i;
  while (j < s.length && s[j] === s[i]) j++;
  out.push(s[i] + (j - i));
  i = j;
}
console.log(out.join(''));
`,
    [PYTHON]: source`
import sys
from itertools import groupby

s = sys.stdin.read().strip()
print(''.join(f'{letter}{len(list(run))}' for letter, run in groupby(s)))
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        String s = new String(System.in.readAllBytes()).trim();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int j = i;
            while (j < s.length() && s.charAt(j) == s.charAt(i)) j++;
            out.append(s.charAt(i)).append(j - i);
            i = j;
        }
        System.out.println(out);
    }
}
`,
  },
});

const roman = codingQuestion({
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

function landGrid(seed: number, size: number): string {
  const cells = letters(seed, size * size, '0011100');
  return `${size} ${size}\n${Array.from({ length: size }, (_, r) => cells.slice(r * size, (r + 1) * size)).join('\n')}\n`;
}

const islands = codingQuestion({
  slug: 'count-the-islands',
  level: 'intermediate',
  duration: 25,
  skills: ['algorithms', 'data-structures', 'javascript', 'python', 'java', 'cpp'],
  topics: ['graphs', 'flood fill'],
  title: 'Count the islands',
  pt: { title: 'Conte as ilhas' },
  es: { title: 'Cuenta las islas' },
  description: `A map is a grid of land \`1\` and water \`0\`. An island is a group of land cells connected up, down, left or right (not diagonally).

**Input**: a line with \`r\` and \`c\` (1 ≤ r, c ≤ 1 000), then \`r\` lines of \`c\` digits.

**Output**: the number of islands. Large maps can have islands of hundreds of thousands of cells: a recursive flood fill may overflow the stack.`,
  tests: [
    sample('4 5\n11000\n11000\n00100\n00011\n', '3'),
    sample('3 3\n101\n010\n101\n', '5'),
    hidden('1 1\n0\n', '0'),
    hidden('2 3\n111\n111\n', '1'),
    hidden(landGrid(71, 300), '8702'),
    hidden(`300 300\n${Array.from({ length: 300 }, () => '1'.repeat(300)).join('\n')}\n`, '1'),
  ],
  solutions: {
    [JS]: source`
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [r, c] = lines[0].trim().split(/\s+/).map(Number);
const land = new Uint8Array(r * c);
for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) land[i * c + j] = lines[1 + i][j] === '1' ? 1 : 0;
const stack = new Int32Array(r * c);
let islands = 0;
for (let start = 0; start < r * c; start++) {
  if (!land[start]) continue;
  islands++;
  land[start] = 0;
  let top = 0;
  stack[top++] = start;
  while (top > 0) {
    const cell = stack[--top];
    const i = Math.floor(cell / c);
    const j = cell % c;
    const next = [i > 0 ? cell - c : -1, i < r - 1 ? cell + c : -1, j > 0 ? cell - 1 : -1, j < c - 1 ? cell + 1 : -1];
    for (const n of next) if (n >= 0 && land[n]) { land[n] = 0; stack[top++] = n; }
  }
}
console.log(String(islands));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const lines: string[] = readFileSync(0, 'utf8').split('\n');
const [r, c] = lines[0].trim().split(/\s+/).map(Number);
const land = new Uint8Array(r * c);
for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) land[i * c + j] = lines[1 + i][j] === '1' ? 1 : 0;
const stack = new Int32Array(r * c);
let islands = 0;
for (let start = 0; start < r * c; start++) {
  if (!land[start]) continue;
  islands++;
  land[start] = 0;
  let top = 0;
  stack[top++] = start;
  while (top > 0) {
    const cell = stack[--top];
    const i = Math.floor(cell / c);
    const j = cell % c;
    const next = [i > 0 ? cell - c : -1, i < r - 1 ? cell + c : -1, j > 0 ? cell - 1 : -1, j < c - 1 ? cell + 1 : -1];
    for (const n of next) if (n >= 0 && land[n]) { land[n] = 0; stack[top++] = n; }
  }
}
console.log(String(islands));
`,
    [PYTHON]: source`
import sys

lines = sys.stdin.read().split('\n')
r, c = map(int, lines[0].split())
land = [list(lines[1 + i][:c]) for i in range(r)]
islands = 0
for si in range(r):
    for sj in range(c):
        if land[si][sj] != '1':
            continue
        islands += 1
        land[si][sj] = '0'
        stack = [(si, sj)]
        while stack:
            i, j = stack.pop()
            for ni, nj in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if 0 <= ni < r and 0 <= nj < c and land[ni][nj] == '1':
                    land[ni][nj] = '0'
                    stack.append((ni, nj))
print(islands)
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String[] size = in.readLine().trim().split("\\s+");
        int r = Integer.parseInt(size[0]), c = Integer.parseInt(size[1]);
        boolean[] land = new boolean[r * c];
        for (int i = 0; i < r; i++) {
            String line = in.readLine();
            for (int j = 0; j < c; j++) land[i * c + j] = line.charAt(j) == '1';
        }
        int[] stack = new int[r * c];
        int islands = 0;
        for (int start = 0; start < r * c; start++) {
            if (!land[start]) continue;
            islands++;
            land[start] = false;
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int cell = stack[--top];
                int i = cell / c, j = cell % c;
                int[] next = {i > 0 ? cell - c : -1, i < r - 1 ? cell + c : -1, j > 0 ? cell - 1 : -1, j < c - 1 ? cell + 1 : -1};
                for (int n : next) {
                    if (n >= 0 && land[n]) {
                        land[n] = false;
                        stack[top++] = n;
                    }
                }
            }
        }
        System.out.println(islands);
    }
}
`,
    [CPP]: source`
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r, c;
    cin >> r >> c;
    vector<string> grid(r);
    for (auto& row : grid) cin >> row;
    int islands = 0;
    vector<pair<int, int>> stack;
    for (int si = 0; si < r; si++)
        for (int sj = 0; sj < c; sj++) {
            if (grid[si][sj] != '1') continue;
            islands++;
            grid[si][sj] = '0';
            stack.push_back({si, sj});
            while (!stack.empty()) {
                auto [i, j] = stack.back();
                stack.pop_back();
                int di[] = {1, -1, 0, 0}, dj[] = {0, 0, 1, -1};
                for (int k = 0; k < 4; k++) {
                    int ni = i + di[k], nj = j + dj[k];
                    if (ni >= 0 && nj >= 0 && ni < r && nj < c && grid[ni][nj] == '1') {
                        grid[ni][nj] = '0';
                        stack.push_back({ni, nj});
                    }
                }
            }
        }
    cout << islands << "\n";
    return 0;
}
`,
  },
});

const longestUnique = codingQuestion({
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

/** The coding questions of the starter catalog: stdin → stdout, sample and hidden tests, a reference solution per allowed language. */
export const codingQuestions: CatalogQuestion[] = [
  sumOfEvens,
  reverseWords,
  digitalRoot,
  palindromes,
  brackets,
  pairSums,
  maxSubarray,
  firstOccurrence,
  topWords,
  gridPath,
  mergeIntervals,
  runLength,
  roman,
  islands,
  longestUnique,
];
