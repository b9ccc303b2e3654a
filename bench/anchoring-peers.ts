/**
 * The engines Crossread's `anchor` is measured against, written for the bench.
 *
 * Hypothesis-style: a transcription of hypothesis/client's `anchoring/html.ts` order (stored
 * position first, accepted if it still holds the quote) and `match-quote.ts` scoring
 * (approx-string-match with maxErrors = min(256, quote length / 2); candidates scored quote 50,
 * prefix 20, suffix 20, position 2; the best candidate is always returned).
 * Exact-only: the occurrence of the exact quote nearest the stored position.
 */
import approxSearch, { type Match } from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../src/anchoring/index.ts';

/** A found place, or null for "could not anchor". */
export type Place = { start: number; end: number } | null;

function search(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let i = text.indexOf(str); i !== -1; i = text.indexOf(str, i + 1)) {
    exact.push({ start: i, end: i + str.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  return 1 - matches[0]!.errors / str.length;
}

function matchQuote(text: string, quote: string, prefix: string, suffix: string, hint: number): Place {
  if (quote.length === 0) return null;
  const matches = search(text, quote, Math.min(256, quote.length / 2));
  let best: Place = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = prefix
      ? textMatchScore(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix)
      : 1;
    const suffixScore = suffix ? textMatchScore(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const posScore = 1 - Math.abs(m.start - hint) / text.length;
    const s = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (s > bestScore) {
      bestScore = s;
      best = { start: m.start, end: m.end };
    }
  }
  return best;
}

/** Hypothesis-style anchoring: position if it still holds the quote, else matchQuote. */
export function hypothesisAnchor(text: string, q: TextQuoteSelector, p: TextPositionSelector): Place {
  if (text.slice(p.start, p.end) === q.exact) return { start: p.start, end: p.end };
  return matchQuote(text, q.exact, q.prefix, q.suffix, p.start);
}

/** Exact-only baseline: the exact occurrence nearest the stored position. */
export function exactAnchor(text: string, q: TextQuoteSelector, p: TextPositionSelector): Place {
  let best: Place = null;
  for (let i = text.indexOf(q.exact); i !== -1; i = text.indexOf(q.exact, i + 1)) {
    if (!best || Math.abs(i - p.start) < Math.abs(best.start - p.start)) {
      best = { start: i, end: i + q.exact.length };
    }
  }
  return best;
}
