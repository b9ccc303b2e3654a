/**
 * Telling the passage from copies of it. Texts repeat sentences and phrases (an abstract and its
 * body, a table's source line, a title cited twice), often with the same few words around them:
 * a copy agrees with the 32 characters next to the quote about as often as the passage does,
 * rarely with what lies beyond (the outer context, which selectors made since the context grew
 * to 64 characters hold), and the passage, rewritten or deleted, leaves its context behind
 * (context-gaps.ts). Text inserted next to the passage parts one side of its context too, but
 * there the stored context comes back past the insertion (wholeSide). choose.ts asks here before
 * it takes a place.
 */
import { contextGaps } from './context-gaps.ts';
import { endDistances, reverse, WORD } from './distance.ts';
import { CONTEXT_SLACK, cost, DRIFT, overlaps, PLAUSIBLE, type Probe, type Scored, sideErrors, type Thresholds, WINDOW } from './probe.ts';
import { EDGE } from './types.ts';

// Share of the outer context that may disagree at a place away from the expected one.
const OUTER_ERRORS = 1 / 3;
// Share of a piece of grown outer context that disagrees where a copy parted from the passage.
const PARTED = 1 / 2;
// Weight of an outer context error against a quote or context error, where places compete.
export const OUTER_WEIGHT = 1;
// A place this far from the expected one is far (see choose.ts); a rewritten passage's context is
// looked for this far from the expected place when a copy parts from the wider context.
export const FAR = 4 * WINDOW;
// Share of one side's stored context (pattern and outer context) that may disagree for that
// side to count as whole.
const WHOLE = 1 / 8;
// Share of the stored context that may disagree at a place that is the passage, edited: other
// text disagrees with about two thirds of it.
const EDITED = 0.45;
// Longest text inserted next to a passage that its context is looked for past, and the share of
// WORD characters that may then disagree.
const INSERTED = 1000;
const RESUMED = 1 / 4;
// Share of the quote a place that keeps the context must hold to rival one whose context an
// insertion parted (a place edited where it was keeps less of the quote than a copy).
const RIVAL_QUOTE = 1 / 2;

/** Least distance between `pattern` and text ending at one of the last `ends` places of `t`. */
function endsNear(pattern: string, t: string, ends: number): number {
  const d = endDistances(pattern, t);
  let best = pattern.length;
  for (let j = Math.max(0, t.length - ends); j <= t.length; j++) best = Math.min(best, d[j]!);
  return best;
}

/**
 * Disagreement of the outer context with the text beyond the context patterns around
 * [start, end), WORD characters at a time from the inside out (a context `describe` grew to
 * tell copies apart is longer than a word of the bit-parallel routines): errors of each piece,
 * before then after. Each piece is looked for where it would be, allowing a few characters of
 * edits per piece nearer the quote.
 */
