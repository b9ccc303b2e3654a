/**
 * Edge repair word by word. edges.ts places a passage's ends by aligning characters, so where
 * the edge word and the context word beside it were both edited, letters shared by chance
 * decide which side a word goes to ("agents. Investigating" edited to "and. about
 * Investigating": "and. about" is nearer "agents." than "and." is, so "about" went to the
 * context). Here each end that the context did not meet verbatim is placed again among the
 * nearby word boundaries, by whole words: the context's nearest words and the quote's first (or
 * last) words aligned with the text's, a word kept (up to a typo or two) costing nothing and a
 * word replaced, added or dropped costing one. Of equal costs, the place where the punctuation
 * around the edge is as it was wins (an edit of an edge word keeps the punctuation after it: in
 * "groups, Kazakhs were", "Kazakhs" is not the passage's), then the outer one: a word that may
 * belong to the passage or to its context is covered, as edges.ts does for characters.
 */
import { sameWord } from './words.ts';
import { EDGE } from './types.ts';

/** Words of context and of quote compared at each end. */
const K = 3;
/** Word boundaries tried on each side of the end found. */
const REACH = 2;

/** Runs of other than white space in `s`, as [start, end) offsets. */
function tokens(s: string): Array<[number, number]> {
  return [...s.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Least cost of aligning all of `pattern` with a run of `text` that starts at text[0] (words kept
 * cost 0; replaced, added or dropped, 1): how well the text beside a boundary holds the words
 * that should be there.
 */
function align(pattern: readonly string[], text: readonly string[]): number {
  let prev = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i++) {
    const cur = [i];
    for (let j = 1; j <= text.length; j++) {
      const keep = sameWord(pattern[i - 1]!, text[j - 1]!) > 0 ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + keep);
    }
    prev = cur;
  }
  return Math.min(...prev);
}

/** The punctuation that leads (`lead`) or trails a word: kept by an edit of the word's letters. */
function punct(word: string | undefined, lead: boolean): string {
  if (word === undefined) return '';
  return (lead ? /^[^\p{L}\p{N}]*/u : /[^\p{L}\p{N}]*$/u).exec(word)![0];
}

/** What the edge repair needs to know: the text, the quote and its context patterns. */
export interface WordProbe {
  text: string;
  exact: string;
  /** Context patterns, with EDGE where the text ended. */
  prefix: string;
  suffix: string;
}

/** The words of `s` (white-space separated), dropping a first (`cutFirst`) or last word that
 * the context's length cut in two. */
function wordsOf(s: string, cutFirst: boolean): string[] {
  const clean = s.split(EDGE).join(' ');
  const w = clean.split(/\s+/).filter(Boolean);
  if (cutFirst && w.length && !/^\s/.test(clean) && !s.startsWith(EDGE)) w.shift();
  if (!cutFirst && w.length && !/\s$/.test(clean) && !s.endsWith(EDGE)) w.pop();
  return w;
}

/**
 * The start `s` of a passage placed again among the word boundaries within REACH words of it,
 * before `e`. Only where the original started between words (white space before, a word after)
 * and the prefix does not meet `s` verbatim; else `s` as it was.
 */
export function repairStart(p: WordProbe, s: number, e: number): number {
  const { text } = p;
  if (!/\s$/.test(p.prefix) || /^\s/.test(p.exact) || (s > 0 && !/\s/.test(text[s - 1]!))) return s;
  const head = p.exact.split(/\s+/).filter(Boolean).slice(0, K);
  if (text.slice(Math.max(0, s - p.prefix.length), s) === p.prefix && text.startsWith(head.join(' '), s)) return s;
  const before = wordsOf(p.prefix, true).slice(-K).reverse();
  const from = Math.max(0, s - 200);
  const near = tokens(text.slice(from, Math.min(text.length, e, s + 200))).map(([a, b]) => [from + a, from + b] as [number, number]);
  const at = near.findIndex(([a]) => a === s);
  if (at < 0) return s;
  const word = (i: number) => text.slice(near[i]![0], near[i]![1]);
  let best = s;
  let bestCost = Infinity;
  let bestPunct = Infinity;
  let contextFound = false;
  for (let i = Math.max(0, at - REACH); i <= Math.min(near.length - 1, at + REACH); i++) {
    const outside: string[] = [];
    for (let j = i - 1; j >= 0 && outside.length < K + REACH; j--) outside.push(word(j));
    const inside: string[] = [];
    for (let j = i; j < near.length && inside.length < K + REACH; j++) inside.push(word(j));
    const context = align(before, outside);
    contextFound ||= context < before.length;
    const cost = context + align(head, inside);
    const misplaced = Number(punct(before[0], false) !== punct(outside[0], false)) + Number(punct(head[0], true) !== punct(inside[0], true));
    // Ties go outward: candidates come from the outside in, so only a better one replaces.
    if (cost < bestCost || (cost === bestCost && misplaced < bestPunct)) [best, bestCost, bestPunct] = [near[i]![0], cost, misplaced];
  }
  // No word of the context anywhere near (it was rewritten or deleted): nothing to go by.
  return contextFound ? best : s;
}

/** The end `e` placed again, after `s` (mirror of repairStart). */
export function repairEnd(p: WordProbe, s: number, e: number): number {
  const { text } = p;
  if (!/^\s/.test(p.suffix) || /\s$/.test(p.exact) || (e < text.length && !/\s/.test(text[e]!))) return e;
  const tail = p.exact.split(/\s+/).filter(Boolean).slice(-K).reverse();
  if (text.slice(e, e + p.suffix.length) === p.suffix && text.slice(0, e).endsWith([...tail].reverse().join(' '))) return e;
  const after = wordsOf(p.suffix, false).slice(0, K);
  const from = Math.max(0, s, e - 200);
  const near = tokens(text.slice(from, Math.min(text.length, e + 200))).map(([a, b]) => [from + a, from + b] as [number, number]);
  const at = near.findIndex(([, b]) => b === e);
  if (at < 0) return e;
  const word = (i: number) => text.slice(near[i]![0], near[i]![1]);
  let best = e;
  let bestCost = Infinity;
  let bestPunct = Infinity;
  let contextFound = false;
  for (let i = Math.min(near.length - 1, at + REACH); i >= Math.max(0, at - REACH); i--) {
    const inside: string[] = [];
    for (let j = i; j >= 0 && inside.length < K + REACH; j--) inside.push(word(j));
    const outside: string[] = [];
    for (let j = i + 1; j < near.length && outside.length < K + REACH; j++) outside.push(word(j));
    const context = align(after, outside);
    contextFound ||= context < after.length;
    const cost = align(tail, inside) + context;
    const misplaced = Number(punct(tail[0], false) !== punct(inside[0], false)) + Number(punct(after[0], true) !== punct(outside[0], true));
    if (cost < bestCost || (cost === bestCost && misplaced < bestPunct)) [best, bestCost, bestPunct] = [near[i]![1], cost, misplaced];
  }
  return contextFound ? best : e;
}
