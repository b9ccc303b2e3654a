/**
 * How much of a quote survives in a place, word by word. Edit distance undercounts rewritten
 * text: a replacement word shares letters with the old one by chance ("Kazakhstani citizens"
 * and "state citizens" are 8 edits apart, 60% alike), so a passage most of whose words were
 * replaced can still look similar enough. Counting the quote's words that are still there,
 * each up to a typo or two, measures what a reader would call the passage surviving.
 */
import { editDistance } from './gap.ts';

// Counts per UTF-16 code unit, zero between calls.
const counts = new Int32Array(65536);

/** Size of the common multiset of `a`'s and `b`'s characters. */
function shared(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)]!++;
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (counts[c]! > 0) {
      counts[c]!--;
      n++;
    }
  }
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)] = 0;
  return n;
}

/** Characters of the word `a` left in `b` when `b` is `a` edited (a typo, a hyphen dropped, a
 * part of a compound changed: at most half of it), else 0: a replacement. */
export function sameWord(a: string, b: string): number {
  if (a === b) return a.length;
  const allowed = Math.max(1, a.length >> 1);
  if (Math.abs(a.length - b.length) > allowed) return 0;
  // Each edit leaves at most one more character without its like in the other word, so fewer
  // shared characters than the longer word less `allowed` rule out an edit, without aligning
  // (the word check compares every word of a quote with every word of its place).
  if (Math.max(a.length, b.length) - shared(a, b) > allowed) return 0;
  const d = editDistance(a, b);
  return d <= allowed ? a.length - d : 0;
}

/**
 * Whether `b` is the word `a` kept, up to a typo or two (one edit in a word of up to five
 * characters, two up to eight, ...; two letters swapped count as one): stricter than sameWord,
 * which also takes a word with half of it changed. Where a passage's edge is placed, the question
 * is whether the context word is still there: "the" for "that", "member," for "Center," or
 * "counter-goals" for "counter-propaganda" are other words, and words beside them are their edit.
 */
export function keptWord(a: string, b: string): boolean {
  if (a === b) return true;
  const allowed = Math.max(1, Math.floor(a.length / 3));
  if (Math.abs(a.length - b.length) > allowed) return false;
  let d = editDistance(a, b);
  if (d === 2 && a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i++;
    if (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) d = 1;
  }
  return d <= allowed;
}

/** Words of `s` (runs of other than white space), each with the white space before it. */
function words(s: string): Array<{ word: string; weight: number }> {
  const out: Array<{ word: string; weight: number }> = [];
  let last = 0;
  for (const m of s.matchAll(/\S+/g)) {
    const end = m.index + m[0].length;
    out.push({ word: m[0], weight: end - last });
    last = end;
  }
  return out;
}

/**
 * Share of `quote`'s characters in words found, in order, among the words of `place` (a longest
 * common subsequence of words; a word counts with the white space before it, less its edits), as the bench's truth rule counts the characters of a passage that are left.
 */
export function survivingShare(quote: string, place: string): number {
  const q = words(quote);
  const w = words(place).map((x) => x.word);
  const total = q.reduce((n, x) => n + x.weight, 0);
  if (total === 0) return 1;
  let prev = new Float64Array(w.length + 1);
  let cur = new Float64Array(w.length + 1);
  for (const { word, weight } of q) {
    for (let j = 1; j <= w.length; j++) {
      const same = sameWord(word, w[j - 1]!);
      cur[j] = Math.max(prev[j]!, cur[j - 1]!, prev[j - 1]! + (same > 0 ? weight - (word.length - same) : 0));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[w.length]! / total;
}
