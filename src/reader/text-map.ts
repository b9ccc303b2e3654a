import { blockAt, blockBefore } from '../corpus/paragraphs.ts';
import { BLOCK_LEVEL_TAGS, type Block } from '../corpus/types.ts';

/**
 * Mapping between DOM Ranges in rendered document HTML and offsets into DocModel.text.
 *
 * The rule is the one src/corpus/blocks.ts applies to the HTML tree when it builds the text:
 * a block's text is its text nodes, minus apparatus (`[data-nontext]`: footnote markers,
 * paragraph numbers) and minus nested blocks. Offsets between blocks (the separator) snap to
 * the nearest block edge, so a selection that runs across paragraphs or table cells maps to
 * one span of text.
 */
const BLOCK_LEVEL = BLOCK_LEVEL_TAGS.join(',');

/** Options of a TextMap. */
export interface TextMapOptions {
  /** The DOM under the map may change (e.g. wrapping highlights in elements): read it afresh on
   * every call instead of caching each block's text nodes. */
  live?: boolean;
  /** The block elements by id, where the caller has found them already (laying out does). */
  elements?: ReadonlyMap<string, Element>;
}

/** Indexes a rendered document's block elements for repeated mapping. */
export class TextMap {
  readonly #root: ParentNode;
  readonly #blocks: readonly Block[];
  readonly #els = new Map<string, Element>();
  readonly #byId = new Map<string, Block>();
  readonly #live: boolean;
  /** Per block: its own text nodes and the offset (from block start) where each one ends. */
  readonly #runs = new Map<string, { nodes: Text[]; ends: number[] }>();

  constructor(root: ParentNode, blocks: readonly Block[], options: TextMapOptions = {}) {
    this.#root = root;
    this.#blocks = blocks;
    this.#live = options.live ?? false;
    for (const b of blocks) this.#byId.set(b.id, b);
    if (options.elements) for (const [id, el] of options.elements) this.#els.set(id, el);
    else for (const el of root.querySelectorAll('[data-block]')) this.#els.set(el.getAttribute('data-block')!, el);
  }

  /** The element of a block, by id. */
  element(blockId: string): Element | undefined {
    return this.#els.get(blockId);
  }

  /** The block a text offset belongs to: the one holding it, or the next one for an offset in a
   * separator (the rule of `corpus/paragraphs.ts`, shared with every ¶ lookup). */
  blockAt(offset: number): Block | undefined {
    return blockAt(this.#blocks, offset);
  }

  /** Text offsets of a Range, or null if it touches no block. */
  rangeToOffsets(range: Range): { start: number; end: number } | null {
    const start = this.#pointToOffset(range.startContainer, range.startOffset, 'forward');
    const end = this.#pointToOffset(range.endContainer, range.endOffset, 'backward');
    if (start === null || end === null || end < start) return null;
    return { start, end };
  }

  /** A Range covering text offsets [start, end), or null when they lie outside the text. */
  offsetsToRange(start: number, end: number): Range | null {
    const first = blockAt(this.#blocks, start);
    const last = end > start ? blockBefore(this.#blocks, end) : first;
    if (!first || !last) return null;
    const range = document.createRange();
    const s = this.#offsetToPoint(first, Math.max(start, first.start));
    const e = this.#offsetToPoint(last, Math.min(Math.max(end, last.start), last.end));
    if (!s || !e) return null;
    range.setStart(s.node, s.offset);
    range.setEnd(e.node, e.offset);
    return range;
  }

  /** The own text nodes of a block element, in document order. */
  textNodes(el: Element): Text[] {
    const out: Text[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => {
        if (n.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const e = n as Element;
        if (e.hasAttribute('data-nontext') || e.hasAttribute('data-block') || e.matches(BLOCK_LEVEL)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
    return out;
  }

  #pointToOffset(node: Node, offset: number, dir: 'forward' | 'backward'): number | null {
    const host = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('[data-block]');
    const block = host && this.#root.contains(host) ? this.#blockById(host.getAttribute('data-block')!) : undefined;
    if (!host || !block) return this.#snap(node, offset, dir);
    const point = document.createRange();
    point.setStart(node, offset);
    let acc = 0;
    for (const t of this.textNodes(host)) {
      if (t === node) return block.start + acc + Math.min(offset, t.length);
      // A text node starting before the point lies wholly before it (the point is not in it).
      if (point.comparePoint(t, 0) >= 0) break;
      acc += t.length;
    }
    return block.start + Math.min(acc, block.end - block.start);
  }

  /** A point outside every block (a margin number, whitespace between cells): the edge of the
   * nearest block in the given direction. */
  #snap(node: Node, offset: number, dir: 'forward' | 'backward'): number | null {
    const point = document.createRange();
    point.setStart(node, offset);
    const ordered = dir === 'forward' ? this.#blocks : [...this.#blocks].reverse();
    for (const b of ordered) {
      const el = this.#els.get(b.id);
      if (!el) continue;
      const cmp = point.comparePoint(el, 0);
      if (dir === 'forward' && cmp >= 0 && !el.contains(node)) return b.start;
      if (dir === 'backward' && (cmp < 0 || el.contains(node))) return b.end;
    }
    return null;
  }

  #blockById(id: string): Block | undefined {
    return this.#byId.get(id);
  }

  // Painting thousands of highlights calls this per range end: a cached run per block and a
  // binary search keep it well under a microsecond.
  #offsetToPoint(block: Block, offset: number): { node: Node; offset: number } | null {
    const el = this.#els.get(block.id);
    if (!el) return null;
    const { nodes, ends } = this.#run(block.id, el);
    const rel = offset - block.start;
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < rel) lo = mid + 1;
      else hi = mid;
    }
    const node = nodes[lo];
    if (!node) return { node: el, offset: el.childNodes.length };
    const startOfNode = ends[lo]! - node.length;
    return { node, offset: Math.min(node.length, Math.max(0, rel - startOfNode)) };
  }

  #run(id: string, el: Element): { nodes: Text[]; ends: number[] } {
    let run = this.#live ? undefined : this.#runs.get(id);
    if (!run) {
      const nodes = this.textNodes(el);
      let acc = 0;
      run = { nodes, ends: nodes.map((t) => (acc += t.length)) };
      if (!this.#live) this.#runs.set(id, run);
    }
    return run;
  }
}
