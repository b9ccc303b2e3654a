import { describe, expect, it } from 'vitest';
import { applyDiff, collectionDiff, diffIds, emptyState, isEmptyDiff, reconcileRecords, reverseDiff, sameRecord, stateAsDiff } from '../../src/store/diff.ts';
import { deepEqual } from '../../src/store/equal.ts';
import { bumpVersion, compareVersions, mergeVersions, stampDiff } from '../../src/store/versions.ts';
import { changeAnnotation, type Annotation } from '../../src/store/records.ts';
import { undoBlockers, UndoHistory, type UndoEntry } from '../../src/store/undo.ts';
import { annotation } from './store-fixtures.ts';

const a0 = annotation(0);
const a1 = annotation(1);
const a1edited = changeAnnotation(a1, { note: 'edited' }, '2025-06-01T00:00:00.000Z');

function stateWith(...records: Annotation[]) {
  const s = emptyState();
  for (const r of records) s.annotations.set(r.id, r);
  return s;
}

describe('diffs', () => {
  const diff = collectionDiff('annotations', {
    added: { [a0.id]: a0 },
    updated: { [a1.id]: [a1, a1edited] },
  });

  it('apply then apply the reverse restores the state', () => {
    const s = stateWith(a1);
    applyDiff(s, diff);
    expect([...s.annotations.values()]).toEqual([a1edited, a0]);
    applyDiff(s, reverseDiff(diff));
    expect(s).toEqual(stateWith(a1));
  });

  it('reverse swaps added/removed and from/to, and is its own inverse', () => {
    const r = reverseDiff(diff);
    expect(r.annotations).toEqual({ added: {}, updated: { [a1.id]: [a1edited, a1] }, removed: { [a0.id]: a0 } });
    expect(reverseDiff(r)).toEqual(diff);
  });

  it('knows empty diffs and touched ids', () => {
    expect(isEmptyDiff({})).toBe(true);
    expect(isEmptyDiff(collectionDiff('settings', {}))).toBe(true);
    expect(isEmptyDiff(diff)).toBe(false);
    expect(diffIds(diff)).toEqual({ annotations: [a0.id, a1.id] });
    expect(reverseDiff(collectionDiff('settings', {}))).toEqual({});
  });

  it('turns a loaded state into an all-added diff', () => {
    const d = stateAsDiff(stateWith(a0, a1));
    expect(Object.keys(d.annotations!.added)).toEqual([a0.id, a1.id]);
    const s = emptyState();
    applyDiff(s, d);
    expect(s).toEqual(stateWith(a0, a1));
  });

  it('reconciles memory with what the database holds now', () => {
    const memory = stateWith(a0, a1).annotations;
    const fresh = new Map<string, Annotation | undefined>([
      [a0.id, undefined], // deleted elsewhere
      [a1.id, a1edited], // edited elsewhere
      [annotation(2).id, annotation(2)], // created elsewhere
      [annotation(3).id, undefined], // created and deleted elsewhere: no change here
    ]);
    expect(reconcileRecords(memory, fresh)).toEqual({
      added: { [annotation(2).id]: annotation(2) },
      updated: { [a1.id]: [a1, a1edited] },
      removed: { [a0.id]: a0 },
    });
    expect(reconcileRecords(memory, new Map([[a1.id, structuredClone(a1)]]))).toEqual({ added: {}, updated: {}, removed: {} });
  });
});

