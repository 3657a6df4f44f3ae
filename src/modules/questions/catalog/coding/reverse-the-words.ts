import { codingQuestion, hidden, sample, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { source } from '../test-data.js';

export const reverseWords = codingQuestion({
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
