/**
 * Context grown to tell a passage from copies of it (describe.ts), and read in full where a copy
 * far from the expected place competes (choose.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { anchor, type Anchor, describe, type TextPositionSelector, type TextQuoteSelector } from '../../src/anchoring/index.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';

let texts: Record<string, string> = {};
beforeAll(async () => {
  texts = Object.fromEntries((await loadCorpus()).map((d) => [d.meta.id, d.text]));
});

function placeOf(a: Anchor): [number, number] | string {
  return a.status === 'anchored' ? [a.start, a.end] : `orphan (${a.reason})`;
}

function count(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) n++;
  return n;
}

it('grows the context until prefix, quote and suffix are unique in the text', () => {
  const filler = (tag: string): string =>
    Array.from({ length: 8 }, (_, i) => `Point ${tag}${i} concerns the ${tag} matter number ${i * 7}.`).join(' ');
  // 100 characters either side of the quote are the same at both places.
  const around = 'x'.repeat(100);
  const text = `${filler('alpha')} First: ${around}QUOTE${around} ends here. ${filler('beta')} Second: ${around}QUOTE${around} ends there. ${filler('gamma')}`;
  const at = text.indexOf('QUOTE', text.indexOf('Second'));
  const [q] = describe(text, at, at + 5);
  expect(q.prefix.length).toBeGreaterThan(100);
  expect(q.prefix.length % 32).toBe(0);
  expect(q.suffix.length).toBe(q.prefix.length);
  expect(count(text, q.prefix + q.exact + q.suffix)).toBe(1);
  // Grown no further than needed: 32 characters less would not be unique.
  expect(count(text, q.prefix.slice(32) + q.exact + q.suffix.slice(0, -32))).toBe(2);
  // Unique with 64 characters, but the quote with its nearest 32 repeats: 128, so that the
  // context beyond the nearest 32 can tell the places apart.
  const near = 'y'.repeat(32);
  const other = `${filler('alpha')} first ${near}QUOTE${near} one. ${filler('beta')} second ${near}QUOTE${near} two. ${filler('gamma')}`;
  const at2 = other.indexOf('QUOTE', other.indexOf('second'));
  expect(count(other, other.slice(at2 - 64, at2 + 69))).toBe(1);
  expect(describe(other, at2, at2 + 5)[0].prefix.length).toBe(128);
  // A quote unique with its nearest context, and nothing like it elsewhere, keeps 64 (the
  // filler's sentences are near-copies of each other, so a real text).
  const plain = texts['duvanova-junisbai-2022']!;
  const at3 = plain.indexOf('we observe a distinct pattern');
  expect(describe(plain, at3, at3 + 29)[0].prefix.length).toBe(64);
});

it('grows the context of a passage that is repeated nearly, with a word changed, and so refuses the other copy', () => {
  // anisin-2026's abstract repeats a sentence of the body, but "opens up space" there is "opens
  // space": not a verbatim repeat, yet edits can make the abstract the better match.
  const text = texts['anisin-2026']!;
  const quote = 'erosion of regime control over coercive';
  const body = text.lastIndexOf(quote);
  const abstract = text.indexOf(quote);
  expect(abstract).toBeLessThan(body);
  expect(text.slice(body - 32, body + quote.length + 32)).not.toBe(text.slice(abstract - 32, abstract + quote.length + 32));
  const sel = describe(text, body, body + quote.length);
  expect(sel[0].prefix.length).toBe(128);
  expect(placeOf(anchor(text, sel))).toEqual([body, body + quote.length]);
  // The body's sentence deleted, context and all: the abstract's copy, 5,600 characters away,
  // holds the quote and its nearest 64 characters but not what lies beyond them.
  const from = text.lastIndexOf('State breakdown within', body);
  const to = text.indexOf('seize power.', body) + 'seize power. '.length;
  const gone = text.slice(0, from) + text.slice(to);
  expect(anchor(gone, sel, { originalLength: text.length })).toMatchObject({ status: 'orphan' });
});

it('orphans a passage destroyed where it was rather than take a far copy whose long context disagrees', () => {
  // anisin-2026 states one sentence twice (abstract and body); the two copies share the quote and
  // the 32 characters around it and part 40 to 60 characters out.
  const text = texts['anisin-2026']!;
  const phrase = 'risks for Moscow because the erosion';
  expect(count(text, phrase)).toBe(2);
  const second = text.indexOf(phrase, text.indexOf(phrase) + 1);
  const sel = describe(text, second, second + phrase.length);
  expect(sel[0].prefix.length).toBeGreaterThanOrEqual(128);
  expect(placeOf(anchor(text, sel))).toEqual([second, second + phrase.length]);
  // The passage rewritten where it was: the copy in the abstract, more than 5,000 characters
  // away, holds the quote and its nearest context but not what lies beyond.
  const rewritten = text.slice(0, second) + 'an opening that rivals may use' + text.slice(second + phrase.length);
  expect(anchor(rewritten, sel, { originalLength: text.length })).toMatchObject({ status: 'orphan' });
  // With 64 characters, as describe stored before it grew the context, the copy agrees with all
  // of it; the context still standing around the rewritten words says the passage was there.
  const short = [{ ...sel[0], prefix: sel[0].prefix.slice(-64), suffix: sel[0].suffix.slice(0, 64) }, sel[1]] as const;
  expect(anchor(rewritten, short, { originalLength: text.length })).toMatchObject({
    status: 'orphan',
    reason: 'the passage was rewritten where it was; a copy elsewhere',
  });
  // Deleted with its context, nothing is left there to say so: the copy is taken.
  const first = text.indexOf(phrase);
  const gone = text.slice(0, second - 80) + text.slice(second + phrase.length + 80);
  expect(placeOf(anchor(gone, short, { originalLength: text.length }))).toEqual([first, first + phrase.length]);
});

it('takes a place far from the expected one only with quote and context nearly verbatim together', () => {
  const filler = (tag: string, n: number): string =>
    Array.from({ length: n }, (_, i) => `Item ${tag}${i} concerns the ${tag} matter, case ${i * 11}.`).join(' ');
  const sentence = 'State breakdown within a member can create strategic risks for Moscow because the erosion of regime control over coercive institutions opens up space for rivals.';
  // The abstract words it a little differently; the body states it, and is later cut.
  const abstract = sentence.replace('because', 'as').replace('regime control over coercive institutions opens up', 'state control of coercion institutions opens');
  const original = `${abstract} ${filler('a', 120)} ${sentence} ${filler('b', 20)}`;
  const quote = 'the erosion of regime control over coercive institutions';
  const at = original.lastIndexOf(quote);
  const sel = describe(original, at, at + quote.length);
  expect(placeOf(anchor(original, sel))).toEqual([at, at + quote.length]);
  const cut = original.replace(` ${sentence}`, '');
  const far = cut.indexOf('the erosion');
  expect(at - far).toBeGreaterThan(4096);
  // Context and quote each nearly verbatim there, together not: the passage is gone.
  expect(anchor(cut, sel, { originalLength: original.length })).toMatchObject({ status: 'orphan' });
  // The body's sentence moved there whole is taken.
  const moved = `${sentence} ${filler('a', 120)} ${abstract} ${filler('b', 20)}`.replace(` ${abstract}`, '');
  expect(placeOf(anchor(moved, sel, { originalLength: original.length }))).toEqual([moved.indexOf(quote), moved.indexOf(quote) + quote.length]);
});

it('takes a repeated passage that keeps one side of its context whole, the other parted by text inserted next to it', () => {
  // kurmashev-et-al-2018 names its State Program three times; describe grows the context of a
  // phrase in it to 128 characters. A remark inserted right after the passage parts the suffix
  // from the stored one after a dozen characters; the prefix is whole, and the stored suffix
  // stands again past the remark. The source line 180 characters before keeps only the suffix.
  const text = texts['kurmashev-et-al-2018']!;
  const lead = 'the Kazakh Government has developed the State Program for ';
  const quote = 'Combating Religious Extremism and';
  expect(count(text, `State Program for ${quote} Terrorism in the Republic`)).toBe(3);
  const at = text.indexOf(lead + quote) + lead.length;
  const sel = describe(text, at, at + quote.length);
  expect(sel[0].prefix.length).toBe(128);
  // Rows of the table before the source line deleted: the passage is 350 characters before its
  // stored place, the copy 530.
  const source = text.indexOf('\nSource: State Program');
  const cutTo = text.lastIndexOf('\n', source - 1);
  const cutFrom = text.lastIndexOf('\n', cutTo - 300);
  const remark = ' (see also the 2013 Concept of State Policy in the Religious Sphere, adopted after a decade of debate)';
  const edited = (text.slice(0, cutFrom) + text.slice(cutTo)).replace(`${lead}${quote} Terrorism in`, `${lead}${quote} Terrorism in${remark}`);
  const where = edited.indexOf(lead + quote) + lead.length;
  expect(at - where).toBeGreaterThan(256);
  expect(placeOf(anchor(edited, sel))).toEqual([where, where + quote.length]);
});

interface BenchFixture {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  text: string;
  truth: { start: number; end: number };
}

async function benchCase(name: string): Promise<BenchFixture> {
  return JSON.parse(await readFile(new URL(`../fixtures/bench-cases/${name}.json`, import.meta.url), 'utf8')) as BenchFixture;
}

it('does not take a copy of the passage whose parted context comes back only at the passage itself', async () => {
  // From the bench (seed 6, light): the table's source line keeps the quote and its prefix; the
  // stored suffix stands again 220 characters on, after the passage, edited where it was.
  const f = await benchCase('copy-before-edited-passage');
  expect(placeOf(anchor(f.text, [f.quote, f.position]))).toEqual([f.truth.start, f.truth.end]);
});

it('does not take a copy keeping one side whole while the passage, edited where it was, keeps its context', async () => {
  // From the bench (seed 18, heavy): the passage lost a word (quote similarity below the
  // threshold for taking it) but keeps its context; the copy keeps the whole prefix and its
  // stored suffix comes back further on. Text alone cannot tell which is the passage.
  const f = await benchCase('copy-near-rewritten-passage');
  const a = anchor(f.text, [f.quote, f.position]);
  expect(a).toMatchObject({ status: 'orphan' });
  expect(f.text.indexOf(f.quote.exact)).toBeLessThan(f.truth.start);
});
