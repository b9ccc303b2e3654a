/**
 * Records read back from storage are checked before the store holds them: a
 * record that fails its schema (`schemas.ts`), or that points at a record the
 * database does not have, is set aside in quarantine instead of reaching the
 * views. It stays in the database untouched; the store lists it with the reason
 * in the reader's words, and references to it count as present (it exists, it
 * is only unreadable) so valid records that cite it keep loading and saving.
 * Pure; tested in Node.
 */
import * as v from 'valibot';
import { deepFreeze, diffCollections, emptyState, type AnyRecord, type StoreDiff, type StoreState } from './diff.ts';
import { referencesOf, type SetAside } from './integrity.ts';
import { COLLECTION_NAMES, type CollectionName } from './records.ts';
import { MISSING, reasonFor } from './damage-words.ts';
import { describeIssues, RecordSchemas } from './schemas.ts';

/**
 * Records as a persistence reads them, not yet checked: per collection, the
 * database key of each record and its value as stored (anything at all).
 */
export type RawState = { [C in CollectionName]: ReadonlyMap<unknown, unknown> };

/** A {@link RawState} with nothing in it. */
export function emptyRaw(): RawState {
  return emptyState();
}

/** Records read for some ids, not yet checked; `undefined` = no such record. */
export type RawRead = { [C in CollectionName]?: ReadonlyMap<string, unknown> };

/** A record kept out of the store because it is damaged; it stays in the database as it is. */
export interface QuarantinedRecord {
  /** Where it is stored. */
  readonly collection: CollectionName;
  /** Its id, when it has one that is a string (the database key otherwise stays in `value`). */
  readonly id: string | undefined;
  /** The record exactly as stored. */
  readonly value: unknown;
  /** Why it was set aside, in the reader's words. */
  readonly reason: string;
  /** The same, in the schema's terms (field paths), for whoever repairs the data. */
  readonly problems: readonly string[];
}

/** What the store holds after a load: every valid record, and those set aside. */
export interface SortedRecords {
  state: StoreState;
  quarantined: QuarantinedRecord[];
}

/** The outcome of checking one stored value against its collection's schema. */
export type Checked<R> = { ok: true; record: R } | { ok: false; reason: string; problems: string[] };

/** Checks one stored value against the schema of collection `c`. The record is the value itself, unchanged. */
export function checkRecord(c: CollectionName, value: unknown): Checked<AnyRecord> {
  const result = v.safeParse(RecordSchemas[c], value);
  if (result.success) return { ok: true, record: value as AnyRecord };
  return { ok: false, reason: reasonFor(c, value, result.issues), problems: describeIssues(result.issues) };
}

/**
 * Checks a value read from the database under `key`: the valid record, or
 * the value set aside with the reason. A record's id must be its key too: one
 * that is not could never be found or updated by its id.
 */
export function checkStored(c: CollectionName, key: unknown, value: unknown): { record: AnyRecord } | { quarantined: QuarantinedRecord } {
  const checked = checkRecord(c, value);
  if (checked.ok && checked.record.id === key) return { record: checked.record };
  if (checked.ok) return { quarantined: quarantine(c, value, 'Its id does not match the key it is stored under.', [`id: is not the key ${String(key)}`]) };
  return { quarantined: quarantine(c, value, checked.reason, checked.problems) };
}

