/**
 * Claims several people share: claims of different layers that rest on the same evidence
 * (passages of one source that overlap, standing the same way) or say nearly the same thing
 * (`search/similar.ts`). Sharing is transitive: if Ann's claim shares a passage with Ben's and
 * Ben's is worded like Cleo's, the three are one group, as a seminar would discuss them. Pure.
 */
import type { Claim, Stance } from '../../store/index.ts';
import { jaccard, NEAR_IDENTICAL, statementTerms } from '../../search/similar.ts';

/** Why claims are grouped: a shared passage, or near-identical wording. */
export type ShareReason = 'evidence' | 'wording';

/** Where an evidence passage lies, for comparing passages. */
export interface EvidenceSpan {
  source: string;
  /** Which text `start`/`end` count in: the source's current text once placed, else the hash of the text it was made on. */
  text: string;
  start: number;
  end: number;
  /** The passage's exact text. */
  quote: string;
}

/** Claims of at least two layers that share evidence or wording. */
export interface SharedGroup {
  /** The claims, grouped by layer in `layers` order, oldest first within one. */
  claims: Claim[];
  /** Their layers' ids, each once, in order of their first claim. */
  layers: string[];
  reasons: ShareReason[];
}

/**
 * Two passages are the same evidence when at least this share of the shorter lies inside the
 * longer: a student who marks the whole ¶ and one who marks a sentence of it cite the same
 * evidence; two sentences that share a boundary word do not.
 */
export const OVERLAP_SHARE = 0.5;

const side = (s: Stance) => (s === 'argues-against' ? 'against' : 'for');

const squash = (quote: string) => quote.replace(/\s+/g, ' ').trim();

/** Whether two passages are the same evidence (same source; overlapping enough, or the same quote). */
export function sameEvidence(a: EvidenceSpan, b: EvidenceSpan): boolean {
  return same({ ...a, quote: squash(a.quote) }, { ...b, quote: squash(b.quote) });
}

// sameEvidence for quotes already squashed: it runs for every pair of claims.
function same(a: EvidenceSpan, b: EvidenceSpan): boolean {
  if (a.source !== b.source) return false;
  if (a.quote === b.quote) return true;
  if (a.text !== b.text) return false;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap >= OVERLAP_SHARE * Math.min(a.end - a.start, b.end - b.start);
}

/**
 * Groups of claims of different layers that share evidence or wording, most layers first.
 * `spanOf` tells where an annotation's passage lies (undefined for one not known here).
 */
export function sharedClaims(claims: readonly Claim[], spanOf: (annotation: string) => EvidenceSpan | undefined): SharedGroup[] {
  const list = [...claims].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  const parent = list.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const edges: Array<[number, number, ShareReason]> = [
    ...evidencePairs(list, spanOf).map(([i, j]) => [i, j, 'evidence'] as [number, number, ShareReason]),
    ...wordingPairs(list).map(([i, j]) => [i, j, 'wording'] as [number, number, ShareReason]),
  ];
  for (const [i, j] of edges) parent[root(i)] = root(j);
  const groups = new Map<number, { members: number[]; reasons: Set<ShareReason> }>();
  list.forEach((_, i) => {
    const r = root(i);
    const g = groups.get(r) ?? { members: [], reasons: new Set<ShareReason>() };
    g.members.push(i);
    groups.set(r, g);
  });
  for (const [i, , reason] of edges) groups.get(root(i))!.reasons.add(reason);
  const out: SharedGroup[] = [];
  for (const g of groups.values()) {
    const members = g.members.map((i) => list[i]!);
    const layers = [...new Set(members.map((c) => c.layer))];
    if (layers.length < 2) continue;
    const claimsByLayer = layers.flatMap((l) => members.filter((c) => c.layer === l));
    out.push({ claims: claimsByLayer, layers, reasons: (['evidence', 'wording'] as const).filter((r) => g.reasons.has(r)) });
  }
  return out.sort((a, b) => b.layers.length - a.layers.length || a.claims[0]!.created.localeCompare(b.claims[0]!.created));
}

// Not every pair of claims is compared (a class of 30 has 180,000 pairs): passages are swept in
// text order per source, statements meet through the words they share.

/** Pairs of claims (indices into `list`) of different layers citing the same evidence. */
function evidencePairs(list: readonly Claim[], spanOf: (annotation: string) => EvidenceSpan | undefined): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const byQuote = new Map<string, number[]>();
  const byText = new Map<string, Array<EvidenceSpan & { claim: number }>>();
  list.forEach((c, claim) => {
    for (const e of c.evidence) {
      const s = spanOf(e.annotation);
      if (!s) continue;
      const key = `${s.source}\u0000${side(e.stance)}`;
      const quote = `${key}\u0000${squash(s.quote)}`;
      push(byQuote, quote, claim);
      const text = `${key}\u0000${s.text}`;
      push(byText, text, { ...s, claim });
    }
  });
  // The same words: one group, when its claims come from two layers or more.
  for (const claims of byQuote.values()) {
    if (new Set(claims.map((i) => list[i]!.layer)).size < 2) continue;
    for (let k = 1; k < claims.length; k++) pairs.push([claims[0]!, claims[k]!]);
  }
  // Overlapping passages: each compared with those starting before it ends.
  for (const spans of byText.values()) {
    if (new Set(spans.map((s) => list[s.claim]!.layer)).size < 2) continue;
    spans.sort((a, b) => a.start - b.start);
    for (let k = 0; k < spans.length; k++) {
      const a = spans[k]!;
      for (let m = k + 1; m < spans.length && spans[m]!.start < a.end; m++) {
        const b = spans[m]!;
        if (list[a.claim]!.layer !== list[b.claim]!.layer && same(a, b)) pairs.push([a.claim, b.claim]);
      }
    }
  }
  return pairs;
}

/**
 * Pairs of claims (indices into `list`) of different layers worded nearly the same. A prefix
 * filter (Bayardo et al., "Scaling up all pairs similarity search", 2007): with each statement's
 * terms in one order, rarest first, two statements alike to NEAR_IDENTICAL share a term among
 * each one's first |terms| − ⌈NEAR_IDENTICAL·|terms|⌉ + 1. Only those are indexed and probed, so
 * a word most statements have ("security") seldom brings a pair to measure.
 */
function wordingPairs(list: readonly Claim[]): Array<[number, number]> {
  const terms = list.map((c) => statementTerms(c.statement));
  const frequency = new Map<string, number>();
  for (const ts of terms) for (const t of ts) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const prefixes = terms.map((ts) => [...ts].sort(rarestFirst).slice(0, ts.size - Math.ceil(NEAR_IDENTICAL * ts.size - 1e-9) + 1));
  const postings = new Map<string, number[]>();
  prefixes.forEach((prefix, i) => {
    for (const t of prefix) push(postings, t, i);
  });
  const pairs: Array<[number, number]> = [];
  prefixes.forEach((prefix, i) => {
    const candidates = new Set<number>();
    for (const t of prefix) for (const j of postings.get(t)!) if (j > i && list[i]!.layer !== list[j]!.layer) candidates.add(j);
    for (const j of candidates) if (jaccard(terms[i]!, terms[j]!) >= NEAR_IDENTICAL) pairs.push([i, j]);
  });
  return pairs;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
