/**
 * Choosing among the places a quote might be: scoring them against the stored context and
 * position, deciding between them or orphaning the passage (anchor.ts finds the places), and
 * placing the chosen one's ends (edges.ts).
 */
import type { Candidate } from './candidates.ts';
import { contextGaps } from './context-gaps.ts';
import { endDistance, endDistances, startDistance, WORD } from './distance.ts';
import { refineEdges } from './edges.ts';
import { repairEnd, repairStart } from './edge-words.ts';
import { editDistance, gapErrors } from './gap.ts';
import { EDGE, type Anchor, type AnchorMethod } from './types.ts';
import { survivingShare } from './words.ts';

// Context windows are a little longer than the context, for edits inside it.
const CONTEXT_SLACK = 8;
/** Half-width of the window searched around the expected place before seeding the whole text;
 * places within it count as near. */
export const WINDOW = 1024;

/** What is known about the passage: the stored quote, context patterns and expected place. */
export interface Probe {
  text: string;
  exact: string;
  /** Context patterns: last/first WORD characters, with EDGE where the text ended. */
  prefix: string;
  suffix: string;
  /** Stored context beyond the patterns (selectors with more than WORD characters of it): the
   * characters before `prefix` and after `suffix`, with EDGE where the text ended; empty for
   * older selectors. Checked only where a copy of the passage must be told from the passage. */
  outerPrefix: string;
  outerSuffix: string;
  hint: number | undefined;
}

/** Minimum scores of `anchor`'s options, resolved. */
export interface Thresholds {
  minScore: number;
  minQuoteScore: number;
}

/** A candidate with its agreement with the stored context and position. */
export interface Scored extends Candidate {
  contextErrors: number;
  /** 1 - (quote errors + context errors) / (quote + context length). */
  similarity: number;
  quoteSimilarity: number;
  /** Distance from the expected start (0 without a position). */
  distance: number;
  method: AnchorMethod;
}

