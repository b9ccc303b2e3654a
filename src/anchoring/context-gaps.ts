/**
 * Where the stored context still stands with the quote gone from between it. A passage that was
 * deleted or rewritten leaves its context behind: the prefix, then a gap of other words (or of
 * none), then the suffix. Finding that near the expected place says the passage was there, so
 * a copy of it elsewhere (a repeated sentence, an abstract quoting the body) is not the passage.
 */
import { endDistances, WORD } from './distance.ts';
import { EDGE } from './types.ts';

/** The context patterns and the text they are looked for in. */
export interface GapProbe {
  text: string;
  exact: string;
  /** Context patterns: at most WORD characters, with EDGE where the text ended. */
  prefix: string;
  suffix: string;
}

/** A place where the prefix ends at `start` and the suffix starts at `end`. */
export interface ContextGap {
  start: number;
  end: number;
  /** Edit distance of the prefix and the suffix patterns there, together. */
  errors: number;
}

// Share of the context patterns that may differ, together and on each side: most context is left
// as it was (a word or two replaced, or on one side a few characters of a deleted sentence),
// while two runs of 32 characters found together by chance differ in far more than this.
const CONTEXT_ERRORS = 1 / 4;
const SIDE_ERRORS = 1 / 3;
// Shortest context pattern worth looking for: shorter ones occur by chance.
const MIN_PATTERN = 16;
// Characters prefix and suffix may share.
const OVERLAP = 2;

/** The best place of each run of places within `k` errors: one per occurrence. */
function minima(d: Int32Array, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) {
    if (d[i]! > k) continue;
    let j = i;
    let best = i;
    while (j + 1 < d.length && d[j + 1]! <= k) {
      j++;
      if (d[j]! < d[best]!) best = j;
    }
    out.push(best);
    i = j;
  }
  return out;
}

/**
 * Places in `text[lo, hi)` where the prefix pattern ends and, at most `maxGap` characters
 * later, the suffix pattern starts, each nearly verbatim (see CONTEXT_ERRORS). Empty where a
 * pattern is at the edge of the text or too short to tell.
 */
export function contextGaps(p: GapProbe, lo: number, hi: number, maxGap: number): ContextGap[] {
  const { prefix, suffix } = p;
  if (prefix.length < MIN_PATTERN || suffix.length < MIN_PATTERN || prefix.includes(EDGE) || suffix.includes(EDGE)) return [];
  if (prefix.length > WORD || suffix.length > WORD) return [];
  const a = Math.max(0, lo);
  const b = Math.min(p.text.length, hi);
  if (b <= a) return [];
  const window = p.text.slice(a, b);
  // pre[i]: the prefix ending at a + i. The suffix is looked for only after the places found
  // (rarely more than one), ending where it would: it is taken to start its length before its
  // end, a few characters off where its own words were edited, which the gap's length allows.
  const pre = endDistances(prefix, window);
  const ends = minima(pre, Math.floor(prefix.length * SIDE_ERRORS));
  const allowed = Math.floor((prefix.length + suffix.length) * CONTEXT_ERRORS);
  const found: ContextGap[] = [];
  for (const x of ends) {
    // The two may share the white space between them where nothing is left.
    const from = Math.max(0, a + x - OVERLAP);
    const post = endDistances(suffix, p.text.slice(from, Math.min(p.text.length, a + x + maxGap + suffix.length + 1)));
    let best = -1;
    for (const e of minima(post, Math.floor(suffix.length * SIDE_ERRORS))) {
      const y = from + e - suffix.length - (a + x);
      if (y < -OVERLAP || y > maxGap) continue;
      if (best < 0 || post[e]! < post[best]!) best = e;
    }
    if (best >= 0 && pre[x]! + post[best]! <= allowed) {
      found.push({ start: a + x, end: Math.max(a + x, from + best - suffix.length), errors: pre[x]! + post[best]! });
    }
  }
  return found;
}
