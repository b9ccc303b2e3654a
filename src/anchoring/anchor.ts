/**
 * Resolve selectors to a place in (possibly edited) text, after Hypothesis's `anchoring/html.ts`
 * and `match-quote.ts`, with one difference of principle: a place is returned only when quote
 * and context agree well enough and no other place is about as good. Hypothesis always returns
 * the best-scoring match, which anchors deleted passages to lookalikes. The chosen place's ends
 * are then placed again against the context (edges.ts), so that a passage whose first or last
 * words were edited, or with a sentence inserted inside it, is covered whole.
 */
import { exactMatches, seededMatches, windowMatches } from './candidates.ts';
import { anchored, decide, orOneSide, settle } from './choose.ts';
import { contextHolds, DRIFT, type Probe, score, type Scored, type Thresholds, WINDOW } from './probe.ts';
import { WORD } from './distance.ts';
import {
  type Anchor,
  type AnchorOptions,
  CONTEXT_LENGTH,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
  EDGE,
} from './types.ts';

/** Default minimum similarity of quote plus context (see `Scored.similarity` in choose.ts). */
export const MIN_SCORE = 0.75;
/** Below this similarity of the quote alone, the passage counts as destroyed. Edit distance
 * undercounts rewritten characters (a replacement word shares letters with the old one by
 * chance), so 0.6 corresponds to roughly half of the quote's characters surviving. */
export const MIN_QUOTE_SCORE = 0.6;

// Exact occurrences this close to the expected place, with intact context, are taken at once.
const NEAR = 2048;
// An occurrence this close to the expected place is the passage there, as far as position tells.
const SAME_PLACE = 64;

/**
 * The context patterns (the WORD characters nearest the quote) and the outer context beyond
 * them (all of it: CONTEXT_LENGTH characters a side, more where `describe` grew the context to
 * make it unique), with EDGE where the text ended. Selectors made before CONTEXT_LENGTH grew
 * from 32 to 64 hold 32 characters: a context of exactly WORD characters is taken as such an
 * older one (no outer context, text not known to end there); a side shorter than WORD, or than
 * the other side and CONTEXT_LENGTH, ended at the text's edge.
 */
function contextPatterns(q: TextQuoteSelector): Pick<Probe, 'prefix' | 'suffix' | 'outerPrefix' | 'outerSuffix'> {
  const full = Math.max(CONTEXT_LENGTH, q.prefix.length, q.suffix.length);
  const atEdge = (n: number): boolean => n < WORD || (n > WORD && n < full);
  const prefix = atEdge(q.prefix.length) ? EDGE + q.prefix : q.prefix;
  const suffix = atEdge(q.suffix.length) ? q.suffix + EDGE : q.suffix;
  return {
    prefix: prefix.slice(-WORD),
    suffix: suffix.slice(0, WORD),
    outerPrefix: prefix.slice(0, Math.max(0, prefix.length - WORD)),
    outerSuffix: suffix.slice(WORD),
  };
}

function positionOnly(text: string, pos: TextPositionSelector, options: AnchorOptions): Anchor {
  const changed = options.originalLength !== undefined && options.originalLength !== text.length;
  if (pos.start < 0 || pos.end < pos.start || pos.end > text.length || changed) {
    return { status: 'orphan', score: 0, reason: 'position cannot be verified without a quote' };
  }
  return { status: 'anchored', start: pos.start, end: pos.end, method: 'position', score: 0.5 };
}

/** The quote and the position among `selectors` (the last of each kind, in any order). */
export function selectorsOf(selectors: readonly Selector[]): { quote?: TextQuoteSelector; pos?: TextPositionSelector } {
  let quote: TextQuoteSelector | undefined;
  let pos: TextPositionSelector | undefined;
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector') quote = s;
    else if (s.type === 'TextPositionSelector') pos = s;
  }
  return { quote, pos };
}

/** Where the stored position expects the passage: its start, scaled to the text's new length
 * where the length it was made on is known. */
export function expectedStart(text: string, pos: TextPositionSelector, options: AnchorOptions): number {
  const scale = options.originalLength && options.originalLength > 0 ? text.length / options.originalLength : 1;
  return Math.round(pos.start * scale);
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
  const { quote, pos } = selectorsOf(selectors);
  if (!quote || quote.exact.length === 0) {
    return pos ? positionOnly(text, pos, options) : { status: 'orphan', score: 0, reason: 'no selector' };
  }
  const t: Thresholds = {
    minScore: options.minScore ?? MIN_SCORE,
    minQuoteScore: options.minQuoteScore ?? MIN_QUOTE_SCORE,
  };
  const hint = options.hint ?? (pos ? expectedStart(text, pos, options) : undefined);
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
      return orOneSide(p, t, decide(p, near, t));
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
    return orOneSide(p, t, settle(p, all, t));
  }

  const seeded = seededMatches(text, p.exact, quote.prefix.slice(-WORD), quote.suffix.slice(0, WORD));
  for (const c of seeded) {
    if (!all.some((o) => o.start === c.start && o.end === c.end)) all.push(score(p, c, 'fuzzy'));
  }
  // A passage with a sentence inserted inside is found by its seeds, only partly matched: settle
  // places its ends again and may find it good after all. (A last direct search around the
  // expected place, for edits the seeds missed, found nothing they did not once each cluster of
  // seeds was verified in a window just wider than the quote, and cost an eighth of the time.)
  return orOneSide(p, t, settle(p, all, t));
}
