// The <mark>-wrapping baseline of bench/highlights.ts: it must wrap exactly the text of each
// range and restore the DOM exactly when cleared, or the bench compares against a broken peer.
import { expect } from '@open-wc/testing';
import { unwrapMarks, wrapRange } from '../../bench/mark-wrap.ts';

const HTML =
  '<h2 data-block="h">A <em>heading</em></h2>\n<p data-block="a">One <strong>two <em>three</em></strong> four.</p>\n' +
  '<table><tbody>\n<tr><td data-block="c1">cell one</td>\n<td data-block="c2">cell two</td></tr>\n</tbody></table>\n' +
  '<ul>\n<li data-block="l">item <a href="#x">link</a> end</li>\n</ul>';

function fixture(): HTMLElement {
  document.querySelector('#wrap-fixture')?.remove();
  const el = document.createElement('div');
  el.id = 'wrap-fixture';
  el.innerHTML = HTML;
  document.body.append(el);
  return el;
}

/** Every node as type:length or tag name, so split text nodes show. */
function shape(root: Node): string {
  const parts: string[] = [];
  const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let n = w.nextNode(); n; n = w.nextNode()) parts.push(n instanceof Text ? `#${n.length}` : n.nodeName);
  return parts.join(' ');
}

/** The text nodes of root and their start offsets in root.textContent. */
function textIndex(root: Node): Array<{ node: Text; start: number }> {
  const out: Array<{ node: Text; start: number }> = [];
  let acc = 0;
  const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
    out.push({ node: n, start: acc });
    acc += n.length;
  }
  return out;
}

/** A Range over textContent offsets [start, end) of root (boundaries inside text nodes). */
function rangeAt(root: Node, start: number, end: number): Range {
  const idx = textIndex(root);
  const point = (o: number) => {
    const hit = idx.find((t) => o >= t.start && o <= t.start + t.node.length)!;
    return [hit.node, o - hit.start] as const;
  };
  const r = document.createRange();
  r.setStart(...point(start));
  r.setEnd(...point(end));
  return r;
}

/** The text covered by marks: a character is marked if any mark holds it. */
function markedChars(root: HTMLElement): boolean[] {
  return textIndex(root).flatMap(({ node }) => Array.from(node.data, () => node.parentElement!.closest('mark') !== null));
}

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('bench mark wrapping (wrapRange / unwrapMarks)', () => {
  it('wraps exactly the range, across elements and blocks, and skips whitespace between cells', () => {
    const root = fixture();
    const text = root.textContent;
    const start = text.indexOf('two') + 1; // inside "two"
    const end = text.indexOf('cell two') + 4;
    const marks = wrapRange(rangeAt(root, start, end), () => document.createElement('mark'));
    expect(root.textContent).to.equal(text);
    const marked = markedChars(root);
    for (let i = 0; i < text.length; i++) {
      const inRange = i >= start && i < end;
      // Whitespace-only text nodes (between rows and cells) are never wrapped.
      if (inRange && /\s/.test(text[i]!) && !marked[i]) continue;
      expect(marked[i], `char ${i} ${JSON.stringify(text[i])}`).to.equal(inRange);
    }
    expect(root.querySelector('tr > mark, tbody > mark, table > mark')).to.equal(null);
    unwrapMarks(marks);
    expect(root.innerHTML).to.equal(HTML);
  });

  it('restores the DOM exactly after many overlapping and nested highlights, in any order', () => {
    const root = fixture();
    const before = shape(root);
    const text = root.textContent;
    const rand = rng(3);
    for (const reverse of [false, true]) {
      const marks: HTMLElement[] = [];
      const spans: Array<[number, number]> = [];
      for (let i = 0; i < 60; i++) {
        const s = Math.floor(rand() * (text.length - 1));
        const e = Math.min(text.length, s + 1 + Math.floor(rand() * 40));
        spans.push([s, e]);
        marks.push(...wrapRange(rangeAt(root, s, e), () => document.createElement('mark')));
        expect(root.textContent).to.equal(text);
      }
      const marked = markedChars(root);
      for (let i = 0; i < text.length; i++) {
        const want = spans.some(([s, e]) => i >= s && i < e);
        if (want && !marked[i]) expect(/\s/.test(text[i]!), `char ${i} unmarked`).to.equal(true);
        if (!want) expect(marked[i], `char ${i} marked`).to.equal(false);
      }
      unwrapMarks(reverse ? [...marks].reverse() : marks);
      expect(root.querySelectorAll('mark').length).to.equal(0);
      expect(root.innerHTML).to.equal(HTML);
      expect(shape(root)).to.equal(before);
    }
  });

  it('handles ranges on element boundaries and inside one text node', () => {
    const root = fixture();
    const p = root.querySelector('p')!;
    const r = document.createRange();
    r.setStart(p, 0);
    r.setEnd(p, p.childNodes.length);
    const a = wrapRange(r, () => document.createElement('mark'));
    const t = textIndex(p.querySelector('em')!)[0]!.node; // "three", now inside a mark
    const r2 = document.createRange();
    r2.setStart(t, 1);
    r2.setEnd(t, 3);
    const b = wrapRange(r2, () => document.createElement('mark'));
    expect(b.map((m) => m.textContent)).to.deep.equal(['hr']);
    expect(a.map((m) => m.textContent).join('')).to.equal(p.textContent);
    unwrapMarks([...a, ...b]);
    expect(root.innerHTML).to.equal(HTML);
  });
});
