/**
 * Anchoring a text's passages together. Each passage is anchored on its own first (anchor.ts),
 * expected near its stored position, scaled to the text's new length. Text added or removed
 * before a passage (a preface, a section cut) moves it further than that guess, and a phrase it
 * shares with other text near the guessed place then looks like the passage edited where it
 * was: the passage is orphaned as ambiguous. The passages found for sure, at their stored
 * position or by their exact quote with its context, tell how far the text moved around them:
 * an orphan is tried once more, expected where most of its nearest sure neighbours say the text
 * moved (ADR 0015). The rules that tell a passage from its copies are the same; only the
 * expected place is better.
 */
import { anchor, expectedStart, MIN_SCORE, selectorsOf } from './anchor.ts';
import { NO_END, NOT_SIMILAR, QUOTE_NOT_FOUND, TOO_LITTLE } from './choose.ts';
import { DRIFT } from './probe.ts';
import type { Anchor, AnchorOptions, Selector } from './types.ts';

// Sure passages whose shifts say how far the text moved around a passage.
const NEIGHBOURS = 5;
// Orphans another expected place does not change (see positionMatters).
const UNMOVED = new Set([QUOTE_NOT_FOUND, NO_END, TOO_LITTLE]);

/**
 * Whether another expected place may change the verdict on orphan `a`: not where the quote
 * occurs nowhere, nor where no place was similar enough before its distance was counted (the
 * distance only ever adds to a place's disagreement), nor where the place chosen had too little
 * of the quote or no end (the bench's 20 seeds: none of those was found on a retry, and long
 * passages spent a fifteenth of their time on them). Each retry costs a whole `anchor()`.
 */
function positionMatters(a: Anchor & { status: 'orphan' }, options: AnchorOptions): boolean {
  if (a.reason === NOT_SIMILAR) return a.score >= (options.minScore ?? MIN_SCORE);
  return !UNMOVED.has(a.reason);
}

/** Where each passage of `text` is, by its selectors: `anchor` for each, the orphans tried again
 * where their neighbours say the text moved. In the order given. */
export function anchorAll(text: string, passages: ReadonlyArray<readonly Selector[]>, options: AnchorOptions = {}): Anchor[] {
  const found = passages.map((s) => anchor(text, s, options));
  const positions = passages.map((s) => selectorsOf(s).pos);
  // Shift of the text at each passage found for sure, by stored start.
  const sure: Array<{ at: number; shift: number }> = [];
  found.forEach((a, i) => {
    const pos = positions[i];
    if (pos && a.status === 'anchored' && a.method !== 'fuzzy') sure.push({ at: pos.start, shift: a.start - pos.start });
  });
  if (sure.length === 0) return found;
  sure.sort((x, y) => x.at - y.at);
  return found.map((a, i) => {
    const pos = positions[i];
    if (a.status === 'anchored' || !pos || !positionMatters(a, options)) return a;
    const shift = shiftNear(sure, pos.start);
    if (shift === undefined) return a;
    const hint = pos.start + shift;
    // Expected where it was expected already: anchoring again would say the same.
    if (Math.abs(hint - expectedStart(text, pos, options)) <= DRIFT) return a;
    const again = anchor(text, passages[i]!, { ...options, hint });
    return again.status === 'anchored' ? again : a;
  });
}

/**
 * How far the text moved around `at` (a stored start): the median shift of the NEIGHBOURS sure
 * passages nearest it by stored start (`sure` is sorted by it), when most of them agree on it
 * within DRIFT; undefined when they do not (a paragraph moved there, or a passage was taken at a
 * copy: one neighbour is no evidence).
 */
function shiftNear(sure: ReadonlyArray<{ at: number; shift: number }>, at: number): number | undefined {
  const after = sure.findIndex((s) => s.at > at);
  const i = after === -1 ? sure.length : after;
  // The nearest are among NEIGHBOURS on each side; a stable sort keeps the one before on a tie.
  const near = sure
    .slice(Math.max(0, i - NEIGHBOURS), i + NEIGHBOURS)
    .sort((x, y) => Math.abs(x.at - at) - Math.abs(y.at - at))
    .slice(0, NEIGHBOURS)
    .map((s) => s.shift)
    .sort((x, y) => x - y);
  const median = near[near.length >> 1]!;
  const agree = near.filter((s) => Math.abs(s - median) <= DRIFT).length;
  return 2 * agree > near.length ? median : undefined;
}
