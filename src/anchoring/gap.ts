/**
 * Edit distance that lets one stretch of text inside the match go free: a sentence inserted
 * inside a passage leaves the passage whole, so it must not count against the quote. And plain
 * edit distance, of a quote against a place or a word against a word. Long strings are compared
 * by distance.ts's bit-parallel `sweep`.
 */
import { reverse, sweep } from './distance.ts';

/** Characters of text, past the quote's own length, that one side of the split may use. */
const SIDE_SLACK = 16;

/** Length of the common prefix of `a` and `b`. */
function common(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * out[k] = the least edit distance between `q.slice(0, k)` and any prefix of `t`: how well the
 * text starts with the quote's first k characters (see sweep). `more(k, out[k])` is asked after
 * each column, in order; columns after a `false` are not computed (left at 0).
 */
function headDistances(q: string, t: string, more: (k: number, d: number) => boolean = () => true): Int32Array {
  const out = new Int32Array(q.length + 1);
  sweep(q, t, (k, least) => {
    out[k] = least;
    return more(k, least);
  });
  return out;
}

// Scratch rows for short comparisons (words, many of them): no allocation per call.
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

/** Edit distance between `a` and `b` (for a quote against a place found, a word against a word). */
export function editDistance(a: string, b: string): number {
  // What the two share at either end costs nothing: only the middles are compared.
  const pre = common(a, b);
  let post = 0;
  while (post < a.length - pre && post < b.length - pre && a.charCodeAt(a.length - 1 - post) === b.charCodeAt(b.length - 1 - post)) post++;
  const x = pre + post > 0 ? a.slice(pre, a.length - post) : a;
  const y = pre + post > 0 ? b.slice(pre, b.length - post) : b;
  if (x.length === 0 || y.length === 0) return x.length + y.length;
  if (y.length > 32) {
    let d = 0;
    sweep(x, y, (_k, _least, last) => ((d = last), true));
    return d;
  }
  if (prevRow.length <= y.length) [prevRow, curRow] = [new Int32Array(2 * y.length + 2), new Int32Array(2 * y.length + 2)];
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    const c = x.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (y.charCodeAt(j - 1) === c ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]!;
}

/**
 * Edit distance between `quote` and `text[start, end)` when one stretch of the text, anywhere
 * inside, is free: the least, over splits of the quote into a head and a tail, of the head's
 * distance to the text starting at `start` plus the tail's to the text ending at `end`. Each
 * side sees at most the quote's length plus a little of the text, so the two never share it
 * when the span is longer than the quote (the only case callers ask about).
 */
export function gapErrors(quote: string, text: string, start: number, end: number, inside = false): number {
  const m = quote.length;
  const reach = Math.min(end - start, m + SIDE_SLACK);
  const head = text.slice(start, start + reach);
  const tail = reverse(text.slice(end - reach, end));
  const quoteBack = reverse(quote);
  // `inside`: the stretch is within the passage, the head holding at least the quote's first
  // word and the tail its last (text past an end is another passage's, so it is not free).
  let [lo, hi] = [0, m];
  if (inside) {
    const first = /^\s*\S+/.exec(quote)?.[0].length ?? 1;
    const last = /\S+\s*$/.exec(quote)?.[0].length ?? 1;
    [lo, hi] = first + last <= m ? [first, m - last] : [Math.min(1, m), Math.max(0, m - 1)];
  }
  // One side is computed whole, the one that starts with the longer verbatim run (its rows that
  // far cost nothing). The other row by row, until it alone costs the best total found: a
  // longer piece of the quote never fits better than a shorter one, so no later split can win.
  let best = m;
  if (common(quote, head) < common(quoteBack, tail)) {
    const tailRows = headDistances(quoteBack, tail);
    headDistances(quote, head, (k, d) => {
      if (k >= lo && k <= hi) best = Math.min(best, d + tailRows[m - k]!);
      return d < best && k < hi;
    });
  } else {
    const headRows = headDistances(quote, head);
    headDistances(quoteBack, tail, (j, d) => {
      if (m - j >= lo && m - j <= hi) best = Math.min(best, headRows[m - j]! + d);
      return d < best && m - j > lo;
    });
  }
  return best;
}
