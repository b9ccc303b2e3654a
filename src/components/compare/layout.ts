/**
 * The compare view's layout maths: which claims stand beside which passages of a column's
 * source, which passages are in view, how the margin cards stack, and what a selection reveals.
 * Pure (no Lit, no DOM): the column hands in block boxes and card heights, so it runs in Node.
 */
import type { Placed } from '../../annotate/anchored.ts';
import { paragraphAt } from '../../corpus/paragraphs.ts';
import type { Block, DocModel } from '../../corpus/types.ts';
import type { Claim, Stance } from '../../store/index.ts';
import { evidenceSources, linkViews, type GraphData, type LinkView } from '../../map/graph.ts';

/** A span of a document's plain text, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A margin card: a claim beside one of its evidence passages in the column's source. */
export interface MarginEntry {
  /** Unique per card: claim id and annotation id. */
  key: string;
  claim: Claim;
  stance: Stance;
  passage: Placed;
  links: LinkView[];
}

/** What a selection should reveal in a column, and why. */
export type RevealTarget =
  | { kind: 'own'; annotation: string }
  | { kind: 'linked'; annotation: string; via: LinkView }
  | { kind: 'none' };

/**
 * The cards of a source's margin: one per (claim, evidence passage placed in the text), in
 * reading order; passages that start together keep the older claim first. Orphaned
 * evidence (not in `placed`) has no place in the margin.
 */
export function marginEntries(data: GraphData, source: string, placed: readonly Placed[]): MarginEntry[] {
  const at = new Map(placed.map((p) => [p.annotation.id, p]));
  const entries: MarginEntry[] = [];
  for (const claim of data.claimsOf(source)) {
    let links: LinkView[] | undefined;
    for (const e of claim.evidence) {
      const passage = at.get(e.annotation);
      if (!passage) continue;
      links ??= linkViews(data, claim.id);
      entries.push({ key: `${claim.id} ${e.annotation}`, claim, stance: e.stance, passage, links });
    }
  }
  // Stable sort: claimsOf is oldest first, which breaks ties.
  return entries.sort((a, b) => a.passage.start - b.passage.start);
}

/** Entries whose passage overlaps a span of the text (the part of it in view). */
export function entriesIn(entries: readonly MarginEntry[], span: Span): MarginEntry[] {
  return entries.filter((e) => e.passage.start < span.end && e.passage.end > span.start);
}

/**
 * The text span of the blocks that lie (partly) between `top` and `bottom`, given each block's
 * vertical box in the same coordinates. Blocks are in text order, which is also top-to-bottom
 * order, so two binary searches suffice; a block without a box (not rendered) is skipped.
 */
export function visibleSpan(
  blocks: readonly Block[],
  boxOf: (block: Block) => { top: number; bottom: number } | undefined,
  top: number,
  bottom: number,
): Span | undefined {
  const boxes = blocks.flatMap((b) => {
    const box = boxOf(b);
    return box ? [{ b, box }] : [];
  });
  // First block ending below `top`.
  let lo = 0;
  let hi = boxes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boxes[mid]!.box.bottom > top) hi = mid;
    else lo = mid + 1;
  }
  const first = lo;
  // First block starting at or below `bottom`.
  hi = boxes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boxes[mid]!.box.top >= bottom) hi = mid;
    else lo = mid + 1;
  }
  if (lo <= first) return undefined;
  return { start: boxes[first]!.b.start, end: boxes[lo - 1]!.b.end };
}

/**
 * Tops for cards that want to sit at `want` but must not overlap: each goes as high as it
 * wants but below the one before it (`gap` apart), and none above 0. Then, if the last card
 * runs past `limit`, cards are pushed back up as far as the space above them allows, so as
 * many as possible stay in view. Input in the order the cards should read.
 */
export function stackCards(cards: readonly { want: number; height: number }[], gap: number, limit: number): number[] {
  const tops: number[] = [];
  let floor = 0;
  for (const c of cards) {
    const t = Math.max(c.want, floor);
    tops.push(t);
    floor = t + c.height + gap;
  }
  let ceiling = limit;
  for (let i = cards.length - 1; i >= 0; i--) {
    const c = cards[i]!;
    tops[i] = Math.max(0, Math.min(tops[i]!, ceiling - c.height));
    ceiling = tops[i]! - gap;
  }
  // A pushed-up card must still clear the one before it; overflow goes below, not on top.
  for (let i = 1; i < cards.length; i++) tops[i] = Math.max(tops[i]!, tops[i - 1]! + cards[i - 1]!.height + gap);
  return tops;
}

/**
 * What selecting a claim (or one of its links) in one column should reveal in a column showing
 * `source`. A link: the linked claim's first passage there. A claim: its own first passage
 * there; failing that, the first linked claim with a passage there (the reader asked "where does
 * the other source speak to this?"). Only passages in `placed` count: an orphan cannot be shown.
 */
export function revealTarget(data: GraphData, claimId: string, linkId: string | undefined, source: string, placed: readonly Placed[]): RevealTarget {
  const order = new Map(placed.map((p, i) => [p.annotation.id, i]));
  const firstIn = (id: string): string | undefined => {
    const ids = evidenceSources(data, id).find((s) => s.source === source)?.annotations ?? [];
    return ids.filter((a) => order.has(a)).sort((a, b) => order.get(a)! - order.get(b)!)[0];
  };
  const views = linkViews(data, claimId);
  if (linkId !== undefined) {
    const via = views.find((v) => v.link.id === linkId);
    const annotation = via && firstIn(via.other.id);
    return via && annotation ? { kind: 'linked', annotation, via } : { kind: 'none' };
  }
  const own = firstIn(claimId);
  if (own) return { kind: 'own', annotation: own };
  for (const via of views) {
    const annotation = firstIn(via.other.id);
    if (annotation) return { kind: 'linked', annotation, via };
  }
  return { kind: 'none' };
}

/** ¶ number of a placed annotation in a document (the ¶ of its first character), if placed. */
export function paragraphOfPlaced(doc: DocModel | undefined, placed: readonly Placed[], annotationId: string): number | undefined {
  const p = placed.find((x) => x.annotation.id === annotationId);
  return doc && p ? paragraphAt(doc.blocks, p.start) : undefined;
}
