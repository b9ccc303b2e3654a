/**
 * The anchoring bench's truth rule (bench/anchoring-edits.ts): where an edited passage is, and
 * when it counts as destroyed.
 */
import { expect, it } from 'vitest';
import { TrackedText } from '../../bench/anchoring-edits.ts';
import { judge } from '../../bench/anchoring.ts';

const text = 'Before it. a Joint Declaration was signed. After it.';
const passage = { start: text.indexOf('a Joint'), end: text.indexOf(' was') };

it('counts a word kept with another added beside it as kept, and covers the added word', () => {
  const t = new TrackedText(text, [passage]);
  const last = text.indexOf('Declaration');
  t.extend(last, last + 'Declaration'.length, '', ' CSTO');
  expect(t.truth(0)).toEqual({ destroyed: false, start: passage.start, end: passage.end + ' CSTO'.length, also: [] });
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
  expect(t.truth(0)).toEqual({ destroyed: false, start: passage.start, end: passage.end, also: [] });
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

it("keeps a copy of the passage's sentence as another of its places, also once the sentence itself is deleted", () => {
  const sentence = { start: text.indexOf('a Joint'), end: text.indexOf(' After') };
  const t = new TrackedText(text, [passage]);
  // The text's own sentence inserted at the end (as a donor sentence), then deleted in its place.
  t.copy(text.length, sentence.start, sentence.end - sentence.start);
  expect(t.truth(0).also.map((s) => t.text.slice(s.start, s.end))).toEqual(['a Joint Declaration']);
  t.replace(sentence.start, sentence.end + 1, '');
  const truth = t.truth(0);
  expect(truth.destroyed).toBe(true);
  expect(truth.also.map((s) => t.text.slice(s.start, s.end))).toEqual(['a Joint Declaration']);
  // A copy mostly rewritten is no place of the passage.
  const u = new TrackedText(text, [passage]);
  u.copy(0, sentence.start, sentence.end - sentence.start);
  u.replace(u.text.indexOf('Joint'), u.text.indexOf(' was'), 'treaty');
  expect(u.truth(0).also).toEqual([]);
});

it('judges an anchor on a copy against the copy, and an orphan of a destroyed passage with a copy as right', () => {
  const truth = { destroyed: true, start: 10, end: 10, also: [{ start: 50, end: 69 }] };
  const tally = () => ({ ms: 0, anchors: 0, surviving: 0, destroyed: 0, ok: 0, boundary: 0, off: 0, wrong: 0, orphaned: 0 });
  const onCopy = tally();
  judge(onCopy, truth, { start: 50, end: 69 });
  expect(onCopy).toMatchObject({ surviving: 1, ok: 1, wrong: 0, destroyed: 0 });
  const orphan = tally();
  judge(orphan, truth, null);
  expect(orphan).toMatchObject({ destroyed: 1, orphaned: 1 });
  const elsewhere = tally();
  judge(elsewhere, truth, { start: 100, end: 119 });
  expect(elsewhere).toMatchObject({ destroyed: 1, wrong: 1 });
});

it('carries a copy along with the paragraph it was inserted in', () => {
  const before = 'First line, the longest of them all.\nSecond line.\nThird.\n';
  const p = { start: before.indexOf('Second'), end: before.indexOf(' line.\nThird') };
  const t = new TrackedText(before, [p]);
  t.copy(before.indexOf('Third'), p.start, 'Second line.'.length);
  // The last paragraph, copy and all, moved to the top.
  const third = t.text.indexOf('Second line.Third');
  t.move(third, t.text.length, 0);
  expect(t.text.startsWith('Second line.Third.\nFirst')).toBe(true);
  const [copy] = t.truth(0).also;
  expect(copy).toEqual({ start: 0, end: 'Second'.length });
});
