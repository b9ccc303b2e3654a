/**
 * Highlighting by wrapping text in elements, the way Hypothesis (`highlightRange`) and Apache
 * Annotator (`highlightText`) do it: split the text nodes at the range's boundaries, then wrap
 * every text node inside the range in a `<mark>` (adjacent sibling text nodes share one mark;
 * runs of whitespace-only text, such as the gaps between table cells, get none). Clearing
 * unwraps the marks and normalises their parents, which restores the DOM exactly provided it
 * had no adjacent or empty text nodes to begin with.
 *
 * This is the baseline of bench/highlights.ts, not app code. Unlike Hypothesis, which scans
 * every text node under the range's common ancestor, it walks only from the range's start to
 * its end, so a range across blocks costs no more than its own length.
 */

const WHITESPACE = /^\s*$/;

/** Wrap the text inside `range` in elements made by `make`; returns them in document order.
 * Mutates the DOM, and so every live Range in it: moving a text node into a mark collapses
 * boundaries inside that node, so create each range just before wrapping it (`range` itself is
 * used up). No other Range is made: each live Range slows down every later DOM mutation. */
export function wrapRange(range: Range, make: () => HTMLElement): HTMLElement[] {
  if (range.collapsed) return [];
  const { startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo } = range;
  // Split at the end first, so the start's offset stays valid when both lie in one text node.
  // The live range follows: its end stays at the split, its start ends up at the end of the
  // head (or, past the split, in the tail), and the head is then outside it.
  if (ec instanceof Text && eo > 0 && eo < ec.length) ec.splitText(eo);
  let first: Node = sc;
  let offset = so;
  if (sc instanceof Text && so > 0 && so < sc.length) {
    first = sc.splitText(so);
    offset = 0;
  }
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  const groups: Text[][] = [];
  for (let n = firstTextAtOrAfter(walker, first, offset); n; n = walker.nextNode() as Text | null) {
    if (range.comparePoint(n, 0) > 0) break; // starts after the end
    if (n.length === 0 || range.comparePoint(n, 0) < 0 || range.comparePoint(n, n.length) > 0) continue;
    const group = groups.at(-1);
    if (group && group.at(-1)!.nextSibling === n) group.push(n);
    else groups.push([n]);
  }
  const out: HTMLElement[] = [];
  for (const group of groups) {
    if (group.every((t) => WHITESPACE.test(t.data))) continue;
    const el = make();
    group[0]!.before(el);
    el.append(...group);
    out.push(el);
  }
  return out;
}

/** Remove wrapping elements made by `wrapRange` (any order), keeping their content, then merge
 * the text nodes the wrapping split. */
export function unwrapMarks(marks: readonly HTMLElement[]): void {
  const removed = new Set<Node>(marks);
  const parents = new Set<Node>();
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i]!;
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  // Parents that were themselves marks are gone; their content went up to a parent in the set.
  for (const p of parents) if (!removed.has(p)) p.normalize();
}

/** Position `walker` on the first text node at or after the boundary point (node, offset). */
function firstTextAtOrAfter(walker: TreeWalker, node: Node, offset: number): Text | null {
  if (node instanceof Text) {
    walker.currentNode = node;
    return node;
  }
  const child = node.childNodes[offset];
  if (child) {
    walker.currentNode = child;
    return child instanceof Text ? child : (walker.nextNode() as Text | null);
  }
  // Past the last child: continue after node's whole subtree.
  let last: Node = node;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  return walker.nextNode() as Text | null;
}
