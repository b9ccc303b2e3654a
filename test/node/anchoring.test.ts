import { beforeAll, describe as group, expect, it } from 'vitest';
import * as api from '../../src/anchoring/index.ts';
import { anchor, describe, type Anchor } from '../../src/anchoring/index.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';

let texts: Record<string, string> = {};
beforeAll(async () => {
  texts = Object.fromEntries((await loadCorpus()).map((d) => [d.meta.id, d.text]));
});

/** Replace [at, at + del) of `text` with `ins`. */
function edit(text: string, at: number, del: number, ins: string): string {
  return text.slice(0, at) + ins + text.slice(at + del);
}

function placeOf(a: Anchor): [number, number] | string {
  return a.status === 'anchored' ? [a.start, a.end] : `orphan (${a.reason})`;
}

/** Selectors for the `nth` occurrence of `phrase` in `text`. */
function select(text: string, phrase: string, nth = 0): ReturnType<typeof describe> {
  let at = text.indexOf(phrase);
  for (let i = 0; i < nth; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`no ${phrase}`);
  return describe(text, at, at + phrase.length);
}

it('pins the public exports', () => {
  expect(Object.keys(api).sort()).toEqual(['CONTEXT_LENGTH', 'MIN_QUOTE_SCORE', 'MIN_SCORE', 'anchor', 'anchorAll', 'describe']);
});

group('describe', () => {
  it('stores 64 characters of context, fewer at the ends of the text', () => {
    const text = 'a'.repeat(70) + 'QUOTE' + 'b'.repeat(70);
    const [q, p] = describe(text, 70, 75);
    expect(q).toEqual({ type: 'TextQuoteSelector', exact: 'QUOTE', prefix: 'a'.repeat(64), suffix: 'b'.repeat(64) });
    expect(p).toEqual({ type: 'TextPositionSelector', start: 70, end: 75 });
    expect(describe(text, 0, 3)[0].prefix).toBe('');
    expect(describe(text, text.length - 3, text.length)[0].suffix).toBe('');
  });

  it('rejects ranges outside the text', () => {
    expect(() => describe('abc', 2, 1)).toThrow(RangeError);
    expect(() => describe('abc', 0, 4)).toThrow(RangeError);
  });
});

