/**
 * Anchoring at the edges of a passage: its first or last words edited, a sentence inserted
 * inside it, ends snapped to word boundaries where the original had them; and, as before, an
 * orphan for a destroyed passage, never a lookalike.
 */
import { beforeAll, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { anchor, describe, type Anchor, type Selector } from '../../src/anchoring/index.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';
import { gapErrors } from '../../src/anchoring/gap.ts';
import { snapToSpace } from '../../src/anchoring/edges.ts';

let text = '';
beforeAll(async () => {
  text = (await loadCorpus()).find((d) => d.meta.id === 'duvanova-junisbai-2022')!.text;
});

const PASSAGE = 'we observe a distinct pattern emerging across the region: the outsourcing of violence during elite struggles over power and resources.';
const INSERTED = 'A sentence that was not there before now stands in the middle of the passage. ';

/** Selectors for PASSAGE, its offsets, and the text with [at, at + del) replaced by `ins`. */
function setup(at: number, del: number, ins: string): { sel: ReturnType<typeof describe>; start: number; edited: string } {
  const start = text.indexOf(PASSAGE);
  if (start < 0 || text.indexOf(PASSAGE, start + 1) >= 0) throw new Error('the passage must occur once');
  const a = start + at;
  return { sel: describe(text, start, start + PASSAGE.length), start, edited: text.slice(0, a) + ins + text.slice(a + del) };
}

function placeOf(a: Anchor): [number, number] | string {
  return a.status === 'anchored' ? [a.start, a.end] : `orphan (${a.reason})`;
}

/** Both selectors, and the quote alone: the ends must not depend on the position hint. */
function both(edited: string, sel: ReturnType<typeof describe>): Array<[number, number] | string> {
  return [placeOf(anchor(edited, sel)), placeOf(anchor(edited, [sel[0]]))];
}

it('covers a replaced first word', () => {
  const { sel, start, edited } = setup(0, 'we'.length, 'researchers');
  const end = start + PASSAGE.length + 'researchers'.length - 2;
  expect(both(edited, sel)).toEqual([[start, end], [start, end]]);
});

it('covers a replaced last word, punctuation and all', () => {
  const at = PASSAGE.length - 'resources.'.length;
  const { sel, start, edited } = setup(at, 'resources.'.length, 'influence!');
  expect(both(edited, sel)).toEqual([[start, start + PASSAGE.length], [start, start + PASSAGE.length]]);
});

it('moves an end in to the next word when the edge word is deleted', () => {
  const { sel, start, edited } = setup(0, 'we '.length, '');
  expect(both(edited, sel)).toEqual([[start, start + PASSAGE.length - 3], [start, start + PASSAGE.length - 3]]);
});

it('covers a word added on the outer side of the first word', () => {
  const { sel, start, edited } = setup(0, 0, 'now ');
  expect(both(edited, sel)).toEqual([[start, start + PASSAGE.length + 4], [start, start + PASSAGE.length + 4]]);
});

// A context word replaced by two words, next to an intact edge word: the new words are that
// edit of the context, not words added to the passage (the bench's truth, and the likelier
// reading). Contrast the test above, where the context is intact and the added word is covered.
const MIDDLE = 'a distinct pattern emerging across the';
function middle(from: string, to: string): { sel: ReturnType<typeof describe>; start: number; end: number; edited: string } {
  const start = text.indexOf(PASSAGE) + PASSAGE.indexOf(MIDDLE);
  const at = text.indexOf(from, start - 20);
  const edited = text.slice(0, at) + to + text.slice(at + from.length);
  const shift = at < start ? to.length - from.length : 0;
  return { sel: describe(text, start, start + MIDDLE.length), start: start + shift, end: start + shift + MIDDLE.length, edited };
}

it('leaves to the context the words that replaced the context word before an intact first word', () => {
  const { sel, start, end, edited } = middle('observe', 'clearly see');
  expect(edited.slice(start, end)).toBe(MIDDLE);
  expect(both(edited, sel)).toEqual([[start, end], [start, end]]);
});

it('leaves to the context the words that replaced the context word after an intact last word', () => {
  const { sel, start, end, edited } = middle('region', 'whole steppe');
  expect(edited.slice(start, end)).toBe(MIDDLE);
  expect(both(edited, sel)).toEqual([[start, end], [start, end]]);
});

it('gives the context one word for its edited word where the first word was edited too', () => {
  const { sel, start, end, edited } = middle('observe a', 'see plainly one');
  const from = edited.indexOf('plainly one', start - 20);
  expect(both(edited, sel)).toEqual([[from, end], [from, end]]);
});

it('snaps to word boundaries: a first word edited at its first letters is covered whole', () => {
  const { sel, start, edited } = setup(0, 2, 'You');
  const a = anchor(edited, sel);
  expect(placeOf(a)).toEqual([start, start + PASSAGE.length + 1]);
  // Never mid-word where the original started and ended between words.
  const { sel: sel2, start: s2, edited: e2 } = setup(PASSAGE.indexOf('distinct'), 'distinct'.length, 'peculiar');
  const b = anchor(e2, sel2);
  expect(placeOf(b)).toEqual([s2, s2 + PASSAGE.length]);
});

it('covers a sentence inserted inside the passage', () => {
  const at = PASSAGE.indexOf('the outsourcing');
  const { sel, start, edited } = setup(at, 0, INSERTED);
  expect(both(edited, sel)).toEqual([
    [start, start + PASSAGE.length + INSERTED.length],
    [start, start + PASSAGE.length + INSERTED.length],
  ]);
});

it('covers a sentence inserted right after the first word', () => {
  const { sel, start, edited } = setup(3, 0, INSERTED);
  expect(placeOf(anchor(edited, sel))).toEqual([start, start + PASSAGE.length + INSERTED.length]);
});

it('leaves out a sentence inserted just outside the passage', () => {
  const after = PASSAGE.length + 1;
  const { sel, start, edited } = setup(after, 0, INSERTED);
  expect(placeOf(anchor(edited, sel))).toEqual([start, start + PASSAGE.length]);
});

it('keeps a quote found whole where the text just after it was replaced, its end being its own', () => {
  const start = text.indexOf('new term, titushky');
  const end = text.indexOf(' provocateurs in Kyrgyzstan expanded');
  const edited = text.slice(0, end) + ' The Soviet and Post-Soviet Review, 51(3), 299–321.' + text.slice(end);
  expect(both(edited, describe(text, start, end))).toEqual([[start, end], [start, end]]);
});

it('still orphans a destroyed passage', () => {
  const { sel, edited } = setup(10, PASSAGE.length - 20, 'something else was said here, in other words altogether,');
  expect(anchor(edited, sel)).toMatchObject({ status: 'orphan' });
  expect(anchor(edited, [sel[0]])).toMatchObject({ status: 'orphan' });
});

it.each([15, 40])('never moves to a copy %i filler sentences away when the passage was edited in place', (n) => {
  const block = 'The same sentence, with the same words around it, is printed twice in this text for a test. ';
  const filler = (k: number): string => `Filler paragraph ${k} talks about something else entirely, at some length. `.repeat(n);
  const original = filler(1) + block + filler(2) + block + filler(3);
  const second = original.indexOf(block, original.indexOf('Filler paragraph 2'));
  const sel = describe(original, second + 4, second + 70);
  // The second copy loses a few letters where it was; the first copy keeps them.
  const edited = original.slice(0, second + 9) + 'sentance' + original.slice(second + 17);
  const a = anchor(edited, sel);
  expect(a.status === 'orphan' || a.start > original.indexOf('Filler paragraph 2'), JSON.stringify(a)).toBe(true);
});

// The prefix ends "…agents of repression, ". Its last word edited and a word added before the
// passage's first one: by letters, the added word may look nearer the edited context word than
// the context word alone does; by words (edge-words.ts), it is the passage's.
it.each([
  ['and,', 'about'],
  ['rules,', 'then'],
  ['states,', 'indeed'],
  ['agents,', 'also'],
])('covers a word added before the first word when the context word before it became %s', (context, added) => {
  const start = text.indexOf(PASSAGE);
  const sel = describe(text, start, start + PASSAGE.length);
  const cut = start - 'repression, '.length;
  const edited = `${text.slice(0, cut)}${context} ${added} ${text.slice(start)}`;
  const at = cut + context.length + 1;
  expect(both(edited, sel)).toEqual([
    [at, at + added.length + 1 + PASSAGE.length],
    [at, at + added.length + 1 + PASSAGE.length],
  ]);
});

// An edit of the passage's last word keeps the punctuation after it ("resources." → "resources
// now."), so a word after the final full stop is the next sentence's.
it.each(['Then', 'Indeed', 'So'])('leaves %s, added after the final full stop, to the next sentence', (added) => {
  const { sel, start, edited } = setup(PASSAGE.length + 1, 0, `${added} `);
  expect(both(edited, sel)).toEqual([[start, start + PASSAGE.length], [start, start + PASSAGE.length]]);
});

// A short sentence inserted between the passage and its context ties, by characters, with a
// word added to the edge word; a sentence or a line is not the passage's.
it.each([
  ['after', 'Sheranova, A. '],
  ['after', 'Table 2\n'],
  ['before', 'See Figure 1. '],
])('leaves out a short sentence inserted right %s the passage', (where, inserted) => {
  const { sel, start, edited } = setup(where === 'after' ? PASSAGE.length + 1 : 0, 0, inserted);
  const at = where === 'after' ? start : start + inserted.length;
  expect(both(edited, sel)).toEqual([[at, at + PASSAGE.length], [at, at + PASSAGE.length]]);
});

it('covers a sentence inserted right before the last word', () => {
  const at = PASSAGE.length - 'resources.'.length;
  const { sel, start, edited } = setup(at, 0, INSERTED);
  expect(both(edited, sel)).toEqual([
    [start, start + PASSAGE.length + INSERTED.length],
    [start, start + PASSAGE.length + INSERTED.length],
  ]);
});

it('never stretches a passage over an edited copy of its end a little further on', () => {
  const start = text.indexOf(PASSAGE);
  const sel = describe(text, start, start + PASSAGE.length);
  // The passage keeps its words but loses what followed it; two sentences on, its last words
  // stand again, edited, before the passage's own suffix.
  const end = start + PASSAGE.length;
  const copy = ' Elsewhere, too, elite struggles over power and influence. Such struggles over power and resourcse.';
  const edited = text.slice(0, end) + copy + text.slice(end);
  const a = anchor(edited, sel);
  expect(a.status === 'orphan' || a.end <= end || a.start >= end, JSON.stringify(a)).toBe(true);
});

it('leaves out the end of a sentence inserted before the passage, though the context word before it has no stop', () => {
  const { sel, start, edited } = setup(0, 0, 'in Almaty. ');
  const at = start + 'in Almaty. '.length;
  expect(both(edited, sel)).toEqual([[at, at + PASSAGE.length], [at, at + PASSAGE.length]]);
});

it('covers a word added after the last word, before its full stop', () => {
  const { sel, start, edited } = setup(PASSAGE.length - 1, 0, ' alike');
  expect(both(edited, sel)).toEqual([[start, start + PASSAGE.length + 6], [start, start + PASSAGE.length + 6]]);
});

it('never takes a sentence inserted right after a short quote for the far side of an insertion inside it', async () => {
  // "CSTO intervention" is followed by a new sentence and then its own suffix, whose
  // "non-intervention" partly matches the quote: a span from the quote to the suffix holds the
  // quote whole with the sentence as a free "insertion" at its very end. Text past an end is not
  // the passage's; a quote this short, its suffix gone, may be orphaned but not stretched.
  const anisin = (await loadCorpus()).find((d) => d.meta.id === 'anisin-2026')!.text;
  const start = anisin.indexOf('Table 1 compares CSTO intervention') + 'Table 1 compares '.length;
  const end = start + 'CSTO intervention'.length;
  const sel = describe(anisin, start, end);
  const sentence = ' According to the aforementioned findings, Kazakhstan can be referred to as a middle state for several reasons.';
  const edited = anisin.slice(0, end) + sentence + anisin.slice(end);
  for (const a of [anchor(edited, sel), anchor(edited, [sel[0]])]) {
    expect(a.status === 'orphan' || (a.start === start && a.end === end), JSON.stringify(a)).toBe(true);
  }
});

it('counts text past an end against the quote when the free stretch must be inside the passage', () => {
  const quote = 'CSTO intervention';
  const after = `${quote} According to the findings.`;
  expect(gapErrors(quote, after, 0, after.length)).toBe(0);
  expect(gapErrors(quote, after, 0, after.length, true)).toBeGreaterThan(quote.length / 3);
  // A sentence inside, between the first and the last word, stays free.
  const inside = 'CSTO According to the findings. intervention';
  expect(gapErrors(quote, inside, 0, inside.length, true)).toBe(0);
});

it('takes the nearest copy of its context past an insertion, not an earlier copy of its words', () => {
  // A caption repeats the sentence the passage is in ("Source: State Program … in the Republic
  // of Kazakhstan"); the caption was edited and a sentence inserted after the passage's first
  // word. The start past the insertion is where the context is, just before it: from the
  // caption's "in", the span would hold its own context (seen on the bench, seed 17).
  const filler = 'The programme was reviewed by several committees over the following years, and its budget grew each time. '.repeat(3);
  const caption = 'Source: State Program for Combating Religious Extremism and Terrorism in the Republic of Kazakhstan for 2018-2022.\n';
  const body = 'In accordance with identified external and internal factors (see Table 1), the Kazakh Government has developed the State Program for Combating Religious Extremism and Terrorism in the Republic of Kazakhstan for 2018-2022 with the aim of ensuring the security of individuals, society and the state.';
  const quote = 'in the Republic of';
  const original = `${filler}${caption}${body}\n${filler}`;
  const start = original.indexOf(quote, original.indexOf('In accordance'));
  const sel = describe(original, start, start + quote.length);
  const inserted = 'Namely, new laws enacted in 2017 tightened control over the social life of citizens. ';
  const edited = original.replace('in the Republic of Kazakhstan for 2018-2022.', 'in measures Republic of to for 2018-2022.').replace(`Terrorism ${quote}`, `Terrorism in ${inserted}the Republic of`);
  const at = edited.indexOf(`in ${inserted}`);
  expect(placeOf(anchor(edited, sel, { originalLength: original.length }))).toEqual([at, at + quote.length + inserted.length]);
});

it('ends past an insertion that holds a copy of its last words and context, where the rest of the quote is', async () => {
  // From the bench (seed 16, heavy): the inserted text repeats "The third was first deputy
  // chairman of the KNB …", the passage's last word and its context. The nearest place with the
  // context, inside the insertion, would leave out half the quote (taking it orphaned the passage).
  const fixture = JSON.parse(await readFile(new URL('../fixtures/bench-cases/insertion-holds-suffix-copy.json', import.meta.url), 'utf8')) as {
    quote: Selector; text: string; truth: { start: number; end: number };
  };
  expect(placeOf(anchor(fixture.text, [fixture.quote]))).toEqual([fixture.truth.start, fixture.truth.end]);
});

it('keeps its last word past a fragment inserted before it that ends a sentence', () => {
  // "(“Old man, out”). This" edited to "(“Old man, out”). & Gawrich, A. This": the quote's tail
  // without its last word ("This", four characters) is within the errors an edge may have, but
  // the passage does not end there: its last word and its context are past the fragment.
  const quote = 'the increase in gas prices was at play, protestors shouted, “Shal ket” (“Old man, out”). This';
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThan(0);
  const sel = describe(text, start, start + quote.length);
  const edited = text.replace('out”). This refrain', 'out”). & Gawrich, A. This refrain');
  expect(placeOf(anchor(edited, sel))).toEqual([start, start + quote.length + '& Gawrich, A. '.length]);
});

// `[` and `]` mark the span found in `text`; the result is the span snapped, marked the same way.
it.each([
  ['starts after the stop that closes the word before', 'the dismantling ', 'of the family', ' hold', 'set on fire[. the family] hold', 'set on fire. [the family] hold'],
  ['takes in the quotation mark that opens its first word', 'he said ', 'Nazarbayev family', ' hold', 'he said “[Nazarbayev family” hold]', 'he said [“Nazarbayev family” hold]'],
  ['ends before the quotation mark that opens the next word', 'hold over ', 'economy and', ' politics', 'hold over [economy and “]politics”', 'hold over [economy and] “politics”'],
  ['keeps a start after a dash, inside a word run', 'and then ', 'the family', ' hold', 'in 2022—[the family] hold', 'in 2022—[the family] hold'],
  ['keeps a start the original had inside a word', 'the dismantl', 'ing of the family', ' hold', 'set on fire[. the family] hold', 'set on fire[. the family] hold'],
])('snaps to white space where the original was at white space: %s', (_, prefix, exact, suffix, marked, expected) => {
  const s = marked.indexOf('[');
  const e = marked.indexOf(']') - 1;
  const text = marked.replace('[', '').replace(']', '');
  const r = snapToSpace({ text, exact, prefix, suffix }, s, e);
  expect(text.slice(0, r.start) + '[' + text.slice(r.start, r.end) + ']' + text.slice(r.end)).toBe(expected);
});

it('leaves out a word beside a context word replaced by a like-looking one ("that" by "the involved")', async () => {
  const text = (await loadCorpus()).find((d) => d.meta.id === 'anisin-2026')!.text;
  const phrase = 'He emphasised that the deployment of CSTO troops had';
  const at = text.indexOf(phrase);
  const sel = describe(text, at + 'He emphasised that '.length, at + phrase.length);
  const edited = text.replace(phrase, 'He emphasised the involved the deployment of CSTO troops had');
  const from = edited.indexOf('the deployment of CSTO');
  expect(placeOf(anchor(edited, sel, { originalLength: text.length }))).toEqual([from, from + 'the deployment of CSTO troops had'.length]);
});
