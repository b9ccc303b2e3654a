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
