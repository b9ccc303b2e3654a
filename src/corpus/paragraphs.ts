/**
 * The one offset → block → ¶ lookup. Every view (reader citations, the annotation panel, the
 * claims list, the compare margins, DOM mapping) asks here, so one passage shows one ¶ number
 * everywhere.
 *
 * The rule, for blocks whose text spans are half-open [start, end) and joined by a separator:
 * - an offset belongs to the block whose [start, end) holds it;
 * - an offset in the separator after a block (from its `end` up to the next block's `start`)
 *   belongs to the next block: the separator is the next block's leading edge, so a passage
 *   that starts exactly at a block's end starts, in fact, with the next block's text;
 * - before the first block or at/after the last block's end, no block.
 * A span's first ¶ is that of its first character (its start); its last ¶ is that of its last
 * character (`end - 1`) read backwards, so a trailing separator never adds the next ¶.
 *
 * Blocks never have empty text (the indexer skips blank ones), so each holds at least one
 * offset. Headings carry the number of the paragraph that opens their section and table cells
 * their table's number (`Block.n`), so a ¶ is always `block.n`, numbered in the margin or not.
 */
import type { Block } from './types.ts';

/** The index of the block an offset belongs to (see the rule above), or -1. Binary search. */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
  if (offset < 0) return -1;
  // First block that ends after the offset: it holds the offset or follows the separator.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < blocks.length ? lo : -1;
}

/** The block an offset belongs to: the one holding it, or the next after a separator. */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  const i = blockIndexAt(blocks, offset);
  return i < 0 ? undefined : blocks[i];
}

/** The block holding the last character before `end` (a separator counts for the block before it). */
export function blockBefore(blocks: readonly Block[], end: number): Block | undefined {
  // Last block that starts before `end`.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? blocks[lo - 1] : undefined;
}

/** The ¶ number of the block an offset belongs to, if any. */
export function paragraphAt(blocks: readonly Block[], offset: number): number | undefined {
  return blockAt(blocks, offset)?.n;
}

/** First and last ¶ of a span of text. */
export interface ParagraphRange {
  from: number;
  to: number;
}

/**
 * The ¶ numbers a span [start, end) runs over: from its first character's ¶ to its last
 * character's. An empty span has its start's ¶ at both ends; a span outside the text, none.
 */
export function paragraphsOfSpan(blocks: readonly Block[], start: number, end: number): ParagraphRange | undefined {
  const first = blockAt(blocks, start);
  if (!first) return undefined;
  const last = end > start ? blockBefore(blocks, end) : first;
  const to = last && last.n > first.n ? last.n : first.n;
  return { from: first.n, to };
}

/** The block that carries ¶n's number in the margin (where "¶n" is scrolled to), if any. */
export function numberedBlock(blocks: readonly Block[], n: number): Block | undefined {
  return blocks.find((b) => b.numbered && b.n === n);
}

/**
 * The block to show for ¶n: the one of its text holding offset `at` (a search's match in a
 * table's cell), else the numbered one. Undefined when there is no ¶n.
 */
export function blockToShow(blocks: readonly Block[], n: number, at?: number): Block | undefined {
  const first = numberedBlock(blocks, n);
  if (!first || at === undefined) return first;
  return blocks.find((b) => b.n === n && b.kind !== 'heading' && b.start <= at && at < b.end) ?? first;
}

/**
 * The ¶ number `delta` steps from ¶`current` (j / k): the first one when there is no current,
 * and no further than the first or last.
 */
export function stepParagraph(blocks: readonly Block[], current: number | undefined, delta: 1 | -1): number | undefined {
  const ns = [...new Set(blocks.filter((b) => b.numbered).map((b) => b.n))];
  const i = current === undefined ? -1 : ns.indexOf(current);
  return ns[Math.min(ns.length - 1, Math.max(0, i + delta))];
}

/**
 * The text span of ¶n: from its first block that is not a heading to its last block (a heading
 * shares the number of the paragraph that opens its section, but is not part of its text).
 * What a passage "¶n" quotes when a whole paragraph is meant, e.g. a related passage.
 */
export function spanOfParagraph(blocks: readonly Block[], n: number): { start: number; end: number } | undefined {
  let start = -1;
  let end = -1;
  for (const b of blocks) {
    if (b.n > n) break;
    if (b.n < n || b.kind === 'heading') continue;
    if (start < 0) start = b.start;
    end = b.end;
  }
  return start < 0 ? undefined : { start, end };
}