describe('record equality', () => {
  it('ignores key order, at every depth', () => {
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(deepEqual({ a: { x: [1, { p: 'q', r: 's' }] }, b: null }, { b: null, a: { x: [1, { r: 's', p: 'q' }] } })).toBe(true);
    // A record parsed from a file lists its keys in the file's order.
    const a1 = annotation(1);
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a1).reverse()))) as Annotation;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a1));
    expect(sameRecord(reordered, a1)).toBe(true);
    expect(reconcileRecords(stateWith(a1).annotations, new Map([[a1.id, reordered]]))).toEqual({ added: {}, updated: {}, removed: {} });
  });

  it('keeps array order and tells values apart', () => {
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(deepEqual({ a: '1' }, { a: 1 })).toBe(false);
    expect(deepEqual({ a: null }, { a: {} })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({ 0: 'x' }, ['x'])).toBe(false);
    expect(sameRecord(a1, a1edited)).toBe(false);
  });

  it('treats an undefined key as absent, like JSON', () => {
    expect(deepEqual({ a: 1, note: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(true);
  });
});

describe('versions', () => {
  const [r1, r2] = ['urn:uuid:00000000-0000-4000-8000-0000000000a1', 'urn:uuid:00000000-0000-4000-8000-0000000000a2'];

  it('orders version vectors by the writes they include, not by clocks', () => {
    expect(compareVersions({ [r1]: 2 }, { [r1]: 2 })).toBe('same');
    expect(compareVersions({ [r1]: 3 }, { [r1]: 2 })).toBe('newer');
    expect(compareVersions({ [r1]: 2, [r2]: 1 }, { [r1]: 2 })).toBe('newer');
    expect(compareVersions({ [r1]: 2 }, { [r1]: 2, [r2]: 1 })).toBe('older');
    expect(compareVersions({ [r1]: 3 }, { [r1]: 2, [r2]: 1 })).toBe('concurrent');
    // Key order is no part of a version.
    expect(compareVersions({ [r1]: 1, [r2]: 1 }, { [r2]: 1, [r1]: 1 })).toBe('same');
    expect(mergeVersions({ [r1]: 3 }, { [r1]: 2, [r2]: 1 })).toEqual({ [r1]: 3, [r2]: 1 });
    expect(bumpVersion({ [r2]: 4 }, r1)).toEqual({ [r2]: 4, [r1]: 1 });
  });

  it('stamps each written record one write past what is known of it', () => {
    const known = { ...a1, version: { [r2]: 2 } };
    const diff = collectionDiff('annotations', { added: { [a0.id]: a0 }, updated: { [a1.id]: [known, { ...a1edited, version: { [r2]: 2 } }] } });
    const stamped = stampDiff(diff, r1, (_c, id) => (id === a1.id ? { [r2]: 5 } : undefined));
    expect(stamped.annotations!.added[a0.id]!.version).toEqual({ [r1]: 1 });
    expect(stamped.annotations!.updated[a1.id]![1].version).toEqual({ [r2]: 5, [r1]: 1 });
    // The input is not touched; settings carry no version.
    expect(a0.version).toEqual({});
    const setting = { id: 'creatorName' as const, value: 'Ada' };
    expect(stampDiff(collectionDiff('settings', { added: { creatorName: setting } }), r1, () => undefined).settings!.added.creatorName).toBe(setting);
  });
});

describe('undo history', () => {
  const entry = (label: string, ...records: Annotation[]): UndoEntry => ({
    label,
    diff: collectionDiff('annotations', { added: Object.fromEntries(records.map((r) => [r.id, r])) }),
  });

  it('undoes latest first, redoes, and a new action clears redo', () => {
    const h = new UndoHistory();
    const e0 = entry('0', a0);
    const e1 = entry('1', a1);
    h.push(e0);
    h.push(e1);
    expect(h.undoable()).toBe(e1);
    h.undone(e1);
    expect(h.redoable()).toBe(e1);
    expect(h.undoable()).toBe(e0);
    h.redone(e1);
    expect(h.undoable()).toBe(e1);
    h.undone(e1);
    h.push(entry('2', annotation(2)));
    expect(h.canRedo).toBe(false);
  });

  it('keeps at most `limit` entries, dropping the oldest', () => {
    const h = new UndoHistory(3);
    const entries = [0, 1, 2, 3, 4].map((n) => entry(String(n), annotation(n)));
    for (const e of entries) h.push(e);
    expect(h.undoDepth).toBe(3);
    expect(h.undoable(entries[1])).toEqual({ done: false, reason: '“1” is too far back to undo (only the last 3 actions are kept).' });
    expect(h.undoable(entries[2])).toBe(entries[2]);
  });

  it('undoes out of order only when no later entry touches the same records', () => {
    const h = new UndoHistory();
    const create = entry('create', a1);
    const other = entry('other', a0);
    h.push(create);
    h.push(other);
    expect(h.undoable(create)).toBe(create);
    const edit: UndoEntry = { label: 'edit', diff: collectionDiff('annotations', { updated: { [a1.id]: [a1, a1edited] } }) };
    h.push(edit);
    expect(h.undoable(create)).toEqual({ done: false, reason: 'Can\'t undo “create” yet: a later change (“edit”) touched the same passage. Undo that first.' });
    expect(h.undoable(other)).toBe(other);
    h.undone(edit);
    expect(h.undoable(edit)).toEqual({ done: false, reason: '“edit” is already undone.' });
  });

  it('marks entries touching records another tab changed as overtaken, and says so once', () => {
    const h = new UndoHistory();
    const e0 = entry('0', a0);
    const e1 = entry('1', a1);
    const e2 = entry('2', annotation(2));
    h.push(e0);
    h.push(e1);
    h.push(e2);
    h.undone(e2);
    h.forget(collectionDiff('annotations', { removed: { [a1.id]: a1, [e2.diff.annotations!.added[annotation(2).id]!.id]: annotation(2) } }));
    expect(h.redoable()).toEqual({ done: false, reason: 'Can\'t redo “2”: another tab has changed the same passage since.' });
    expect(h.canRedo).toBe(false);
    // Not "Nothing to undo": the latest action is named with the reason, then dropped.
    expect(h.undoable()).toEqual({ done: false, reason: 'Can\'t undo “1”: another tab has changed the same passage since.' });
    expect(h.undoable()).toBe(e0);
    h.forget(collectionDiff('settings', { added: { creatorName: { id: 'creatorName', value: 'x' } } }));
    expect(h.undoable()).toBe(e0);
    // Asked for again by its toast: the same reason, not a throw.
    expect(h.undoable(e1)).toEqual({ done: false, reason: 'Can\'t undo “1”: another tab has changed the same passage since.' });
    h.undone(e1); // already dropped: a no-op
    expect(h.undoDepth).toBe(1);
  });

  it('names what blocks an undo: what it refers to is gone, or what was made since depends on it', () => {
    const restore = collectionDiff('annotations', { added: { [a1.id]: a1 } });
    expect(undoBlockers([`annotations ${a1.id} refers to missing events x`], restore)).toBe('what it refers to has been deleted since');
    const remove = collectionDiff('annotations', { removed: { [a1.id]: a1 } });
    expect(undoBlockers([`claims c1 refers to removed annotations ${a1.id}`], remove)).toBe('a claim made since depends on it');
    expect(undoBlockers([`claims c1 refers to removed annotations ${a1.id}`, `links l1 refers to removed claims c1`], remove)).toBe('a claim and a link made since depend on it');
  });

  it('says there is nothing to undo or redo on empty stacks', () => {
    const h = new UndoHistory();
    expect(h.undoable()).toEqual({ done: false, reason: 'Nothing to undo.' });
    expect(h.redoable()).toEqual({ done: false, reason: 'Nothing to redo.' });
  });
});
