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

/** Whether two passages are the same evidence (same source; overlapping enough, or the same quote). */
export function sameEvidence(a: EvidenceSpan, b: EvidenceSpan): boolean {
  if (a.source !== b.source) return false;
  if (a.quote.replace(/\s+/g, ' ').trim() === b.quote.replace(/\s+/g, ' ').trim()) return true;
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
  const edges: Array<[number, number, ShareReason]> = [];
  const terms = list.map((c) => statementTerms(c.statement));
  const spans = list.map((c) => c.evidence.flatMap((e) => {
    const s = spanOf(e.annotation);
    return s ? [{ ...s, side: side(e.stance) }] : [];
  }));
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (list[i]!.layer === list[j]!.layer) continue;
      if (spans[i]!.some((a) => spans[j]!.some((b) => a.side === b.side && sameEvidence(a, b)))) edges.push([i, j, 'evidence']);
      if (jaccard(terms[i]!, terms[j]!) >= NEAR_IDENTICAL) edges.push([i, j, 'wording']);
    }
  }
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
