/**
 * What a commit writes, given what the database holds when its transaction
 * runs (ADR 0002, "Tabs"). An action is computed from this tab's memory;
 * another tab may have written the same record since. Both persistences read
 * every record the diff updates or removes inside the write transaction and
 * pass it here:
 * - still the write the action started from (same version): written as is;
 * - changed since: this tab's change is merged into it (`merge.ts`), one
 *   write past both; two different changes of one value are a `conflict`;
 * - deleted since: a `conflict` (the deletion was the other reader's intent);
 * - a removal deletes what the database holds (the deletion is this reader's intent).
 * Records received from outside (`exact`) keep their versions and are never
 * merged here: if the database moved on, the batch is refused as `conflict`,
 * and receiving it again plans against the new state. Pure; tested in Node.
 */
import * as v from 'valibot';
import { diffCollections, emptyRecordsDiff, setPart, type AnyRecord, type DiffIds, type RecordsDiff, type StoreDiff, type StoreState } from './diff.ts';
import type { ReadResult } from './persistence.ts';
import { StoreError } from './errors.ts';
import { referencesOf } from './integrity.ts';
import { conflictMessage, mergeRecord, type FieldConflict } from './merge.ts';
import type { CollectionName } from './records.ts';
import { RecordSchemas } from './schemas.ts';
import { bumpVersion, compareVersions, mergeVersions, versionOf } from './versions.ts';

/** `merge`: local writes (actions, undo, redo); `exact`: records received from outside (ADR 0004). */
export type CommitMode = 'merge' | 'exact';

/** What a commit did. */
export interface Committed {
  /** The diff as written: updates and removals from the records the database held (see {@link planCommit}). */
  written: StoreDiff;
  /** Records the written ones cite, as the database holds them after the write (read for the integrity check). */
  cited: StoreState;
}

/** A record as the database holds it inside the transaction; `undefined`: no such record. */
export type CurrentRecord = (c: CollectionName, id: string) => AnyRecord | undefined;

/** The records a commit must read before it writes: every one it updates or removes. */
export function currentIds(diff: StoreDiff): DiffIds {
  const out: DiffIds = {};
  for (const c of diffCollections(diff)) {
    const part: RecordsDiff<AnyRecord> = diff[c]!; // typed: Object.values of a union of parts is any[]
    const ids = [...Object.keys(part.updated), ...Object.keys(part.removed)];
    if (ids.length > 0) out[c] = ids;
  }
  return out;
}

/**
 * The diff to write, given the database's records now: `updated` as
 * `[as in the database, as written]`, `removed` as the database had them
 * (records already gone are left out), `added` unchanged. Throws a
 * `StoreError` `conflict` (with `detail`) when this tab's change cannot be
 * combined with another tab's (see the module comment).
 */
export function planCommit(diff: StoreDiff, current: CurrentRecord, mode: CommitMode, replica: string): StoreDiff {
  const out: StoreDiff = {};
  for (const c of diffCollections(diff)) {
    const part: RecordsDiff<AnyRecord> = diff[c]!;
    const next: RecordsDiff<AnyRecord> = { ...emptyRecordsDiff<AnyRecord>(), added: { ...part.added } };
    for (const [id, record] of Object.entries(part.removed)) {
      const now = current(c, id);
      if (!now) continue;
      if (mode === 'exact' && !sameWrite(record, now)) throw stale(c, id);
      next.removed[id] = now;
    }
    for (const [id, [from, to]] of Object.entries(part.updated)) {
      const now = current(c, id);
      if (!now) throw editConflict(c, id, undefined);
      // Settings carry no version: a preference, the last one set wins.
      if (c === 'settings' || sameWrite(from, now)) next.updated[id] = [now, to];
      else if (mode === 'exact') throw stale(c, id);
      else next.updated[id] = [now, merged(c, from, to, now, replica)];
    }
    setPart(out, c, next);
  }
  return out;
}

