/**
 * A short passage whose context on one side was rewritten: taken where the quote and all of its
 * stored context on the other side stand verbatim, once (choose.ts `orOneSide`); never at a copy
 * of a repeated phrase.
 */
import { beforeAll, expect, it } from 'vitest';
import { anchor, describe, MIN_QUOTE_SCORE, MIN_SCORE, type Anchor } from '../../src/anchoring/index.ts';
import { NOT_SIMILAR, orOneSide } from '../../src/anchoring/choose.ts';
import { WORD } from '../../src/anchoring/distance.ts';
import type { Probe } from '../../src/anchoring/probe.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';

let texts: Record<string, string> = {};
beforeAll(async () => {
  texts = Object.fromEntries((await loadCorpus()).map((d) => [d.meta.id, d.text]));
});

function placeOf(a: Anchor): [number, number] | string {
  return a.status === 'anchored' ? [a.start, a.end] : `orphan (${a.reason})`;
}

it('finds a two-word passage whose sentence lost its second half, by the words before it', () => {
  const text = texts['anisin-2026']!;
  const start = text.indexOf('in relation to Warsaw Pact member states');
  const end = start + 'in relation'.length;
  const stop = text.indexOf('.', end) + 1;
  // The rest of the sentence rewritten; the text before the passage untouched.
  const edited = text.slice(0, end) + ' to the armies of its allies, as the archives show.' + text.slice(stop);
  expect(placeOf(anchor(edited, describe(text, start, end)))).toEqual([start, end]);
});

// The rule on its own, on a made-up text: the quote with 64 characters of context a side.
const PRE = 'The committee met again in the spring and, after long hours, agreed on the ';
const QUOTE = 'budget plan';
const SUF = ' for the coming decade, after a long debate among its members and staff.';
const FILLER = 'Filler text that says nothing in particular goes on for a while here. '.repeat(8);
const T = { minScore: MIN_SCORE, minQuoteScore: MIN_QUOTE_SCORE };
const NONE: Anchor = { status: 'orphan', score: 0.7, reason: NOT_SIMILAR };

function probe(text: string, hint: number): Probe {
  return {
    text,
    exact: QUOTE,
    prefix: PRE.slice(-WORD),
    outerPrefix: PRE.slice(-2 * WORD, -WORD),
    suffix: SUF.slice(0, WORD),
    outerSuffix: SUF.slice(WORD, 2 * WORD),
    hint,
  };
}

it('takes the quote where all of its context on one side stands verbatim, once, near the expected place', () => {
  const text = FILLER + PRE + QUOTE + ' was rewritten here, in other words.' + FILLER;
  const at = FILLER.length + PRE.length;
  expect(placeOf(orOneSide(probe(text, at + 40), T, NONE))).toEqual([at, at + QUOTE.length]);
  // Not twice, nor far away.
  expect(orOneSide(probe(text + PRE + QUOTE, at), T, NONE)).toBe(NONE);
  expect(orOneSide(probe(text, at + 2000), T, NONE)).toBe(NONE);
});

it('never takes a copy at a line start where the passage sat inside a paragraph', () => {
  const text = FILLER + 'Source:\n' + QUOTE + SUF + FILLER;
  expect(orOneSide(probe(text, FILLER.length), T, NONE)).toBe(NONE);
});

it('never takes a copy while the other side of its context stands near, the passage edited between', () => {
  const copy = 'In short, ' + QUOTE + SUF;
  const text = FILLER + PRE + 'budgett plann' + ' was rewritten here, in other words. ' + copy + FILLER;
  expect(orOneSide(probe(text, FILLER.length + PRE.length), T, NONE)).toBe(NONE);
});

it('never takes the copy of a programme title in a table source line when its sentence is gone', () => {
  const text = texts['kurmashev-et-al-2018']!;
  const sentence = text.indexOf('the Kazakh Government has developed the State Program');
  const start = text.indexOf('Program for', sentence);
  const end = start + 'Program for'.length;
  // The copy: "Source: State Program for Combating Religious Extremism…" under Table 1.
  const copy = text.indexOf('Source: State Program for');
  expect(copy).toBeGreaterThanOrEqual(0);
  expect(start - copy).toBeLessThan(1024);
  // The sentence deleted, from its paragraph's start.
  const from = text.lastIndexOf('\n', start) + 1;
  const to = text.indexOf('. ', end) + 2;
  const edited = text.slice(0, from) + text.slice(to);
  expect(anchor(edited, describe(text, start, end)).status).toBe('orphan');
});