/** A stored record's id, when it is a string. */
export function idOf(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** A record set aside for a reason. */
export function quarantine(collection: CollectionName, value: unknown, reason: string, problems: readonly string[]): QuarantinedRecord {
  return { collection, id: idOf(value), value, reason, problems };
}

/**
 * Splits records read from storage into the valid ones, which the store
 * holds, and those it sets aside: any record that fails its schema, and any
 * valid record that points at a record the database does not hold at all.
 * A reference to a record set aside is not dangling (that record exists), so
 * the record citing it stays. Nothing is changed or dropped: every value read
 * ends up in exactly one of the two.
 */
export function sortRecords(raw: RawState): SortedRecords {
  const state = emptyState();
  const quarantined: QuarantinedRecord[] = [];
  const present: { [C in CollectionName]: Set<string> } = {
    annotations: new Set(),
    settings: new Set(),
    claims: new Set(),
    links: new Set(),
    events: new Set(),
    sources: new Set(),
  };
  for (const c of COLLECTION_NAMES) {
    for (const [key, value] of raw[c]) {
      if (typeof key === 'string') present[c].add(key);
      const checked = checkStored(c, key, value);
      if ('record' in checked) (state[c] as Map<string, AnyRecord>).set(checked.record.id, checked.record);
      else quarantined.push(checked.quarantined);
    }
  }
  for (const c of COLLECTION_NAMES) {
    for (const [id, record] of state[c] as Map<string, AnyRecord>) {
      const refs = referencesOf(c, record as never);
      const missing = (Object.keys(refs) as CollectionName[]).filter((t) => refs[t]!.some((ref) => !present[t].has(ref)));
      if (missing.length === 0) continue;
      state[c].delete(id);
      quarantined.push(quarantine(c, record, MISSING[missing[0]!], missing.map((t) => `refers to a missing record in ${t}`)));
    }
  }
  return { state, quarantined };
}

/**
 * What quarantined records that can still be read cite (those set aside only
 * for pointing at a missing record), as `collection id` keys: deleting one of
 * these would leave them pointing at one more missing record, and lose what
 * a repair needs.
 */
export function citedBySetAside(records: Iterable<QuarantinedRecord>): Set<string> {
  const cited = new Set<string>();
  for (const r of records) {
    const checked = checkRecord(r.collection, r.value);
    if (!checked.ok) continue;
    const refs = referencesOf(r.collection, checked.record as never);
    for (const c of Object.keys(refs) as CollectionName[]) for (const id of refs[c]!) cited.add(`${c} ${id}`);
  }
  return cited;
}

/** The ids of quarantined records, per collection, for integrity checks. */
export function setAsideIds(records: Iterable<QuarantinedRecord>): SetAside {
  const out: { [C in CollectionName]?: Set<string> } = {};
  for (const r of records) if (r.id !== undefined) (out[r.collection] ??= new Set()).add(r.id);
  return out;
}

/**
 * The records one store has set aside, by `collection id` (`collection #n`
 * for one without a string id), with what its checks need: the ids that
 * count as present, and why a diff may not be written.
 */
export class Quarantine {
  readonly #records = new Map<string, QuarantinedRecord>();
  #list: readonly QuarantinedRecord[] | undefined;
  #ids: SetAside | undefined;
  #cited: Set<string> | undefined;
  #unnamed = 0;

  /** Every record set aside, in the order they were; frozen. */
  get list(): readonly QuarantinedRecord[] {
    return (this.#list ??= Object.freeze([...this.#records.values()]));
  }

  /** True when record `id` of collection `c` is set aside. */
  has(c: CollectionName, id: string): boolean {
    return this.#records.has(`${c} ${id}`);
  }

  /** Sets a record aside (replacing one of the same id); it is frozen. */
  add(record: QuarantinedRecord): void {
    const key = record.id === undefined ? `${record.collection} #${++this.#unnamed}` : `${record.collection} ${record.id}`;
    this.#records.set(key, deepFreeze(record));
    this.#changed();
  }

  /** Takes a record out (read valid again, or deleted); true if it was set aside. */
  release(c: CollectionName, id: string): boolean {
    const had = this.#records.delete(`${c} ${id}`);
    if (had) this.#changed();
    return had;
  }

  /**
   * Sorts records of `c` read again from the database (another tab wrote
   * them), like a load: valid ones come back in `fresh` (`undefined`: no such
   * record), damaged ones are set aside, and one set aside that reads valid
   * now is released. `changed`: what is set aside changed.
   */
  sortRead(c: CollectionName, raw: ReadonlyMap<string, unknown>): { fresh: Map<string, AnyRecord | undefined>; changed: boolean } {
    const fresh = new Map<string, AnyRecord | undefined>();
    let changed = false;
    for (const [id, value] of raw) {
      const checked = value === undefined ? undefined : checkStored(c, id, value);
      if (this.release(c, id)) changed = true;
      if (checked && 'quarantined' in checked) {
        this.add(checked.quarantined);
        changed = true;
      }
      fresh.set(id, checked && 'record' in checked ? checked.record : undefined);
    }
    return { fresh, changed };
  }

  /** Ids that exist but are set aside, for the integrity checks (`integrity.ts`). */
  ids(): SetAside {
    return (this.#ids ??= setAsideIds(this.#records.values()));
  }

  /**
   * Why `diff` may not be written, in the reader's words, or `undefined`: it
   * would add, replace or delete a record set aside, or delete one that a set-
   * aside record still cites (it would dangle further, and a repair needs it).
   */
  refusal(diff: StoreDiff): string | undefined {
    if (this.#records.size === 0) return undefined;
    this.#cited ??= citedBySetAside(this.#records.values());
    for (const c of diffCollections(diff)) {
      const part = diff[c]!;
      const ids = [...Object.keys(part.added), ...Object.keys(part.updated), ...Object.keys(part.removed)];
      if (ids.some((id) => this.has(c, id))) {
        return 'That change was not made: it would replace a damaged record that Crossread set aside (listed in Settings).';
      }
      if (Object.keys(part.removed).some((id) => this.#cited!.has(`${c} ${id}`))) {
        return 'That change was not made: a damaged record that Crossread set aside (listed in Settings) cites what it would delete.';
      }
    }
    return undefined;
  }

  #changed(): void {
    this.#list = this.#ids = this.#cited = undefined;
  }
}
