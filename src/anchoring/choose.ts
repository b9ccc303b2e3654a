/**
 * Choosing among the places a quote might be, scored against the stored context and position
 * (probe.ts): deciding between them or orphaning the passage (anchor.ts finds the places;
 * outer.ts tells the passage from copies of it), and placing the chosen one's ends (edges.ts).
 */
import { refineEdges, snapToSpace } from './edges.ts';
import { repairEnd, repairStart } from './edge-words.ts';
import { endDistances } from './distance.ts';
import { editDistance, gapErrors } from './gap.ts';
import { copyVerdict, FAR, OUTER_WEIGHT, outerErrors, outerHolds } from './outer.ts';
import { cost, DRIFT, overlaps, PLAUSIBLE, type Probe, score, type Scored, type Thresholds, WINDOW } from './probe.ts';
import { type Anchor, type AnchorMethod, CONTEXT_LENGTH, EDGE } from './types.ts';
import { survivingShare } from './words.ts';

/**
 * The anchor for the chosen place `c`, its ends placed again (edges.ts); an orphan when an end
 * cannot be found or the place then holds too little of the quote.
 */
export function anchored(p: Probe, c: Scored, t: Thresholds, method: AnchorMethod = c.method): Anchor {
  const refined = refineEdges(p, c.start, c.end);
  // Then out of punctuation to white space where the original was at white space, and word by
  // word, where letters shared by chance may have given a word to the wrong side (only for the
  // place chosen: the other callers of refineEdges look for insertions).
  const untouched = c.errors === 0 && c.contextErrors === 0;
  const snapped = untouched ? refined : snapToSpace(p, refined.start, refined.end);
  const start = untouched ? snapped.start : repairStart(p, snapped.start, snapped.end);
  const end = untouched ? snapped.end : repairEnd(p, start, snapped.end);
  const { doubt } = refined;
  // Where neither the context nor the quote's first or last words are found, the passage's
  // extent would be a guess: an orphan, like a place that is not similar enough. (The whole
  // quote found verbatim, ends where it was found, has its first and last words.)
  const whole = c.errors === 0 && start === c.start && end === c.end;
  if (doubt > MAX_EDGE_DOUBT && !whole) return { status: 'orphan', score: c.similarity, reason: NO_END };
  // Moving the ends changes how much of the quote the place holds: a match that reached into
  // the context for letters the passage lost may hold too little of it once its ends are right.
  const m = p.exact.length;
  const moved = Math.abs(start - c.start) + Math.abs(end - c.end);
  // Each character an end moved changes the errors by at most one: a bound, counted exactly
  // (a sentence inserted inside free) only where the bound alone could mean too little is left.
  let errors = c.errors + moved;
  if (moved > 0 && errors > (1 - t.minQuoteScore) * m) {
    errors = end - start > m ? gapErrors(p.exact, p.text, start, end) : editDistance(p.exact, p.text.slice(start, end));
    if (1 - errors / m < t.minQuoteScore) return { status: 'orphan', score: c.similarity, reason: TOO_LITTLE };
  }
  // Fewer than half of the quote's words left (see words.ts): the passage was rewritten. A word
  // is lost only with more than half of it edited, which loses at most two characters of the
  // quote per edit: with fewer than a fifth of it edited, more than half is left.
  if (errors > m / 5 && survivingShare(p.exact, p.text.slice(start, end)) < MIN_SURVIVING) {
    return { status: 'orphan', score: c.similarity, reason: TOO_LITTLE };
  }
  return { status: 'anchored', start, end, method, score: c.similarity };
}

// Longest quote looked for with an insertion inside (the scoring is quadratic in its length).
const MAX_GAP_QUOTE = 1000;
// Partial matches tried as passages with an insertion inside, best first.
const GAP_TRIES = 4;
// A place FAR from the expected one is taken only with its context, and quote and context
// together, nearly verbatim (a moved paragraph keeps them): a repeated sentence elsewhere usually
// sits in other words, or was worded a little differently. Nearer places may just have drifted
// while text around them was edited.
const FAR_CONTEXT_ERRORS = 1 / 8;
/** Why a passage is orphaned when no place was similar enough, its distance counted; its score
 * is then the best similarity without it. */
export const NOT_SIMILAR = 'no place similar enough';
/** Why a passage is orphaned when the place chosen has no end that agrees with the context, or
 * holds too little of the quote. */
