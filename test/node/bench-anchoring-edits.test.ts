/**
 * The anchoring bench's truth rule (bench/anchoring-edits.ts): where an edited passage is, and
 * when it counts as destroyed.
 */
import { expect, it } from 'vitest';
import { TrackedText } from '../../bench/anchoring-edits.ts';

const text = 'Before it. a Joint Declaration was signed. After it.';
const passage = { start: text.indexOf('a Joint'), end: text.indexOf(' was') };

it('counts a word kept with another added beside it as kept, and covers the added word', () => {
  const t = new TrackedText(text, [passage]);
  const last = text.indexOf('Declaration');
  t.extend(last, last + 'Declaration'.length, '', ' CSTO');
  expect(t.truth(0)).toEqual({ destroyed: false, start: passage.start, end: passage.end + ' CSTO'.length });
  expect(t.text.slice(t.truth(0).start, t.truth(0).end)).toBe('a Joint Declaration CSTO');
  const u = new TrackedText(text, [passage]);
  u.extend(passage.start, passage.start + 1, 'now ', '');
  expect(u.text.slice(u.truth(0).start, u.truth(0).end)).toBe('now a Joint Declaration');
  expect(u.truth(0).destroyed).toBe(false);
});

it('counts a replaced word as wholly changed, and a passage mostly replaced as destroyed', () => {
  const t = new TrackedText(text, [passage]);
  const last = text.indexOf('Declaration');
  t.replace(last, last + 'Declaration'.length, 'Statement');
  // 8 of 19 characters left.
  expect(t.truth(0)).toMatchObject({ destroyed: true });
});

it('leaves text inserted exactly at an end outside the passage', () => {
  const t = new TrackedText(text, [passage]);
  t.replace(passage.end, passage.end, ' indeed');
  expect(t.truth(0)).toEqual({ destroyed: false, start: passage.start, end: passage.end });
});

it('describes a paragraph moved past a shorter one as the shorter one moved: a heading taken out of a passage', () => {
  const before = 'The regime.\nJanuary 2022\nProtests erupted in the west.\nIn a televised address.\n';
  const p = { start: before.indexOf('regime'), end: before.indexOf(' in the west') };
  const t = new TrackedText(before, [p]);
  // The paragraph under the heading moved up past it: the same text as the heading moved down.
  t.move(before.indexOf('Protests'), before.indexOf('In a'), before.indexOf('January'));
  expect(t.text).toBe('The regime.\nProtests erupted in the west.\nJanuary 2022\nIn a televised address.\n');
  expect(t.text.slice(t.truth(0).start, t.truth(0).end)).toBe('regime.\nProtests erupted');
  expect(t.split.has(0)).toBe(true);
});
