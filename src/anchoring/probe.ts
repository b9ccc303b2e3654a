/**
 * What is known about a passage while its place is chosen (the probe), and how a candidate
 * place is scored against it: quote and context errors, position. Shared by choose.ts, which
 * decides, and outer.ts, which tells the passage from copies of it.
 */
import type { Candidate } from './candidates.ts';
import { endDistance, startDistance } from './distance.ts';
import { EDGE, type AnchorMethod } from './types.ts';

// Context windows are a little longer than the context, for edits inside it.
export const CONTEXT_SLACK = 8;
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

/** An exact occurrence further than this from the expected place is checked against an edited
 * version of the passage still at that place. */
export const DRIFT = 256;
// Similarity (quote and context) above which a place near the expected one, with half of its
// context, is taken to be the passage, edited, rather than unrelated text: a farther copy then
// cannot be trusted.
export const PLAUSIBLE = 0.5;
// Position is weak evidence: passages drift by a few hundred characters as text around them
// changes, but may move anywhere. Its cost, in characters of disagreement, grows with the log
// of the distance: 0 at the expected place, ~4 at 1,000 characters, ~12 at 80,000.
const POSITION_WEIGHT = 2;
const POSITION_SCALE = 200;

/** Disagreement of the context patterns with the text before and after [start, end). */
export function sideErrors(p: Probe, start: number, end: number): { before: number; after: number } {
  const from = start - p.prefix.length - CONTEXT_SLACK;
  const before = (from <= 0 ? EDGE : '') + p.text.slice(Math.max(0, from), start);
  const to = end + p.suffix.length + CONTEXT_SLACK;
  const after = p.text.slice(end, to) + (to >= p.text.length ? EDGE : '');
  // Verbatim context is the common case and needs no alignment.
  return {
    before: before.endsWith(p.prefix) ? 0 : endDistance(p.prefix, before),
    after: after.startsWith(p.suffix) ? 0 : startDistance(p.suffix, after),
  };
}

function contextErrors(p: Probe, start: number, end: number): number {
  const { before, after } = sideErrors(p, start, end);
  return before + after;
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

/** Disagreement of `c` in characters: quote and context errors plus a cost of its distance. */
export function cost(c: Scored): number {
  return c.errors + c.contextErrors + POSITION_WEIGHT * Math.log1p(c.distance / POSITION_SCALE);
}

/** Whether two places share characters. */
export function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether context agrees well enough to accept an exact occurrence without further search. */
export function contextHolds(p: Probe, c: Scored): boolean {
  return c.contextErrors <= (p.prefix.length + p.suffix.length) / 4;
}