function merged(c: Exclude<CollectionName, 'settings'>, base: AnyRecord, mine: AnyRecord, theirs: AnyRecord, replica: string): AnyRecord {
  const result = mergeRecord(c, base as never, mine as never, theirs as never);
  if ('conflict' in result) throw editConflict(c, mine.id, result.conflict);
  // One write past theirs, and not before mine (already one past what this tab knew): two tabs share one replica id.
  const version = mergeVersions(versionOf(mine)!, bumpVersion(versionOf(theirs)!, replica));
  const record = { ...result.record, version } as AnyRecord;
  // A safety net: each side was valid; a combination the rules of the schema forbid is refused, not saved.
  const check = v.safeParse(RecordSchemas[c], record);
  if (!check.success) {
    const field = v.getDotPath(check.issues[0])?.split('.')[0] ?? 'record';
    const value = (r: AnyRecord) => (r as unknown as Record<string, unknown>)[field];
    throw editConflict(c, mine.id, { field, mine: value(mine), theirs: value(theirs) });
  }
  return record;
}

/** True when both are the same write of a record (same version). */
function sameWrite(a: AnyRecord, b: AnyRecord): boolean {
  return compareVersions(versionOf(a) ?? {}, versionOf(b) ?? {}) === 'same';
}

function editConflict(c: CollectionName, id: string, conflict: FieldConflict | undefined): StoreError {
  return new StoreError('conflict', { message: conflictMessage(c, conflict), detail: { collection: c, id, ...conflict } });
}

function stale(c: CollectionName, id: string): StoreError {
  return new StoreError('conflict', { cause: new Error(`${c} ${id} changed in the database since the batch was planned`) });
}

/**
 * What memory and subscribers see of a commit: from this tab's records (what
 * `sent` was computed from) to what was written. The written diff itself,
 * from the database's records, is what undo reverts: only this tab's change.
 */
export function shownDiff(sent: StoreDiff, written: StoreDiff): StoreDiff {
  const out: StoreDiff = {};
  for (const c of diffCollections(sent)) {
    const part: RecordsDiff<AnyRecord> = sent[c]!;
    const saved: RecordsDiff<AnyRecord> = written[c]!;
    const updated: RecordsDiff<AnyRecord>['updated'] = {};
    for (const [id, [from]] of Object.entries(part.updated)) updated[id] = [from, saved.updated[id]![1]];
    setPart(out, c, { added: saved.added, updated, removed: part.removed });
  }
  return out;
}

/**
 * Ids that `records` cite and neither `state` nor `records` hold: a record
 * another tab wrote (read, or merged with in a commit) may cite what that tab
 * made and this one has not heard of yet.
 */
export function missingCitations(state: StoreState, records: ReadResult): DiffIds {
  const out: { [C in CollectionName]?: Set<string> } = {};
  for (const c of Object.keys(records) as CollectionName[]) {
    for (const record of records[c]!.values()) {
      if (!record) continue;
      const refs = referencesOf(c, record as never);
      for (const target of Object.keys(refs) as CollectionName[]) {
        for (const id of refs[target]!) if (!state[target].has(id) && !records[target]?.has(id)) (out[target] ??= new Set()).add(id);
      }
    }
  }
  return Object.fromEntries(Object.entries(out).map(([c, ids]) => [c, [...ids]]));
}

/** What memory lacks of what the records a commit updated cite, from `cited` (read by the commit for its integrity check). */
export function newlyCited(state: StoreState, diff: StoreDiff, cited: StoreState): ReadResult {
  const updated: ReadResult = {};
  for (const c of diffCollections(diff)) updated[c] = new Map(Object.values<[AnyRecord, AnyRecord]>(diff[c]!.updated).map(([, to]) => [to.id, to]));
  const missing = missingCitations(state, updated);
  const out: ReadResult = {};
  for (const c of Object.keys(missing) as CollectionName[]) out[c] = new Map(missing[c]!.map((id) => [id, (cited[c] as ReadonlyMap<string, AnyRecord>).get(id)]));
  return out;
}
