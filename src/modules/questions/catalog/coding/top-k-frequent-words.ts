import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { integers, source } from '../test-data.js';

const vocabulary = ['data', 'code', 'test', 'cloud', 'queue', 'cache', 'index', 'query', 'token', 'stream', 'node', 'graph'];
// Words in mixed case, nine to a line, with punctuation between some of them.
const manyWords = integers(41, 8000, 0, vocabulary.length * 3 - 1)
  .map((i, n) => {
    const word = vocabulary[i % vocabulary.length];
    return (i % 3 === 0 ? word.toUpperCase() : word) + ((n + 1) % 9 === 0 ? '\n' : n % 5 === 0 ? ', ' : ' ');
  })
  .join('');
export const topWords = codingQuestion({
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