export const NO_END = 'an end of the passage cannot be found';
export const TOO_LITTLE = 'too little of the quote is left';
/** Why a passage is orphaned when no candidate place was found at all. */
export const QUOTE_NOT_FOUND = 'quote not found';
// Share of the quote's words (by characters) that must be left for the passage to survive.
const MIN_SURVIVING = 0.5;
// A context pattern with at most this share of errors stands where it is found, give or take
// this many characters (see otherSideElsewhere).
const OTHER_SIDE_ERRORS = 1 / 4;
const OTHER_SIDE_SLACK = 8;
// Share of context and quote-edge characters that may disagree at an end (see edges.ts): past
// it, no place agrees with either side of the end well enough to say where the passage stops.
const MAX_EDGE_DOUBT = 0.4;

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
 * Choose among scored candidates: the one with the least disagreement (quote and context
 * errors plus a position cost) among those similar enough, unless another place is nearly as
 * good; then the passage is ambiguous and orphaned rather than guessed.
 */
export function decide(p: Probe, all: Scored[], t: Thresholds): Anchor {
  if (all.length === 0) return { status: 'orphan', score: 0, reason: QUOTE_NOT_FOUND };
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
  const copy = copyVerdict(p, best, all, eligible, t);
  if (copy) return { status: 'orphan', score: best.c.similarity, reason: copy };
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
    found.push({ ...score(p, { start, end, errors: gapErrors(p.exact, p.text, start, end, true) }, 'fuzzy'), method: 'fuzzy' });
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

/**
 * `a`, or, where no place was similar enough, the place where the quote and all of its stored
 * context on one side stand verbatim: the other side's context was rewritten (the sentence after
 * the passage replaced or deleted), which leaves too little agreement in all to count as similar.
 * Only within WINDOW of the expected place and one paragraph, the quote with its nearest context
 * on that side found once in the text (a phrase repeated with the same words beside it, a title
 * cited again, vouches for nothing), and not where the other side's context stands near but
 * elsewhere (the passage is there, edited, and this a copy).
 */
export function orOneSide(p: Probe, t: Thresholds, a: Anchor): Anchor {
  if (a.status === 'anchored' || a.reason !== NOT_SIMILAR || p.hint === undefined) return a;
  const m = p.exact.length;
  // Each side: the quote with its nearest context, the quote with all of it, the quote's offset.
  const sides: Array<[string, string, number]> = [
    [p.prefix + p.exact, p.outerPrefix + p.prefix + p.exact, p.prefix.length],
    [p.exact + p.suffix, p.exact + p.suffix + p.outerSuffix, 0],
  ];
  for (const [near, whole, offset] of sides) {
    // Within its paragraph: text across a line break is two paragraphs, and they move apart.
    if (whole.includes(EDGE) || whole.includes('\n') || whole.length - m < CONTEXT_LENGTH) continue;
    // Looked for near the expected place first: most orphans have no such place, and scanning
    // the whole text for each would cost a tenth of the heavy bench's time.
    const lo = Math.max(0, p.hint - WINDOW - offset);
    const i = p.text.slice(lo, p.hint + WINDOW + near.length).indexOf(near);
    const at = lo + i;
    const start = at + offset;
    if (i < 0 || Math.abs(start - p.hint) > WINDOW) continue;
    const from = offset > 0 ? start + m - whole.length : start;
    if (p.text.slice(from, from + whole.length) !== whole || p.text.indexOf(near) !== at || p.text.indexOf(near, at + 1) >= 0) continue;
    // The other side starts or ends a paragraph where the passage sat inside one: a copy (a
    // table's source line), or the rest of its paragraph gone.
    const [otherText, otherPattern] = offset > 0 ? [p.text.slice(start + m, start + m + p.suffix.length), p.suffix] : [p.text.slice(Math.max(0, start - p.prefix.length), start), p.prefix];
    if (otherText.includes('\n') && !otherPattern.includes('\n')) continue;
    if (otherSideElsewhere(p, p.hint, offset > 0 ? 'after' : 'before', start, start + m)) continue;
    const found = anchored(p, score(p, { start, end: start + m, errors: 0 }, 'quote'), t);
    if (found.status === 'anchored') return found;
  }
  return a;
}

/**
 * Whether the context pattern on `side` of [start, end), the side that did not vouch for it,
 * stands nearly verbatim near the expected place but not next to it: the passage is there,
 * edited on the other side, and [start, end) a copy (a programme's title cited twice).
 */
function otherSideElsewhere(p: Probe, hint: number, side: 'before' | 'after', start: number, end: number): boolean {
  const pattern = side === 'before' ? p.prefix : p.suffix;
  const lo = Math.max(0, hint - WINDOW);
  const d = endDistances(pattern, p.text.slice(lo, Math.min(p.text.length, hint + p.exact.length + WINDOW)));
  for (let j = 0; j < d.length; j++) {
    if (d[j]! > pattern.length * OTHER_SIDE_ERRORS) continue;
    // Where the pattern would meet the passage: its end (before), its start (after).
    const meets = side === 'before' ? lo + j : lo + j - pattern.length;
    if (Math.abs(meets - (side === 'before' ? start : end)) > OTHER_SIDE_SLACK) return true;
  }
  return false;
}
