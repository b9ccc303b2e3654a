/**
 * Where a found passage really starts and ends. An approximate match places the quote's middle
 * well but its ends poorly: an edited first or last word costs the aligner the same whether it
 * is matched, skipped or half-matched, so matches often start or end mid-word or stop short of
 * an edited edge; a sentence inserted inside the passage leaves only its larger part matched.
 * Each end is therefore placed again by aligning what should meet there, the stored context on
 * one side and the quote's first (or last) characters on the other, against the text around
 * the match, then moved out to a word boundary where the original had one.
 */
import { endDistances, WORD } from './distance.ts';

/** Stands for the start or end of the text in context patterns; never occurs in documents. */
export const EDGE = '\u0000';

/** What is known about the passage's ends. */
export interface EdgeProbe {
  text: string;
  exact: string;
  /** Context patterns: at most WORD characters, with EDGE where the text ended. */
  prefix: string;
  suffix: string;
}

// Context windows are a little longer than the context, for edits inside it.
const SLACK = 8;
// How far an end may move when the match is nearly whole: an edited edge word or two.
const NEAR_EDGE = 32;
// How far an end may move past an inserted sentence (longer insertions are rare in revisions).
const MAX_GAP = 600;
// A far end must agree this much better than the best near one: near ends are the default.
const GAP_MARGIN = 4;
// Words longer than this are not snapped to (a URL or a run of digits, not an edited word).
const MAX_SNAP = 40;

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Letters and digits: a boundary between two of them is inside a word. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Disagreement of the passage starting at each x in [lo, hi]: the prefix against the text
 * ending at x plus the quote's first characters against the text starting at x.
 */
function startCosts(p: EdgeProbe, lo: number, hi: number): Int32Array {
  const from = lo - p.prefix.length - SLACK;
  const edge = from <= 0 ? EDGE : '';
  const before = edge + p.text.slice(Math.max(0, from), hi);
  const pre = endDistances(p.prefix, before);
  const shift = edge.length - Math.max(0, from);
  const head = p.exact.slice(0, WORD);
  const after = p.text.slice(lo, hi + head.length + SLACK);
  // Matching the head from x onwards is matching it reversed, ending at x, in reversed text.
  const rev = endDistances(reverse(head), reverse(after));
  const costs = new Int32Array(hi - lo + 1);
  for (let x = lo; x <= hi; x++) costs[x - lo] = pre[x + shift]! + rev[after.length - (x - lo)]!;
  return costs;
}

/** Disagreement of the passage ending at each y in [lo, hi] (mirror of startCosts). */
function endCosts(p: EdgeProbe, lo: number, hi: number): Int32Array {
  const tail = p.exact.slice(-WORD);
  const from = Math.max(0, lo - tail.length - SLACK);
  const before = p.text.slice(from, hi);
  const pre = endDistances(tail, before);
  const to = hi + p.suffix.length + SLACK;
  const after = p.text.slice(lo, to) + (to >= p.text.length ? EDGE : '');
  const rev = endDistances(reverse(p.suffix), reverse(after));
  const costs = new Int32Array(hi - lo + 1);
  for (let y = lo; y <= hi; y++) costs[y - lo] = pre[y - from]! + rev[after.length - (y - lo)]!;
  return costs;
}

/**
 * The best place in [lo, hi] by `costs`: in the near range [nearLo, nearHi] unless a place
 * outside it is clearly better. Ties go outward (`outward` is -1 for starts, 1 for ends): a
 * word that could belong to the passage or to its context is covered, so that a highlight
 * covers the whole edited passage.
 */
function best(costs: Int32Array, lo: number, nearLo: number, nearHi: number, outward: -1 | 1): number {
  let near = -1;
  let far = -1;
  for (let i = 0; i < costs.length; i++) {
    const x = lo + i;
    const c = costs[i]!;
    if (x >= nearLo && x <= nearHi) {
      if (near < 0 || c < costs[near - lo]! || (c === costs[near - lo]! && outward * (x - near) > 0)) near = x;
    } else if (far < 0 || c < costs[far - lo]! || (c === costs[far - lo]! && Math.abs(x - nearLo) < Math.abs(far - nearLo))) {
      far = x;
    }
  }
  if (far >= 0 && (near < 0 || costs[far - lo]! + GAP_MARGIN <= costs[near - lo]!)) return far;
  return near;
}

/**
 * Place again the ends of a match [start, end): each end whose stored context does not meet it
 * verbatim is moved to where context and quote agree best, within a word or two or, with
 * `gap` (the match may have lost part of the quote to an inserted sentence), past an
 * insertion; then out to a word boundary where the original started or ended at one.
 */
export function refineEdges(p: EdgeProbe, start: number, end: number, withGap: boolean): { start: number; end: number } {
  const { text } = p;
  const gap = withGap ? MAX_GAP : 0;
  let s = start;
  let e = end;
  const before = (start === 0 ? EDGE : '') + text.slice(Math.max(0, start - p.prefix.length), start);
  if (!before.endsWith(p.prefix)) {
    const lo = Math.max(0, start - NEAR_EDGE - gap);
    const nearHi = Math.min(end - 1, start + NEAR_EDGE);
    s = best(startCosts(p, lo, nearHi), lo, Math.max(0, start - NEAR_EDGE), nearHi, -1);
  }
  const after = text.slice(end, end + p.suffix.length) + (end + p.suffix.length >= text.length ? EDGE : '');
  if (!after.startsWith(p.suffix)) {
    const nearLo = Math.max(s + 1, end - NEAR_EDGE);
    const hi = Math.min(text.length, end + NEAR_EDGE + gap);
    e = best(endCosts(p, nearLo, hi), nearLo, nearLo, Math.min(text.length, end + NEAR_EDGE), 1);
  }
  // Out to word boundaries, where the original had them: a highlight never cuts a word the
  // quote held whole.
  const q = p.exact;
  if (!(isWordChar(p.prefix[p.prefix.length - 1]) && isWordChar(q[0]))) {
    let x = s;
    while (x > 0 && s - x <= MAX_SNAP && isWordChar(text[x - 1]) && isWordChar(text[x])) x--;
    if (s - x <= MAX_SNAP) s = x;
  }
  if (!(isWordChar(q[q.length - 1]) && isWordChar(p.suffix[0]))) {
    let y = e;
    while (y < text.length && y - e <= MAX_SNAP && isWordChar(text[y - 1]) && isWordChar(text[y])) y++;
    if (y - e <= MAX_SNAP) e = y;
  }
  return e > s ? { start: s, end: e } : { start, end };
}
