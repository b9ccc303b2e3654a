/**
 * Changes as diffs, after tldraw's `RecordsDiff`: one shape drives
 * persistence (a diff is one IndexedDB transaction), undo (apply the reverse),
 * cross-tab sync (a diff is what other tabs hear about) and subscribers
 * (a diff is what components re-render from). Pure; tested in Node.
 */
import { deepEqual } from './equal.ts';
import { COLLECTION_NAMES, type CollectionName, type Collections } from './records.ts';

/** Changes to one collection, keyed by record id. An id appears in at most one of the three. */
export interface RecordsDiff<R> {
  added: Record<string, R>;
  updated: Record<string, [from: R, to: R]>;
  removed: Record<string, R>;
}

/** Changes across collections; a collection without changes may be absent. */
export type StoreDiff = { [C in CollectionName]?: RecordsDiff<Collections[C]> };

/** The records of every collection by id: the store's memory and a DB snapshot. */
export type StoreState = { [C in CollectionName]: Map<string, Collections[C]> };

/** A record of any collection. */
export type AnyRecord = Collections[CollectionName];

/** Ids touched by a diff, per collection. */
export type DiffIds = { [C in CollectionName]?: string[] };

/** A diff of one collection with nothing in it. */
export function emptyRecordsDiff<R>(): RecordsDiff<R> {
  return { added: {}, updated: {}, removed: {} };
}

/** A state with every collection empty. */
export function emptyState(): StoreState {
  return { annotations: new Map(), settings: new Map(), claims: new Map(), links: new Map(), events: new Map(), sources: new Map() };
}

/** The collections a diff actually changes (empty parts are skipped). */
export function diffCollections(diff: StoreDiff): CollectionName[] {
  return COLLECTION_NAMES.filter((c) => {
    const d = diff[c];
    return d !== undefined && idsOf<AnyRecord>(d).length > 0;
  });
}

/** True when applying the diff would change nothing. */
export function isEmptyDiff(diff: StoreDiff): boolean {
  return diffCollections(diff).length === 0;
}

function idsOf<R>(d: RecordsDiff<R>): string[] {
  return [...Object.keys(d.added), ...Object.keys(d.updated), ...Object.keys(d.removed)];
}

/** Every id a diff touches, per collection. */
export function diffIds(diff: StoreDiff): DiffIds {
  const out: DiffIds = {};
  for (const c of diffCollections(diff)) out[c] = idsOf<AnyRecord>(diff[c]!);
  return out;
}

function reverseRecords<R>(d: RecordsDiff<R>): RecordsDiff<R> {
  const updated: Record<string, [R, R]> = {};
  for (const [id, [from, to]] of Object.entries(d.updated)) updated[id] = [to, from];
  return { added: { ...d.removed }, updated, removed: { ...d.added } };
}

/** The diff that undoes `diff`: added ↔ removed, and every update's from/to swapped. */
export function reverseDiff(diff: StoreDiff): StoreDiff {
  const out: StoreDiff = {};
  for (const c of diffCollections(diff)) setPart(out, c, reverseRecords<AnyRecord>(diff[c]!));
  return out;
}

/** Sets one collection's part of a diff; the generic keeps record types paired with names. */
export function setPart<C extends CollectionName>(diff: StoreDiff, c: C, part: RecordsDiff<Collections[C]>): void {
  (diff as { [K in C]?: RecordsDiff<Collections[K]> })[c] = part;
}

/** A diff touching one collection. */
export function collectionDiff<C extends CollectionName>(
  c: C,
  part: Partial<RecordsDiff<Collections[C]>>,
): StoreDiff {
  const diff: StoreDiff = {};
  setPart(diff, c, { ...emptyRecordsDiff<Collections[C]>(), ...part });
  return diff;
}

/** A diff that adds every record of a state (what loading it into an empty store does). */
export function stateAsDiff(state: StoreState): StoreDiff {
  const diff: StoreDiff = {};
  for (const c of COLLECTION_NAMES) {
    setPart(diff, c, { ...emptyRecordsDiff<AnyRecord>(), added: Object.fromEntries<AnyRecord>(state[c]) });
  }
  return diff;
}

function applyRecords<R>(map: Map<string, R>, d: RecordsDiff<R>): void {
  for (const id of Object.keys(d.removed)) map.delete(id);
  for (const [id, record] of Object.entries(d.added)) map.set(id, record);
  for (const [id, [, to]] of Object.entries(d.updated)) map.set(id, to);
}

/** Applies a diff to a state in place. */
export function applyDiff(state: StoreState, diff: StoreDiff): void {
  for (const c of diffCollections(diff)) applyRecords<AnyRecord>(state[c], diff[c]!);
}

/**
 * The diff that takes `current` to `fresh` for the given ids, where `fresh`
 * holds what the database has now (`undefined` = no such record). Used when
 * another tab reports a change: the database, not the message, is the truth,
 * so two tabs that write the same record at once still converge.
 */
export function reconcileRecords<R>(
  current: ReadonlyMap<string, R>,
  fresh: ReadonlyMap<string, R | undefined>,
): RecordsDiff<R> {
  const diff = emptyRecordsDiff<R>();
  for (const [id, next] of fresh) {
    const prev = current.get(id);
    if (prev === undefined && next !== undefined) diff.added[id] = next;
    else if (prev !== undefined && next === undefined) diff.removed[id] = prev;
    else if (prev !== undefined && next !== undefined && !sameRecord(prev, next)) diff.updated[id] = [prev, next];
  }
  return diff;
}

/**
 * Structural equality for records, independent of key order ({@link deepEqual}):
 * records read from an import file or written by another version of the code
 * need not list their keys in the order the builders here do.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  return deepEqual(a, b);
}

/** Freezes a record and everything in it, so readers of the store cannot mutate shared state. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