group('anchor', () => {
  it('uses the stored position when it still holds the quote', () => {
    const text = texts['duvanova-junisbai-2022']!;
    const sel = select(text, 'the outsourcing of violence during elite struggles');
    expect(anchor(text, sel)).toMatchObject({ status: 'anchored', method: 'position', score: 1, start: sel[1].start });
  });

  it('tells repeated phrases apart by their context', () => {
    const text = texts['anisin-2026']!;
    const phrase = 'Collective Security Treaty Organization';
    const ins = 'An inserted first sentence shifts every offset. ';
    const moved = edit(text, 0, 0, ins);
    for (let nth = 0; nth < 16; nth++) {
      const sel = select(text, phrase, nth);
      expect(placeOf(anchor(moved, sel)), `occurrence ${nth}`).toEqual([sel[1].start + ins.length, sel[1].end + ins.length]);
    }
  });

  it('tells identical passages apart by position, and orphans them without one', () => {
    const block = 'Word after word, the same sentence is repeated here to make a copy that context cannot tell apart. ';
    const filler = (n: number): string => `Filler paragraph ${n} says something else entirely, at some length. `.repeat(12);
    const text = filler(1) + block + filler(2) + block + filler(3);
    const second = text.indexOf(block, text.indexOf('Filler paragraph 2'));
    const sel = describe(text, second + 11, second + 60);
    const shifted = edit(text, 0, 0, 'Shift. ');
    expect(placeOf(anchor(shifted, sel))).toEqual([second + 18, second + 67]);
    const quoteOnly = anchor(shifted, [sel[0]]);
    expect(quoteOnly.status).toBe('orphan');
    expect(quoteOnly.status === 'orphan' && quoteOnly.reason).toMatch(/ambiguous/);
  });

  it('anchors quotes spanning a paragraph boundary, also when the break became a space', () => {
    const text = texts['duvanova-junisbai-2022']!;
    const at = text.indexOf('\nJanuary 2022\n');
    const sel = describe(text, at - 40, at + 40);
    const shifted = edit(text, 10, 0, 'xyz ');
    expect(placeOf(anchor(shifted, sel))).toEqual([at - 36, at + 44]);
    const joined = edit(edit(shifted, at + 4, 1, ' '), at + 4 + 13, 1, ' ');
    const a = anchor(joined, sel);
    expect(a).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(placeOf(a)).toEqual([at - 36, at + 44]);
  });

  it('survives punctuation, whitespace and typo edits inside the quote', () => {
    const text = texts['kurmashev-et-al-2018']!;
    const phrase = text.slice(5000, 5120);
    const sel = describe(text, 5000, 5120);
    let edited = edit(text, 5000 + 30, 1, 'q'); // typo
    edited = edit(edited, 5000 + 60, 0, '  '); // extra spaces
    edited = edit(edited, 5000 + 90, 1, ''); // dropped character
    edited = edit(edited, 100, 0, 'Inserted far before. ');
    const a = anchor(edited, sel);
    expect(a, phrase).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    const [s, e] = placeOf(a) as [number, number];
    expect(Math.abs(s - 5021)).toBeLessThanOrEqual(1);
    expect(Math.abs(e - (5120 + 21 + 1))).toBeLessThanOrEqual(1);
  });

  it('anchors quotes at the very start and end of the text', () => {
    const text = texts['duvanova-junisbai-2022']!;
    const head = describe(text, 0, 40);
    const tail = describe(text, text.length - 40, text.length);
    expect(head[0].prefix).toBe('');
    expect(tail[0].suffix).toBe('');
    const edited = edit(edit(text, 5000, 0, 'An edit in the middle. '), 3, 1, 'X');
    expect(placeOf(anchor(edited, head))).toEqual([0, 40]);
    expect(placeOf(anchor(edited, tail))).toEqual([edited.length - 40, edited.length]);
  });

  it('anchors a one-word passage whose sentence before it was rewritten (it once threw)', () => {
    const text = texts['duvanova-junisbai-2022']!;
    const sel = select(text, 'Provocateurs');
    const edited = text.replace('“inspired provocateurs.” Provocateurs', 'their own ends. Provocateurs');
    const at = edited.indexOf('ends. Provocateurs') + 'ends. '.length;
    expect(placeOf(anchor(edited, sel, { originalLength: text.length }))).toEqual([at, at + 'Provocateurs'.length]);
  });

  it('orphans a deleted passage', () => {
    const text = texts['kurmashev-et-al-2018']!;
    const sel = describe(text, 20000, 20150);
    const deleted = edit(text, 19900, 400, '');
    expect(anchor(deleted, sel)).toMatchObject({ status: 'orphan' });
  });

  it('orphans a deleted passage rather than take a lookalike elsewhere', () => {
    const text = texts['anisin-2026']!;
    const phrase = 'Collective Security Treaty Organization';
    const sel = select(text, phrase, 5);
    const { start, end } = sel[1];
    const deleted = edit(text, start - 60, end - start + 120, '');
    expect(deleted.split(phrase).length - 1).toBe(15);
    expect(anchor(deleted, sel)).toMatchObject({ status: 'orphan' });
    // Without the position, too.
    expect(anchor(deleted, [sel[0]])).toMatchObject({ status: 'orphan' });
  });

  it('orphans a passage most of whose words were replaced, though its letters look alike', () => {
    const text = texts['kurmashev-et-al-2018']!;
    const sel = select(text, 'Kazakhstani citizens');
    const { start, end } = sel[1];
    // 8 edits in 20 characters: similar enough by edit distance, but only one word is left.
    const replaced = edit(text, start, end - start, 'state citizens');
    expect(anchor(replaced, sel, { originalLength: text.length })).toMatchObject({ status: 'orphan' });
    // A typo and a dropped hyphen leave the words.
    const typo = edit(text, start, end - start, 'Kazakhstanni citizens');
    expect(placeOf(anchor(typo, sel, { originalLength: text.length }))).toEqual([start, end + 1]);
  });

  it('tells a copy of the passage from the passage by the wider context, and still reads 32-character selectors', () => {
    const filler = (tag: string): string =>
      Array.from({ length: 12 }, (_, i) => `Point ${tag}${i} concerns the ${tag} matter number ${i * 7}.`).join(' ');
    // The 32 characters around the quote are the same at both places, the next 32 are not.
    const shared = 'so the regional council met twice a year in the capital city to review the annual budget and to plan';
    const text = `${filler('alpha')} As the first report explains, ${shared} public works. ${filler('beta')} Much later we are told that ${shared} new roads. ${filler('gamma')}`;
    const sel = select(text, 'in the capital city', 1);
    const [q, p] = sel;
    expect(text.slice(p.start - 32, p.start)).toBe(text.slice(text.indexOf(q.exact) - 32, text.indexOf(q.exact)));
    // Unedited, both kinds of selectors anchor at the passage.
    expect(placeOf(anchor(text, sel))).toEqual([p.start, p.end]);
    const older = [{ ...q, prefix: q.prefix.slice(-32), suffix: q.suffix.slice(0, 32) }, p] as const;
    expect(placeOf(anchor(text, older))).toEqual([p.start, p.end]);
    // The passage rewritten where it was: the copy keeps the quote and its nearest context, but
    // not the wider context; the passage is gone rather than there.
    const rewritten = edit(text, p.start, p.end - p.start, 'at a location none of them liked');
    expect(anchor(rewritten, sel, { originalLength: text.length })).toMatchObject({ status: 'orphan' });
  });

  it('anchors on position alone only when the text cannot have changed', () => {
    const pos = { type: 'TextPositionSelector', start: 2, end: 5 } as const;
    expect(placeOf(anchor('abcdefg', [pos]))).toEqual([2, 5]);
    expect(anchor('abcdefg', [pos], { originalLength: 9 })).toMatchObject({ status: 'orphan' });
    expect(anchor('abcdefg', [])).toMatchObject({ status: 'orphan' });
  });
});
