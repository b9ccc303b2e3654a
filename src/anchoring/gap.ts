/**
 * Edit distance that lets one stretch of text inside the match go free: a sentence inserted
 * inside a passage leaves the passage whole, so it must not count against the quote.
 */
import { reverse } from './distance.ts';

/** Characters of text, past the quote's own length, that one side of the split may use. */
const SIDE_SLACK = 16;

/**
 * out[k] = the least edit distance between `q.slice(0, k)` and any prefix of `t`: how well the
 * text starts with the quote's first k characters (plain dynamic programming, O(|q|·|t|)).
 */
function headDistances(q: string, t: string): Int32Array {
  const n = t.length;
  const out = new Int32Array(q.length + 1);
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  out[0] = 0;
  for (let i = 1; i <= q.length; i++) {
    const c = q.charCodeAt(i - 1);
    cur[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (t.charCodeAt(j - 1) === c ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    out[i] = best;
    [prev, cur] = [cur, prev];
  }
  return out;
}

/** Plain edit distance between `a` and `b` (O(|a|·|b|); for a quote against a place found). */
export function editDistance(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const c = a.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (b.charCodeAt(j - 1) === c ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
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
  const head = headDistances(quote, text.slice(start, start + reach));
  const tail = headDistances(reverse(quote), reverse(text.slice(end - reach, end)));
  // `inside`: the stretch is within the passage, the head holding at least the quote's first
  // word and the tail its last (text past an end is another passage's, so it is not free).
  let [lo, hi] = [0, m];
  if (inside) {
    const first = /^\s*\S+/.exec(quote)?.[0].length ?? 1;
    const last = /\S+\s*$/.exec(quote)?.[0].length ?? 1;
    [lo, hi] = first + last <= m ? [first, m - last] : [Math.min(1, m), Math.max(0, m - 1)];
  }
  let best = m;
  for (let k = lo; k <= hi; k++) best = Math.min(best, head[k]! + tail[m - k]!);
  return best;
}
