import { describe, expect, it } from 'vitest';
import * as paragraphs from '../../src/corpus/paragraphs.ts';
import { blockAt, blockBefore, blockIndexAt, blockToShow, numberedBlock, paragraphAt, paragraphsOfSpan, spanOfParagraph, stepParagraph } from '../../src/corpus/paragraphs.ts';
import { buildDocument, type Block } from '../../src/corpus/index.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';

// "Title\nFirst para.\nSecond para.\nA\nB\nx\ny\nSection\nThird para."
//  h¶1 [0,5)  ¶1 [6,17)  ¶2 [18,30)  table ¶3: cells [31,32) … [37,38)  h¶4 [39,46)  ¶4 [47,58)
const doc = buildDocument('# Title\n\nFirst para.\n\nSecond para.\n\n| A | B |\n|---|---|\n| x | y |\n\n## Section\n\nThird para.\n');
const { blocks, text } = doc;
const at = (offset: number) => blockAt(blocks, offset)?.id;

describe('corpus/paragraphs', () => {
  it('exports its public API', () => {
    expect(Object.keys(paragraphs).sort()).toEqual(['blockAt', 'blockBefore', 'blockIndexAt', 'blockToShow', 'numberedBlock', 'paragraphAt', 'paragraphsOfSpan', 'spanOfParagraph', 'stepParagraph']);
  });

  it('finds the block that carries ¶n in the margin: not the heading sharing its number, a table by its first cell', () => {
    expect([1, 2, 3, 4, 5].map((n) => numberedBlock(blocks, n)?.start)).toEqual([6, 18, 31, 47, undefined]);
  });

  it('shows ¶n at the block holding an offset in its text (a table\'s cell), else at its numbered block', () => {
    const start = (n: number, offset?: number) => blockToShow(blocks, n, offset)?.start;
    expect([start(3), start(3, 35), start(3, 37), start(3, 38)]).toEqual([31, 35, 37, 31]); // 38 is past the table
    expect([start(2, 20), start(2, 35)]).toEqual([18, 18]); // an offset outside ¶n is not ¶n's
    expect([start(4, 40), start(4, 50)]).toEqual([47, 47]); // the heading sharing ¶4's number is not its text
    expect(start(5, 50)).toBe(undefined);
  });

  it('steps from ¶ to ¶ (j / k), from the first when none is current, no further than the ends', () => {
    expect([stepParagraph(blocks, undefined, 1), stepParagraph(blocks, undefined, -1)]).toEqual([1, 1]);
    expect([stepParagraph(blocks, 2, 1), stepParagraph(blocks, 3, 1), stepParagraph(blocks, 2, -1)]).toEqual([3, 4, 1]);
    expect([stepParagraph(blocks, 4, 1), stepParagraph(blocks, 1, -1)]).toEqual([4, 1]);
    expect(stepParagraph([], undefined, 1)).toBe(undefined);
  });

  it('is built on the model the fixture describes', () => {
    expect(text).toBe('Title\nFirst para.\nSecond para.\nA\nB\nx\ny\nSection\nThird para.');
    expect(blocks.map((b) => [b.kind, b.n, b.numbered, b.start, b.end])).toEqual([
      ['heading', 1, false, 0, 5],
      ['paragraph', 1, true, 6, 17],
      ['paragraph', 2, true, 18, 30],
      ['table-cell', 3, true, 31, 32],
      ['table-cell', 3, false, 33, 34],
      ['table-cell', 3, false, 35, 36],
      ['table-cell', 3, false, 37, 38],
      ['heading', 4, false, 39, 46],
      ['paragraph', 4, true, 47, 58],
    ]);
  });

  it('gives the span of a ¶: its text blocks, without the heading that shares its number', () => {
    expect(spanOfParagraph(blocks, 1)).toEqual({ start: 6, end: 17 });
    expect(spanOfParagraph(blocks, 3)).toEqual({ start: 31, end: 38 }); // the whole table
    expect(spanOfParagraph(blocks, 4)).toEqual({ start: 47, end: 58 });
    expect(spanOfParagraph(blocks, 5)).toBeUndefined();
    for (const n of [1, 2, 3, 4]) expect(paragraphAt(blocks, spanOfParagraph(blocks, n)!.start)).toBe(n);
  });

  it('puts an offset in the block whose [start, end) holds it', () => {
    expect(at(6)).toBe(blocks[1]!.id); // start of a block
    expect(at(16)).toBe(blocks[1]!.id); // its last character
    expect(paragraphAt(blocks, 18)).toBe(2);
    expect(paragraphAt(blocks, 29)).toBe(2);
  });

  it('gives an offset at a block’s end (the separator) to the next block', () => {
    expect(text[17]).toBe('\n');
    expect(at(17)).toBe(blocks[2]!.id);
    expect(paragraphAt(blocks, 17)).toBe(2);
    expect(paragraphAt(blocks, 5)).toBe(1); // after the heading: the heading's ¶ is the next paragraph's anyway
    expect(paragraphAt(blocks, 30)).toBe(3); // into the table
  });

  it('numbers headings with the paragraph that opens their section and cells with their table', () => {
    expect(paragraphAt(blocks, 0)).toBe(1);
    expect(paragraphAt(blocks, 40)).toBe(4);
    expect([31, 33, 35, 37].map((o) => paragraphAt(blocks, o))).toEqual([3, 3, 3, 3]);
    expect(paragraphAt(blocks, 32)).toBe(3); // between two cells
  });

  it('has no block before the first or at and after the last block’s end', () => {
    expect(blockIndexAt(blocks, -1)).toBe(-1);
    expect(at(-1)).toBeUndefined();
    expect(paragraphAt(blocks, 57)).toBe(4);
    expect(paragraphAt(blocks, 58)).toBeUndefined();
    expect(paragraphAt(blocks, 1000)).toBeUndefined();
    expect(paragraphAt([], 0)).toBeUndefined();
  });

  it('finds the block of the last character before an end', () => {
    expect(blockBefore(blocks, 17)?.id).toBe(blocks[1]!.id);
    expect(blockBefore(blocks, 18)?.id).toBe(blocks[1]!.id); // only the separator follows ¶1
    expect(blockBefore(blocks, 19)?.id).toBe(blocks[2]!.id);
    expect(blockBefore(blocks, 0)).toBeUndefined();
    expect(blockBefore(blocks, 1000)?.id).toBe(blocks.at(-1)!.id);
  });

  it('gives a span the ¶s of its first and last characters', () => {
    expect(paragraphsOfSpan(blocks, 6, 17)).toEqual({ from: 1, to: 1 });
    expect(paragraphsOfSpan(blocks, 6, 18)).toEqual({ from: 1, to: 1 }); // a trailing separator adds no ¶
    expect(paragraphsOfSpan(blocks, 17, 29)).toEqual({ from: 2, to: 2 }); // a leading one neither
    expect(paragraphsOfSpan(blocks, 10, 40)).toEqual({ from: 1, to: 4 });
    expect(paragraphsOfSpan(blocks, 20, 20)).toEqual({ from: 2, to: 2 });
    expect(paragraphsOfSpan(blocks, 17, 18)).toEqual({ from: 2, to: 2 }); // only a separator
    expect(paragraphsOfSpan(blocks, 58, 60)).toBeUndefined();
  });

  it('agrees with a linear scan over every offset of the corpus', async () => {
    const linear = (bs: readonly Block[], o: number) => (o < 0 ? undefined : bs.find((b) => o < b.end));
    for (const d of await loadCorpus()) {
      const wrong: number[] = [];
      for (let o = -1; o <= d.text.length + 1; o++) if (blockAt(d.blocks, o) !== linear(d.blocks, o)) wrong.push(o);
      expect(wrong, d.meta.id).toEqual([]);
    }
  });
});
