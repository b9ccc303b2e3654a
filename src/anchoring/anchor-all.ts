/**
 * Anchoring a text's passages together. Each passage is anchored on its own first (anchor.ts),
 * expected near its stored position, scaled to the text's new length. Text added or removed
 * before a passage (a preface, a section cut) moves it further than that guess, and a phrase it
 * shares with other text near the guessed place then looks like the passage edited where it
 * was: the passage is orphaned as ambiguous. The passages found for sure, at their stored
 * position or by their exact quote with its context, tell how far the text moved around them:
 * an orphan is tried again, expected where the sure passages just before it say the text moved,
 * and where those just after it say so, when the two differ (a paragraph moved or cut between
 * them: the passage went with one side or the other; ADR 0015). The rules that tell a passage
 * from its copies are the same; only the expected place is better.
 */
import { anchor, expectedStart, MIN_SCORE, selectorsOf } from './anchor.ts';
import { NO_END, NOT_SIMILAR, QUOTE_NOT_FOUND, TOO_LITTLE } from './choose.ts';
import { DRIFT } from './probe.ts';
import type { Anchor, AnchorOptions, Selector } from './types.ts';

// Sure passages on each side of a passage whose shifts say how far the text moved there.
const NEIGHBOURS = 3;
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
    const expected = expectedStart(text, pos, options);
    // Expected where it was expected already: anchoring again would say the same.
    const hints = shiftsAround(sure, pos.start)
      .map((shift) => pos.start + shift)
      .filter((hint) => Math.abs(hint - expected) > DRIFT);
    const again = hints.map((hint) => anchor(text, passages[i]!, { ...options, hint }));
    const [first, ...others] = again.filter((x) => x.status === 'anchored');
    // Placed apart by the two sides' shifts: the text cannot say which, so it stays an orphan.
    if (!first || others.some((o) => o.start >= first.end || o.end <= first.start)) return a;
    return first;
  });
}

/**
 * How far the text moved around `at` (a stored start), as told by the sure passages on each side
 * of it (`sure` is sorted by stored start): the median shift of the NEIGHBOURS nearest before it,
 * and of those nearest after it, where most of them agree within DRIFT; one shift where both
 * sides agree. Text was removed or inserted (or a paragraph moved) between the two sides when
 * they differ: the passage moved with one or the other. Empty where neither side agrees within
 * itself (a passage taken at a copy: one neighbour is no evidence).
 */
function shiftsAround(sure: ReadonlyArray<{ at: number; shift: number }>, at: number): number[] {
  const after = sure.findIndex((s) => s.at > at);
  const i = after === -1 ? sure.length : after;
  const sides = [sure.slice(Math.max(0, i - NEIGHBOURS), i).reverse(), sure.slice(i, i + NEIGHBOURS)]
    .filter((side) => side.length > 0)
    // The nearer side first.
    .sort((x, y) => Math.abs(x[0]!.at - at) - Math.abs(y[0]!.at - at));
  const shifts: number[] = [];
  for (const side of sides) {
    const sorted = side.map((s) => s.shift).sort((x, y) => x - y);
    const median = sorted[sorted.length >> 1]!;
    const agree = sorted.filter((s) => Math.abs(s - median) <= DRIFT).length;
    if (agree >= 2 && 2 * agree > sorted.length && !shifts.some((s) => Math.abs(s - median) <= DRIFT)) shifts.push(median);
  }
  return shifts;
}