function contextErrors(p: Probe, start: number, end: number): number {
  const from = start - p.prefix.length - CONTEXT_SLACK;
  const before = (from <= 0 ? EDGE : '') + p.text.slice(Math.max(0, from), start);
  const to = end + p.suffix.length + CONTEXT_SLACK;
  const after = p.text.slice(end, to) + (to >= p.text.length ? EDGE : '');
  // Verbatim context is the common case and needs no alignment.
  const pe = before.endsWith(p.prefix) ? 0 : endDistance(p.prefix, before);
  const se = after.startsWith(p.suffix) ? 0 : startDistance(p.suffix, after);
  return pe + se;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

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
function outerErrors(p: Probe, start: number, end: number): number {
  const { before, after } = outerPieces(p, start, end);
  return sum(before) + sum(after);
}

/** Score `c` against the stored context and position; `method` unless the quote is exact. */
export function score(p: Probe, c: Candidate, method: AnchorMethod): Scored {
  const ce = contextErrors(p, c.start, c.end);
  const total = p.exact.length + p.prefix.length + p.suffix.length;
  return {
    ...c,
    contextErrors: ce,
    similarity: 1 - (c.errors + ce) / total,
    quoteSimilarity: 1 - c.errors / p.exact.length,
    distance: p.hint === undefined ? 0 : Math.abs(c.start - p.hint),
    method: c.errors === 0 ? 'quote' : method,
  };
}

/**
 * The anchor for the chosen place `c`, its ends placed again (edges.ts); an orphan when an end
 * cannot be found or the place then holds too little of the quote.
 */
export function anchored(p: Probe, c: Scored, t: Thresholds, method: AnchorMethod = c.method): Anchor {
  const refined = refineEdges(p, c.start, c.end);
  // Then word by word, where letters shared by chance may have given a word to the wrong side
  // (only for the place chosen: the other callers of refineEdges look for insertions).
  const untouched = c.errors === 0 && c.contextErrors === 0;
  const start = untouched ? refined.start : repairStart(p, refined.start, refined.end);
  const end = untouched ? refined.end : repairEnd(p, start, refined.end);
  const { doubt } = refined;
  // Where neither the context nor the quote's first or last words are found, the passage's
  // extent would be a guess: an orphan, like a place that is not similar enough.
  if (doubt > MAX_EDGE_DOUBT) return { status: 'orphan', score: c.similarity, reason: 'an end of the passage cannot be found' };
  // Moving the ends changes how much of the quote the place holds: a match that reached into
  // the context for letters the passage lost may hold too little of it once its ends are right.
  const m = p.exact.length;
  const moved = Math.abs(start - c.start) + Math.abs(end - c.end);
  if (moved > 0 && c.errors + moved > (1 - t.minQuoteScore) * m) {
    const errors = end - start > m ? gapErrors(p.exact, p.text, start, end) : editDistance(p.exact, p.text.slice(start, end));
    if (1 - errors / m < t.minQuoteScore) return { status: 'orphan', score: c.similarity, reason: 'too little of the quote is left' };
  }
  // Fewer than half of the quote's words left (see words.ts): the passage was rewritten. A word
  // is lost only with more than half of it edited, which loses at most two characters of the
  // quote per edit: with fewer than a fifth of it edited, more than half is left.
  if (c.errors + moved > m / 5 && survivingShare(p.exact, p.text.slice(start, end)) < MIN_SURVIVING) {
    return { status: 'orphan', score: c.similarity, reason: 'too little of the quote is left' };
  }
  return { status: 'anchored', start, end, method, score: c.similarity };
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether context agrees well enough to accept an exact occurrence without further search. */
export function contextHolds(p: Probe, c: Scored): boolean {
  return c.contextErrors <= (p.prefix.length + p.suffix.length) / 4;
}

// Longest quote looked for with an insertion inside (the scoring is quadratic in its length).
const MAX_GAP_QUOTE = 1000;
// Partial matches tried as passages with an insertion inside, best first.
const GAP_TRIES = 4;
// Similarity (quote and context) above which a place near the expected one, with half of its
// context, is taken to be the passage, edited, rather than unrelated text: a farther copy then
// cannot be trusted.
const PLAUSIBLE = 0.5;
// A place this far from the expected one is taken only with its context, and quote and context
// together, nearly verbatim (a moved paragraph keeps them): a repeated sentence elsewhere usually
// sits in other words, or was worded a little differently. Nearer places may just have drifted
// while text around them was edited.
const FAR = 4 * WINDOW;
const FAR_CONTEXT_ERRORS = 1 / 8;
/** An exact occurrence further than this from the expected place is checked against an edited
 * version of the passage still at that place. */
export const DRIFT = 256;
const NOT_SIMILAR = 'no place similar enough';
// Share of the quote's words (by characters) that must be left for the passage to survive.
const MIN_SURVIVING = 0.5;
// Share of the outer context that may disagree at a place away from the expected one.
const OUTER_ERRORS = 1 / 3;
// Share of a piece of grown outer context that disagrees where a copy parted from the passage.
const PARTED = 1 / 2;
// Weight of an outer context error against a quote or context error, where places compete.
const OUTER_WEIGHT = 1;
// Share of context and quote-edge characters that may disagree at an end (see edges.ts): past
// it, no place agrees with either side of the end well enough to say where the passage stops.
const MAX_EDGE_DOUBT = 0.4;

// Position is weak evidence: passages drift by a few hundred characters as text around them
// changes, but may move anywhere. Its cost, in characters of disagreement, grows with the log
// of the distance: 0 at the expected place, ~4 at 1,000 characters, ~12 at 80,000.
const POSITION_WEIGHT = 2;
const POSITION_SCALE = 200;

/**
 * Whether `c` may be the passage, edited where it was, rather than the best place `far` from
 * the expected one (see PLAUSIBLE): beyond WINDOW, enough of the quote; beyond DRIFT, only with
 * at least half of its context too, since a phrase repeated nearby in other words is not the
 * passage.
 */
function plausible(p: Probe, c: Scored, far: number, t: Thresholds): boolean {
  if (c.similarity < PLAUSIBLE) return false;
  if (far > WINDOW && c.quoteSimilarity >= t.minQuoteScore) return true;
  return c.quoteSimilarity >= 0.5 && c.contextErrors <= (p.prefix.length + p.suffix.length) / 2;
}

/**
 * Whether a place away from the expected one agrees with the outer context too (where the
 * selectors have one). Texts repeat sentences and phrases, with the same few words around them:
 * a copy agrees with the 32 characters next to the quote about as often as the passage does,
 * rarely with the next 32. A passage that moved took its surroundings along.
 */
function outerHolds(p: Probe, c: Scored): boolean {
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

function cost(c: Scored): number {
  return c.errors + c.contextErrors + POSITION_WEIGHT * Math.log1p(c.distance / POSITION_SCALE);
}

/**
 * Choose among scored candidates: the one with the least disagreement (quote and context
 * errors plus a position cost) among those similar enough, unless another place is nearly as
 * good; then the passage is ambiguous and orphaned rather than guessed.
 */
export function decide(p: Probe, all: Scored[], t: Thresholds): Anchor {
  if (all.length === 0) return { status: 'orphan', score: 0, reason: 'quote not found' };
  const total = p.exact.length + p.prefix.length + p.suffix.length;
  // A place far from the expected one must agree better: position is evidence too.
  const eligible = all
    .map((c) => ({ c, cost: cost(c) }))
    .filter((e) => e.c.quoteSimilarity >= t.minQuoteScore && 1 - e.cost / total >= t.minScore && outerHolds(p, e.c))
    .sort((a, b) => a.cost - b.cost);
  // Several places hold the quote with its nearest context (a reference list, a repeated
  // sentence): the outer context, where the selectors have it, counts too.
  if (p.outerPrefix.length + p.outerSuffix.length > 0 && eligible.some((e) => !overlaps(e.c, eligible[0]!.c))) {
    for (const e of eligible) e.cost += OUTER_WEIGHT * outerErrors(p, e.c.start, e.c.end);
    eligible.sort((a, b) => a.cost - b.cost);
  }
  if (eligible.length === 0) {
    const best = Math.max(...all.map((c) => c.similarity));
    return { status: 'orphan', score: Math.max(0, best), reason: NOT_SIMILAR };
  }
  const best = eligible[0]!;
  const far = p.hint !== undefined && best.c.distance > DRIFT;
  if (best.c.distance > FAR && (best.c.contextErrors > FAR_CONTEXT_ERRORS * (p.prefix.length + p.suffix.length) || best.c.errors + best.c.contextErrors > FAR_CONTEXT_ERRORS * total)) {
    return { status: 'orphan', score: best.c.similarity, reason: 'only a place far away, in other words' };
  }
  // The best place far from the expected one while an edited version of the passage is still
  // there (or much nearer: heavy edits make the expected place drift): a copy elsewhere (a
  // repeated sentence) kept the words the passage lost.
  if (
    far &&
    all.some((c) => c.distance <= best.c.distance / 2 && !overlaps(c, best.c) && plausible(p, c, best.c.distance, t))
  ) {
    return { status: 'orphan', score: best.c.similarity, reason: 'ambiguous: the passage edited where it was, a copy elsewhere' };
  }
  // A place not similar enough to be taken may still be the passage, edited harder than a copy
  // of it (a repeated sentence, a table's source line): where it agrees at least as well with the
  // wider context, the copy cannot be told from the passage.
  if (p.outerPrefix.length + p.outerSuffix.length > 0) {
    const pieces = outerPieces(p, best.c.start, best.c.end);
    const bestFull = cost(best.c) + OUTER_WEIGHT * (sum(pieces.before) + sum(pieces.after));
    // Where the wider context parts from the stored one right beyond the nearest words, the
    // best place may itself be a copy: any other plausible place then makes it ambiguous.
    const parted = (pieces.before[0] ?? 0) > PARTED * WORD || (pieces.after[0] ?? 0) > PARTED * WORD;
    const rivalled = all.some(
      (c) =>
        !overlaps(c, best.c) &&
        (parted || !eligible.some((e) => e.c === c)) &&
        c.quoteSimilarity >= t.minQuoteScore &&
        c.similarity >= PLAUSIBLE &&
        (parted || cost(c) + OUTER_WEIGHT * outerErrors(p, c.start, c.end) < bestFull + Math.max(2, 0.04 * total)),
    );
    if (rivalled) return { status: 'orphan', score: best.c.similarity, reason: 'ambiguous: a place edited harder agrees as well' };
    if (parted && contextLeft(p, best.c, FAR)) return { status: 'orphan', score: best.c.similarity, reason: 'ambiguous: the passage was rewritten where it was' };
  }
  if (best.c.distance > WINDOW && contextLeft(p, best.c, WINDOW)) {
    return { status: 'orphan', score: best.c.similarity, reason: 'the passage was rewritten where it was; a copy elsewhere' };
  }
  const rival = eligible.find((e) => !overlaps(e.c, best.c));
  // Two plausible places, the best of them far from the expected one: typically the passage
  // was edited (or moved) while a copy elsewhere (a repeated sentence, a title cited twice)
  // was not. Text alone would pick the copy; position cannot vouch for it.
  if (rival && p.hint !== undefined && best.c.distance > WINDOW) {
    return { status: 'orphan', score: best.c.similarity, reason: 'ambiguous: a copy far from the expected place' };
  }
  if (rival && rival.cost - best.cost < Math.max(2, 0.04 * total)) {
    // Near-equal places: the expected position settles it only when it clearly points at the
    // best one (identical copies of a passage, one where the passage was).
    if (rival.c.distance < 3 * best.c.distance + 100) {
      return { status: 'orphan', score: best.c.similarity, reason: 'ambiguous: several places match' };
    }
  }
  return anchored(p, best.c, t);
}

/**
 * Places that may hold the passage with a sentence inserted inside it: the best partial
 * matches, their ends placed again past a possible insertion, scored with the insertion free.
 * Only spans longer than the quote count; the rest were scored already.
 */
function withInsertion(p: Probe, all: Scored[]): Scored[] {
  const m = p.exact.length;
  if (m > MAX_GAP_QUOTE) return [];
  const found: Scored[] = [];
  const tries: Scored[] = [];
  // An insertion leaves the context on one side of the partial match mostly intact: candidates
  // with most of their context wrong are other text.
  const most = (3 * (p.prefix.length + p.suffix.length)) / 4;
  for (const c of all.filter((x) => x.contextErrors <= most).sort((a, b) => cost(a) - cost(b))) {
    if (tries.length >= GAP_TRIES) break;
    if (!tries.some((o) => o.start === c.start && o.end === c.end)) tries.push(c);
  }
  for (const c of tries) {
    const { start, end, doubt } = refineEdges(p, c.start, c.end);
    if (doubt > MAX_EDGE_DOUBT || end - start <= m || found.some((o) => o.start === start && o.end === end)) continue;
    found.push({ ...score(p, { start, end, errors: gapErrors(p.exact, p.text, start, end) }, 'fuzzy'), method: 'fuzzy' });
  }
  return found;
}

/** `decide`, and when no place was similar enough, again with places that may hold the
 * passage with a sentence inserted inside it. */
export function settle(p: Probe, all: Scored[], t: Thresholds): Anchor {
  const first = decide(p, all, t);
  // A place far from the expected one is also checked against the passage, with a sentence
  // inserted, where it was: if it is there, the far place is a copy.
  const distance = first.status === 'anchored' && p.hint !== undefined ? Math.abs(first.start - p.hint) : 0;
  if ((first.status === 'anchored' && distance <= WINDOW) || (first.status === 'orphan' && first.reason !== NOT_SIMILAR)) return first;
  const more = withInsertion(p, distance > 0 ? all.filter((c) => c.distance <= distance / 2) : all);
  return more.length === 0 ? first : decide(p, [...all, ...more], t);
}
