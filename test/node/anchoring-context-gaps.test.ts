/**
 * The context a rewritten or deleted passage leaves behind (context-gaps.ts), and how anchoring
 * uses it to refuse a copy of the passage found elsewhere (choose.ts).
 */
import { expect, it } from 'vitest';
import { anchor, describe } from '../../src/anchoring/index.ts';
import { contextGaps } from '../../src/anchoring/context-gaps.ts';

const filler = (tag: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `Note ${tag}${i} weighs the ${tag} question number ${i * 13}.`).join(' ');

const prefix = 'the ministry said on Tuesday that ';
const suffix = ' according to officials in Almaty.';
const quote = 'troops were withdrawn from the square';

it('finds the prefix and suffix with the quote rewritten, or gone, between them', () => {
  const probe = (text: string) => ({ text, exact: quote, prefix: prefix.slice(-32), suffix: suffix.slice(0, 32) });
  const head = filler('a', 5) + ' ';
  const rewritten = `${head}${prefix}a curfew was declared${suffix} ${filler('b', 5)}`;
  const at = head.length + prefix.length;
  expect(contextGaps(probe(rewritten), 0, rewritten.length, 100)).toEqual([{ start: at, end: at + 'a curfew was declared'.length, errors: 0 }]);
  // Deleted: prefix and suffix meet.
  const deleted = `${head}${prefix.trimEnd()}${suffix} ${filler('b', 5)}`;
  const gaps = contextGaps(probe(deleted), 0, deleted.length, 100);
  expect(gaps).toHaveLength(1);
  expect(gaps[0]!.end - gaps[0]!.start).toBeLessThanOrEqual(1);
  // A word of the context edited on each side is still found.
  const edited = `${head}${prefix.replace('Tuesday', 'Monday')}a curfew was declared${suffix.replace('officials', 'sources')} ${filler('b', 5)}`;
  expect(contextGaps(probe(edited), 0, edited.length, 100)).toHaveLength(1);
  // Further apart than allowed, or only one side left: nothing.
  expect(contextGaps(probe(rewritten), 0, rewritten.length, 10)).toEqual([]);
  const oneSide = `${head}${prefix}a curfew was declared. ${filler('b', 5)}`;
  expect(contextGaps(probe(oneSide), 0, oneSide.length, 100)).toEqual([]);
  // Only inside the window asked for.
  expect(contextGaps(probe(rewritten), 0, head.length, 100)).toEqual([]);
});

it('refuses a copy elsewhere when the passage was rewritten where it was', () => {
  // The copy shares the quote and 64 characters a side with the passage; what lies beyond differs.
  const near = `In a statement issued late on 6 January, ${prefix}`;
  const far = `${suffix} The statement gave no figures.`;
  const copy = `A first report. ${near}${quote}${far} It was denied.`;
  const original = `${copy} ${filler('c', 40)} Later, ${near}${quote}${far} ${filler('d', 30)}`;
  const at = original.lastIndexOf(quote);
  const [q, pos] = describe(original, at, at + quote.length);
  // Selectors as they were before describe grew the context: the copy agrees with all of it.
  const sel = [{ ...q, prefix: q.prefix.slice(-64), suffix: q.suffix.slice(0, 64) }, pos] as const;
  expect(original.indexOf(sel[0].prefix + quote + sel[0].suffix)).toBeLessThan(at - 1024);
  expect(anchor(original, sel)).toMatchObject({ status: 'anchored', start: at, end: at + quote.length });
  // Rewritten where it was, its context standing around the new words: the copy is not it.
  const rewritten = original.slice(0, at) + 'the square was cleared by police' + original.slice(at + quote.length);
  expect(anchor(rewritten, sel, { originalLength: original.length })).toMatchObject({
    status: 'orphan',
    reason: 'the passage was rewritten where it was; a copy elsewhere',
  });
  // Deleted with its context, nothing says it was there: the copy is taken.
  const gone = original.slice(0, at - near.length) + original.slice(at + quote.length + far.length);
  const first = original.indexOf(quote);
  expect(anchor(gone, sel, { originalLength: original.length })).toMatchObject({ status: 'anchored', start: first });
});

it('orphans a passage edited hard when a copy nearer the expected place parts from the wider context', () => {
  const quote2 = 'Program for Combating Religious Extremism and Terrorism';
  const before = 'counteraction of religious extremism and terrorism\nSource: State ';
  const afterA = ' in the Republic of Kazakhstan found wanting. Importantly, these informal networks grew.';
  const afterB = ' in the Republic of Kazakhstan for 2018-2022.\nMiddle Power Limits for Kazakhstan follow.';
  const original = `${filler('e', 10)} ${before}${quote2.replace('Religious', 'Relgious')}${afterA} ${filler('f', 12)} ${before}${quote2}${afterB} ${filler('g', 45)}`;
  const at = original.lastIndexOf(quote2);
  const [q, pos] = describe(original, at, at + quote2.length);
  const sel = [{ ...q, prefix: q.prefix.slice(-64), suffix: q.suffix.slice(0, 64) }, pos] as const;
  // The passage edited hard, words of its context too; the copy keeps every word, and text
  // inserted between them (as much cut at the end) leaves the copy nearer where the passage is
  // expected.
  const hard = `${before.replace('terrorism\n', 'terrorism to\n').replace('State ', 'State of ')}Program for Combating Religious straddling Extremism and Terrorism al the more`;
  const edited = original.slice(0, at - before.length) + hard + original.slice(at + quote2.length).replace(' in the Republic of', ' small of');
  const insert = ` ${filler('h', 30)}`;
  const copyEnd = original.indexOf(afterA) + afterA.length;
  const moved = (t: string): string => (t.slice(0, copyEnd) + insert + t.slice(copyEnd)).slice(0, t.length);
  const shifted = moved(edited);
  const copyAt = original.indexOf('Program for Combating Relgious');
  const passageAt = shifted.indexOf('Program for Combating Religious straddling');
  expect(Math.abs(copyAt - pos.start)).toBeLessThan(Math.abs(passageAt - pos.start));
  expect(anchor(shifted, sel, { originalLength: original.length })).toMatchObject({ status: 'orphan' });
  // Unedited, the passage is found where it is.
  expect(anchor(original, sel)).toMatchObject({ status: 'anchored', start: at, end: at + quote2.length });
});
