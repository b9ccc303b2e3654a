/**
 * Resolve selectors to a place in (possibly edited) text, after Hypothesis's `anchoring/html.ts`
 * and `match-quote.ts`, with one difference of principle: a place is returned only when quote
 * and context agree well enough and no other place is about as good. Hypothesis always returns
 * the best-scoring match, which anchors deleted passages to lookalikes. The chosen place's ends
 * are then placed again against the context (edges.ts), so that a passage whose first or last
 * words were edited, or with a sentence inserted inside it, is covered whole.
 */
import {
  type Candidate,
  exactMatches,
  seededMatches,
  windowMatches,
} from './candidates.ts';
import { endDistance, startDistance, WORD } from './distance.ts';
import { EDGE, refineEdges } from './edges.ts';
import { editDistance, gapErrors } from './gap.ts';
import {
  type Anchor,
  type AnchorMethod,
  type AnchorOptions,
  CONTEXT_LENGTH,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './types.ts';

/** Default minimum similarity of quote plus context (see `similarity` below). */
export const MIN_SCORE = 0.75;
/** Below this similarity of the quote alone, the passage counts as destroyed. Edit distance
 * undercounts rewritten characters (a replacement word shares letters with the old one by
 * chance), so 0.6 corresponds to roughly half of the quote's characters surviving. */
export const MIN_QUOTE_SCORE = 0.6;

// Context windows are a little longer than the context, for edits inside it.
const CONTEXT_SLACK = 8;
// Exact occurrences this close to the expected place, with intact context, are taken at once.
const NEAR = 2048;
// Half-width of the window searched around the expected place before seeding the whole text.
const WINDOW = 1024;

/** What is known about the passage: the stored quote, context patterns and expected place. */
interface Probe {
  text: string;
  exact: string;
  /** Context patterns: last/first WORD characters, with EDGE where the text ended. */
  prefix: string;
  suffix: string;
  hint: number | undefined;
}

interface Thresholds {
  minScore: number;
  minQuoteScore: number;
}

/** A candidate with its agreement with the stored context and position. */
interface Scored extends Candidate {
  contextErrors: number;
  /** 1 - (quote errors + context errors) / (quote + context length). */
  similarity: number;
  quoteSimilarity: number;
  /** Distance from the expected start (0 without a position). */
  distance: number;
  method: AnchorMethod;
}

function contextPatterns(q: TextQuoteSelector): { prefix: string; suffix: string } {
  const prefix = q.prefix.length < CONTEXT_LENGTH ? EDGE + q.prefix : q.prefix;
  const suffix = q.suffix.length < CONTEXT_LENGTH ? q.suffix + EDGE : q.suffix;
  return { prefix: prefix.slice(-WORD), suffix: suffix.slice(0, WORD) };
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

function score(p: Probe, c: Candidate, method: AnchorMethod): Scored {
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

// A short prefix ("the quote was near the start") ends with EDGE (see edges.ts), so that it
// disagrees with a candidate that has text before it.
function anchored(p: Probe, c: Scored, t: Thresholds, method: AnchorMethod = c.method): Anchor {
  const { start, end, doubt } = refineEdges(p, c.start, c.end);
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
  return { status: 'anchored', start, end, method, score: c.similarity };
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether context agrees well enough to accept an exact occurrence without further search. */
function contextHolds(p: Probe, c: Scored): boolean {
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
// A place this far from the expected one is taken only with its context nearly verbatim (a
// moved paragraph keeps it): a repeated sentence elsewhere usually sits in other words. Nearer
// places may just have drifted while text around them was edited.
const FAR = 4 * WINDOW;
const FAR_CONTEXT_ERRORS = 1 / 8;
// An exact occurrence further than this from the expected place is checked against an edited
// version of the passage still at that place.
const DRIFT = 256;
// Half-width of the last, direct search around the expected place, for edits the seeds missed:
// it costs as much as all other stages together, and rarely finds what they did not.
const LAST_WINDOW = 512;
// An occurrence this close to the expected place is the passage there, as far as position tells.
const SAME_PLACE = 64;
const NOT_SIMILAR = 'no place similar enough';
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

function cost(c: Scored): number {
  return c.errors + c.contextErrors + POSITION_WEIGHT * Math.log1p(c.distance / POSITION_SCALE);
}

/**
 * Choose among scored candidates: the one with the least disagreement (quote and context
 * errors plus a position cost) among those similar enough, unless another place is nearly as
 * good; then the passage is ambiguous and orphaned rather than guessed.
 */
function decide(p: Probe, all: Scored[], t: Thresholds): Anchor {
  if (all.length === 0) return { status: 'orphan', score: 0, reason: 'quote not found' };
  const total = p.exact.length + p.prefix.length + p.suffix.length;
  // A place far from the expected one must agree better: position is evidence too.
  const eligible = all
    .map((c) => ({ c, cost: cost(c) }))
    .filter((e) => e.c.quoteSimilarity >= t.minQuoteScore && 1 - e.cost / total >= t.minScore)
    .sort((a, b) => a.cost - b.cost);
  if (eligible.length === 0) {
    const best = Math.max(...all.map((c) => c.similarity));
    return { status: 'orphan', score: Math.max(0, best), reason: NOT_SIMILAR };
  }
  const best = eligible[0]!;
  const far = p.hint !== undefined && best.c.distance > DRIFT;
  if (best.c.distance > FAR && best.c.contextErrors > FAR_CONTEXT_ERRORS * (p.prefix.length + p.suffix.length)) {
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
function settle(p: Probe, all: Scored[], t: Thresholds): Anchor {
  const first = decide(p, all, t);
  // A place far from the expected one is also checked against the passage, with a sentence
  // inserted, where it was: if it is there, the far place is a copy.
  const distance = first.status === 'anchored' && p.hint !== undefined ? Math.abs(first.start - p.hint) : 0;
  if ((first.status === 'anchored' && distance <= WINDOW) || (first.status === 'orphan' && first.reason !== NOT_SIMILAR)) return first;
  const more = withInsertion(p, distance > 0 ? all.filter((c) => c.distance <= distance / 2) : all);
  return more.length === 0 ? first : decide(p, [...all, ...more], t);
}

function positionOnly(text: string, pos: TextPositionSelector, options: AnchorOptions): Anchor {
  const changed = options.originalLength !== undefined && options.originalLength !== text.length;
  if (pos.start < 0 || pos.end < pos.start || pos.end > text.length || changed) {
    return { status: 'orphan', score: 0, reason: 'position cannot be verified without a quote' };
  }
  return { status: 'anchored', start: pos.start, end: pos.end, method: 'position', score: 0.5 };
}

/**
 * Find the place in `text` that `selectors` describe. Tries, in order: the stored position if
 * it still holds the quote with its context; exact occurrences of the quote; approximate
 * matches near the expected place and around distinctive pieces of quote and context, also as
 * passages with a sentence inserted inside. The place's ends are aligned with the context and
 * moved out to word boundaries where the original had them. Returns an orphan when nothing is
 * similar enough, when several places are equally plausible, when a far copy competes with an
 * edited version at the expected place, or when an end of the passage cannot be found.
 */
export function anchor(text: string, selectors: readonly Selector[], options: AnchorOptions = {}): Anchor {
  let quote: TextQuoteSelector | undefined;
  let pos: TextPositionSelector | undefined;
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector') quote = s;
    else if (s.type === 'TextPositionSelector') pos = s;
  }
  if (!quote || quote.exact.length === 0) {
    return pos ? positionOnly(text, pos, options) : { status: 'orphan', score: 0, reason: 'no selector' };
  }
  const t: Thresholds = {
    minScore: options.minScore ?? MIN_SCORE,
    minQuoteScore: options.minQuoteScore ?? MIN_QUOTE_SCORE,
  };
  const scale =
    options.originalLength && options.originalLength > 0 ? text.length / options.originalLength : 1;
  const hint = pos ? Math.round(pos.start * scale) : undefined;
  const p: Probe = { text, exact: quote.exact, ...contextPatterns(quote), hint };
  const m = p.exact.length;

  if (pos && text.slice(pos.start, pos.end) === p.exact) {
    const c = score(p, { start: pos.start, end: pos.end, errors: 0 }, 'position');
    if (contextHolds(p, c)) return anchored(p, c, t, 'position');
  }

  // Exact occurrences near the expected place: scanning from there is cheaper than from 0.
  if (hint !== undefined) {
    const near = exactMatches(text, p.exact, Math.max(0, hint - NEAR), hint + NEAR + m)
      .map((c) => score(p, c, 'quote'))
      .filter((c) => c.contextErrors <= 2);
    if (near.length > 0) {
      // A copy with the same context a little way off, while the passage was edited where it
      // was (texts repeat a sentence now and then): look there too.
      const nearest = Math.min(...near.map((c) => c.distance));
      if (nearest > DRIFT) {
        const r = Math.max(DRIFT, nearest >> 1);
        for (const c of windowMatches(text, p.exact, hint - r, hint + m + r)) {
          if (!near.some((o) => o.start === c.start && o.end === c.end)) near.push(score(p, c, 'fuzzy'));
        }
      }
      return decide(p, near, t);
    }
  }

  // Otherwise the search widens in steps, and stops at a step that found a good candidate
  // near the expected place. A strong candidate far away is not enough: the passage may have
  // been edited where it was while a copy elsewhere kept the exact words.
  const contextLength = p.prefix.length + p.suffix.length;
  const isNear = (c: Scored): boolean => hint === undefined || c.distance <= WINDOW;
  const all = exactMatches(text, p.exact).map((c) => score(p, c, 'quote'));
  const nearGood = all.filter((c) => isNear(c) && c.contextErrors <= contextLength / 10);
  if (nearGood.length > 0) {
    // Context errors beyond a couple of characters, away from the expected place, may mean the
    // passage there lost a word at an edge while a copy nearby kept it: look there too.
    if (hint !== undefined && nearGood.every((c) => c.contextErrors > 2 && c.distance > SAME_PLACE)) {
      for (const c of windowMatches(text, p.exact, hint - DRIFT, hint + m + DRIFT)) {
        if (!all.some((o) => o.start === c.start && o.end === c.end)) all.push(score(p, c, 'fuzzy'));
      }
    }
    return settle(p, all, t);
  }

  const seeded = seededMatches(text, p.exact, quote.prefix.slice(-WORD), quote.suffix.slice(0, WORD));
  for (const c of seeded) {
    if (!all.some((o) => o.start === c.start && o.end === c.end)) all.push(score(p, c, 'fuzzy'));
  }
  const good = (c: Scored): boolean => c.quoteSimilarity >= t.minQuoteScore && c.similarity >= t.minScore;
  if (hint === undefined || all.some((c) => isNear(c) && good(c))) return settle(p, all, t);
  // A passage with a sentence inserted inside is found by its seeds, only partly matched: once
  // its ends are placed it may be good after all, and near.
  const settled = settle(p, all, t);
  if (settled.status === 'anchored' && Math.abs(settled.start - hint) <= WINDOW) return settled;

  // Nothing good near the expected place: search there directly, for edits the seeds missed.
  const before = all.length;
  for (const c of windowMatches(text, p.exact, hint - LAST_WINDOW, hint + m + LAST_WINDOW)) {
    if (!all.some((o) => o.start === c.start && o.end === c.end)) all.push(score(p, c, 'fuzzy'));
  }
  return all.length === before ? settled : settle(p, all, t);
}