function outerPieces(p: Probe, start: number, end: number): { before: number[]; after: number[] } {
  const before: number[] = [];
  for (let k = 0; k * WORD < p.outerPrefix.length; k++) {
    const piece = p.outerPrefix.slice(Math.max(0, p.outerPrefix.length - (k + 1) * WORD), p.outerPrefix.length - k * WORD);
    const slack = (k + 1) * CONTEXT_SLACK;
    const to = Math.max(0, start - p.prefix.length - k * WORD + slack);
    const from = to - piece.length - 3 * slack;
    const t = (from <= 0 ? EDGE : '') + p.text.slice(Math.max(0, from), to);
    before.push(endsNear(piece, t, 2 * slack));
  }
  const after: number[] = [];
  for (let k = 0; k * WORD < p.outerSuffix.length; k++) {
    const piece = p.outerSuffix.slice(k * WORD, (k + 1) * WORD);
    const slack = (k + 1) * CONTEXT_SLACK;
    const from = Math.min(p.text.length, end + p.suffix.length + k * WORD - slack);
    const to = from + piece.length + 3 * slack;
    const t = p.text.slice(from, to) + (to >= p.text.length ? EDGE : '');
    after.push(endsNear(reverse(piece), reverse(t), 2 * slack));
  }
  return { before, after };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Disagreement of all of the outer context with the text around [start, end). */
export function outerErrors(p: Probe, start: number, end: number): number {
  const { before, after } = outerPieces(p, start, end);
  return sum(before) + sum(after);
}

/** Whether one side of `c`'s stored context (a context grown past the patterns included) agrees
 * but for a few edits. */
function wholeOn(p: Probe, c: Scored, side: 'before' | 'after'): boolean {
  const near = sideErrors(p, c.start, c.end)[side];
  const pieces = outerPieces(p, c.start, c.end)[side];
  const [pattern, outer] = side === 'before' ? [p.prefix, p.outerPrefix] : [p.suffix, p.outerSuffix];
  return outer.length > 0 && near + sum(pieces) <= WHOLE * (pattern.length + outer.length);
}

/**
 * Whether the stored context on one side of [start, end) stands a little further out than it
 * would, past text inserted next to the passage: its outermost WORD characters, nearly
 * verbatim, within INSERTED characters of where they would be, with no copy of the other side's
 * context pattern in between (that would be the passage again, edited, and this a copy of it).
 */
function resumes(p: Probe, start: number, end: number, side: 'before' | 'after'): boolean {
  const stored = side === 'before' ? p.outerPrefix + p.prefix : p.suffix + p.outerSuffix;
  const other = side === 'before' ? p.suffix : p.prefix;
  if (stored.includes(EDGE) || other.includes(EDGE) || stored.length < WORD) return false;
  const piece = side === 'before' ? stored.slice(0, WORD) : stored.slice(-WORD);
  const from = side === 'before' ? Math.max(0, start - stored.length - INSERTED) : end;
  const t = p.text.slice(from, side === 'before' ? start : end + stored.length + INSERTED);
  const d = endDistances(piece, t);
  let at = 0;
  for (let j = 1; j < d.length; j++) if (d[j]! < d[at]!) at = j;
  if (d[at]! > RESUMED * WORD) return false;
  const between = side === 'before' ? t.slice(at) : t.slice(0, Math.max(0, at - piece.length));
  return between.length < other.length || Math.min(...endDistances(other, between)) > RESUMED * other.length;
}

/**
 * Whether the quote at `c`, verbatim and near the expected place, keeps all of its stored context
 * on one side while on the other the stored context resumes past an insertion: text inserted
 * next to the passage parts that side from the stored one, as a copy's would, but a copy's
 * context does not come back.
 */
function wholeSide(p: Probe, c: Scored): boolean {
  if (c.errors > 0 || c.distance > WINDOW) return false;
  return (wholeOn(p, c, 'before') && resumes(p, c.start, c.end, 'after')) || (wholeOn(p, c, 'after') && resumes(p, c.start, c.end, 'before'));
}

/** Whether `c` agrees with the stored context as the passage, edited, does rather than other
 * text: one side whole, or both sides together mostly. */
function keepsContext(p: Probe, c: Scored): boolean {
  if (wholeOn(p, c, 'before') || wholeOn(p, c, 'after')) return true;
  const near = sideErrors(p, c.start, c.end);
  const { before, after } = outerPieces(p, c.start, c.end);
  const length = p.prefix.length + p.suffix.length + p.outerPrefix.length + p.outerSuffix.length;
  return near.before + near.after + sum(before) + sum(after) <= EDITED * length;
}

/**
 * Whether a place away from the expected one agrees with the outer context too (where the
 * selectors have one). Texts repeat sentences and phrases, with the same few words around them:
 * a copy agrees with the 32 characters next to the quote about as often as the passage does,
 * rarely with the next 32. A passage that moved took its surroundings along.
 */
export function outerHolds(p: Probe, c: Scored): boolean {
  if (p.hint === undefined) return true;
  if (c.errors > 0) {
    // An edited place far away is taken where a paragraph moved, with its surroundings: not
    // where the wider context parts from the stored one on both sides (a copy, elsewhere).
    if (c.distance <= WINDOW) return true;
    const { before, after } = outerPieces(p, c.start, c.end);
    if ((before[0] ?? 0) > PARTED * WORD && (after[0] ?? 0) > PARTED * WORD) return false;
    return ![...before.slice(1), ...after.slice(1)].some((e) => e > PARTED * WORD);
  }
  // A context grown past CONTEXT_LENGTH says the quote repeats with the same words around it:
  // a copy may sit near the expected place too (the generator's donor sentences do).
  const grown = p.outerPrefix.length > WORD || p.outerSuffix.length > WORD;
  if (c.distance <= DRIFT && !grown) return true;
  if (wholeSide(p, c)) return true;
  // Computed here, for the few candidates it decides: scoring every candidate with it costs.
  const { before, after } = outerPieces(p, c.start, c.end);
  // The first WORD characters beyond the patterns, on both sides: a third may disagree.
  const nearLength = Math.min(WORD, p.outerPrefix.length) + Math.min(WORD, p.outerSuffix.length);
  if (c.distance > DRIFT && (before[0] ?? 0) + (after[0] ?? 0) > OUTER_ERRORS * nearLength) return false;
  // Beyond them (a context grown to tell the passage from copies of it with the same words
  // around): a copy agrees up to where the texts part, then not at all; edits leave most of
  // every piece. A piece more than half wrong is where a copy parts from the passage.
  return ![...before.slice(1), ...after.slice(1)].some((e) => e > PARTED * WORD);
}

/**
 * Whether the passage's context still stands near the expected place, away from `c`, with the
 * quote gone from between it (context-gaps.ts): the passage was deleted or rewritten there.
 */
function contextLeft(p: Probe, c: Scored, reach: number): boolean {
  if (p.hint === undefined) return false;
  const m = p.exact.length;
  return contextGaps(p, p.hint - reach, p.hint + m + reach, 2 * m + WORD).some((g) => g.start > c.end || g.end < c.start);
}

/**
 * Why `best` may be a copy of the passage rather than the passage (`eligible`: the places similar
 * enough to be taken), or undefined: a place edited harder agrees as
 * well with the wider context; the wider context parts from the stored one right beyond the
 * nearest words while another plausible place exists or the passage's context stands elsewhere
 * with other words between; or `best` is beyond the search window while that context stands
 * near the expected place.
 */
export function copyVerdict(
  p: Probe,
  best: { c: Scored },
  all: readonly Scored[],
  eligible: ReadonlyArray<{ c: Scored }>,
  t: Thresholds,
): string | undefined {
  // A place not similar enough to be taken may still be the passage, edited harder than a copy
  // of it (a repeated sentence, a table's source line): where it agrees at least as well with the
  // wider context, the copy cannot be told from the passage.
  const total = p.exact.length + p.prefix.length + p.suffix.length;
  if (p.outerPrefix.length + p.outerSuffix.length > 0) {
    const pieces = outerPieces(p, best.c.start, best.c.end);
    const bestFull = cost(best.c) + OUTER_WEIGHT * (sum(pieces.before) + sum(pieces.after));
    // Where the wider context parts from the stored one right beyond the nearest words, the
    // best place may itself be a copy: any other plausible place then makes it ambiguous.
    let parted = (pieces.before[0] ?? 0) > PARTED * WORD || (pieces.after[0] ?? 0) > PARTED * WORD;
    // Unless text was inserted next to the best place (see wholeSide) and no other place keeps
    // the context as well: then the costs decide, as below.
    if (parted && wholeSide(p, best.c)) {
      if (all.some((c) => !overlaps(c, best.c) && c.quoteSimilarity >= RIVAL_QUOTE && keepsContext(p, c))) {
        return 'ambiguous: text next to the passage changed, and another place keeps its context';
      }
      parted = false;
    }
    const rivalled = all.some(
      (c) =>
        !overlaps(c, best.c) &&
        (parted || !eligible.some((e) => e.c === c)) &&
        c.quoteSimilarity >= t.minQuoteScore &&
        c.similarity >= PLAUSIBLE &&
        (parted || cost(c) + OUTER_WEIGHT * outerErrors(p, c.start, c.end) < bestFull + Math.max(2, 0.04 * total)),
    );
    if (rivalled) return parted ? 'ambiguous: the wider context parts here, and another place is plausible' : 'ambiguous: a place edited harder agrees as well';
    if (parted && contextLeft(p, best.c, FAR)) return 'ambiguous: the passage was rewritten where it was';
  }
  if (best.c.distance > WINDOW && contextLeft(p, best.c, WINDOW)) return 'the passage was rewritten where it was; a copy elsewhere';
  return undefined;
}
