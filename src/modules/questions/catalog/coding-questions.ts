import type { CatalogQuestion } from './catalog-question.js';
import { sumOfEvens } from './coding/sum-of-even-numbers.js';
import { reverseWords } from './coding/reverse-the-words.js';
import { digitalRoot } from './coding/digital-root.js';
import { palindromes } from './coding/palindrome-phrases.js';
import { brackets } from './coding/balanced-brackets.js';
import { pairSums } from './coding/count-pairs-with-sum.js';
import { maxSubarray } from './coding/maximum-subarray-sum.js';
import { firstOccurrence } from './coding/first-occurrence-binary-search.js';
import { topWords } from './coding/top-k-frequent-words.js';
import { gridPath } from './coding/shortest-path-in-a-grid.js';
import { mergeIntervals } from './coding/merge-overlapping-intervals.js';
import { runLength } from './coding/run-length-encoding.js';
import { roman } from './coding/roman-numerals-to-integers.js';
import { islands } from './coding/count-the-islands.js';
import { longestUnique } from './coding/longest-substring-without-repeats.js';

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
