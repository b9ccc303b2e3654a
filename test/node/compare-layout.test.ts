import { describe, expect, it } from 'vitest';
import * as layout from '../../src/components/compare/layout.ts';
import { entriesIn, marginEntries, paragraphOfPlaced, revealTarget, stackCards, visibleSpan } from '../../src/components/compare/layout.ts';
import { buildDocument } from '../../src/corpus/index.ts';
import type { Block } from '../../src/corpus/types.ts';
import { place, world } from './graph-fixtures.ts';

const block = (n: number, start: number, end: number): Block => ({ id: `b${n}`, kind: 'paragraph', n, numbered: true, start, end });

describe('compare layout', () => {
  it('exports its public API', () => {
    expect(Object.keys(layout).sort()).toEqual(['entriesIn', 'marginEntries', 'paragraphOfPlaced', 'revealTarget', 'stackCards', 'visibleSpan']);
  });

  it('lists the margin cards of a source in reading order, one per placed evidence passage', async () => {
    const w = await world();
    // a2 placed before a1 in this version of the text; an orphan has no card.
    const entries = marginEntries(w.store, 'doc-a', [place(w.a2, 5), place(w.a1, 50)]);
    expect(entries.map((e) => [e.claim.id, e.stance, e.passage.start])).toEqual([
      [w.C.id, 'mentions', 5],
      [w.A.id, 'asserts', 50],
    ]);
    expect(entries[1]!.key).toBe(`${w.A.id} ${w.a1.id}`);
    expect(entries[1]!.links).toHaveLength(3);
    expect(marginEntries(w.store, 'doc-a', [place(w.a1, 50)]).map((e) => e.claim.id)).toEqual([w.A.id]);
    expect(marginEntries(w.store, 'doc-z', [])).toEqual([]);
  });

  it('keeps the entries whose passage overlaps a span', async () => {
    const w = await world();
    const entries = marginEntries(w.store, 'doc-a', [place(w.a2, 5, 15), place(w.a1, 50, 60)]);
    expect(entriesIn(entries, { start: 0, end: 5 })).toEqual([]);
    expect(entriesIn(entries, { start: 14, end: 50 }).map((e) => e.passage.start)).toEqual([5]);
    expect(entriesIn(entries, { start: 14, end: 51 }).map((e) => e.passage.start)).toEqual([5, 50]);
    expect(entriesIn(entries, { start: 60, end: 99 })).toEqual([]);
  });

  it('finds the text span of the blocks in view by their boxes', () => {
    const blocks = [block(1, 0, 10), block(2, 11, 20), block(3, 21, 30), block(4, 31, 40)];
    const box = (b: Block) => ({ top: (b.n - 1) * 100, bottom: b.n * 100 }); // 100px each
    expect(visibleSpan(blocks, box, 150, 250)).toEqual({ start: 11, end: 30 });
    expect(visibleSpan(blocks, box, 100, 200)).toEqual({ start: 11, end: 20 });
    expect(visibleSpan(blocks, box, -50, 10)).toEqual({ start: 0, end: 10 });
    expect(visibleSpan(blocks, box, 400, 500)).toBeUndefined();
    expect(visibleSpan(blocks, (b) => (b.n === 2 ? undefined : box(b)), 120, 180)).toBeUndefined();
    expect(visibleSpan([], box, 0, 100)).toBeUndefined();
  });

  it('agrees with a linear scan on random layouts', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const blocks: Block[] = [];
      const boxes = new Map<string, { top: number; bottom: number }>();
      let y = 0;
      for (let i = 0; i < 1 + Math.floor(rnd() * 12); i++) {
        const b = block(i + 1, i * 10, i * 10 + 9);
        y += Math.floor(rnd() * 20);
        const h = 1 + Math.floor(rnd() * 60);
        boxes.set(b.id, { top: y, bottom: y + h });
        y += h;
        blocks.push(b);
      }
      const top = Math.floor(rnd() * y);
      const bottom = top + Math.floor(rnd() * 100) + 1;
      const seen = blocks.filter((b) => boxes.get(b.id)!.bottom > top && boxes.get(b.id)!.top < bottom);
      const expected = seen.length ? { start: seen[0]!.start, end: seen.at(-1)!.end } : undefined;
      expect(visibleSpan(blocks, (b) => boxes.get(b.id), top, bottom), `run ${run}`).toEqual(expected);
    }
  });

  it('stacks cards without overlap, near their passages, pushed up at the bottom', () => {
    expect(stackCards([{ want: 10, height: 50 }, { want: 200, height: 50 }], 8, 1000)).toEqual([10, 200]);
    expect(stackCards([{ want: 10, height: 50 }, { want: 20, height: 50 }], 8, 1000)).toEqual([10, 68]);
    expect(stackCards([{ want: -30, height: 50 }], 8, 1000)).toEqual([0]);
    // The last card would end at 320 > 300: both move up.
    expect(stackCards([{ want: 200, height: 50 }, { want: 250, height: 70 }], 10, 300)).toEqual([170, 230]);
    // No room for all: the first stays at the top, the rest overflow below, never overlapping.
    const tops = stackCards([{ want: 0, height: 80 }, { want: 0, height: 80 }, { want: 0, height: 80 }], 10, 200);
    expect(tops).toEqual([0, 90, 180]);
    expect(stackCards([], 8, 100)).toEqual([]);
  });

  it('chooses what a selection reveals in the other source', async () => {
    const w = await world();
    const inB = [place(w.b1, 40)];
    // A has its own (argues-against) evidence in doc-b.
    expect(revealTarget(w.store, w.A.id, undefined, 'doc-b', inB)).toEqual({ kind: 'own', annotation: w.b1.id });
    // The contradicts link from A: B's passage in doc-b.
    expect(revealTarget(w.store, w.A.id, w.AB.id, 'doc-b', inB)).toMatchObject({ kind: 'linked', annotation: w.b1.id, via: { other: { id: w.B.id } } });
    // B has nothing in doc-a itself: fall back to the linked claim A's passage there.
    const inA = [place(w.a2, 5), place(w.a1, 50)];
    expect(revealTarget(w.store, w.B.id, undefined, 'doc-a', inA)).toMatchObject({ kind: 'linked', annotation: w.a1.id, via: { link: { id: w.AB.id } } });
    // D's qualifies link leads to A in doc-a; D itself is not there; nothing in doc-b for C.
    expect(revealTarget(w.store, w.D.id, w.DA.id, 'doc-a', inA)).toMatchObject({ kind: 'linked', annotation: w.a1.id });
    expect(revealTarget(w.store, w.D.id, w.DA.id, 'doc-z', [])).toEqual({ kind: 'none' });
    expect(revealTarget(w.store, w.C.id, undefined, 'doc-c', [])).toEqual({ kind: 'none' });
    // A passage that is not placed (an orphan in this version) cannot be revealed.
    expect(revealTarget(w.store, w.B.id, undefined, 'doc-a', [place(w.a2, 5)])).toEqual({ kind: 'none' });
    // An unknown link id reveals nothing.
    expect(revealTarget(w.store, w.A.id, 'urn:uuid:nope', 'doc-b', inB)).toEqual({ kind: 'none' });
  });

  it('gives a placed passage the ¶ of its first character', async () => {
    const w = await world();
    const doc = buildDocument('First para.\n\nSecond para.\n');
    const placed = [place(w.a1, 11, 15), place(w.a2, 0, 5)]; // a1 starts at the separator
    expect(paragraphOfPlaced(doc, placed, w.a1.id)).toBe(2);
    expect(paragraphOfPlaced(doc, placed, w.a2.id)).toBe(1);
    expect(paragraphOfPlaced(doc, placed, w.b1.id)).toBeUndefined();
    expect(paragraphOfPlaced(undefined, placed, w.a1.id)).toBeUndefined();
  });
});
