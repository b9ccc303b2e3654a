/**
 * A diff under construction. Actions that cascade (delete a claim and its
 * links, merge two events and re-point every reference) change records step
 * by step against a working view; {@link ChangeSet.diff} then yields the one
 * diff from the state to that view, in which each record appears once with
 * its original `from`. Pure; tested in Node through the actions.
 */
import { emptyRecordsDiff, sameRecord, setPart, type RecordsDiff, type StoreDiff, type StoreState } from './diff.ts';
import { COLLECTION_NAMES, type CollectionName, type Collections } from './records.ts';

type Overrides = { [C in CollectionName]: Map<string, Collections[C] | null> };

/** Changes to a state, accumulated; the state itself is never touched. */
export class ChangeSet {
  readonly #state: StoreState;
  // `null` = removed in the working view.
  readonly #over: Overrides = { annotations: new Map(), settings: new Map(), claims: new Map(), links: new Map(), events: new Map(), sources: new Map() };

  constructor(state: StoreState) {
    this.#state = state;
  }

  /** The record as the working view has it. */
  get<C extends CollectionName>(c: C, id: string): Collections[C] | undefined {
    const over = this.#over[c].get(id);
    return over === null ? undefined : (over ?? this.#state[c].get(id));
  }

  /** Every record of a collection in the working view. */
  *values<C extends CollectionName>(c: C): IterableIterator<Collections[C]> {
    for (const [id, record] of this.#state[c]) {
      if (!this.#over[c].has(id)) yield record;
    }
    for (const record of this.#over[c].values()) if (record !== null) yield record;
  }

  /** Adds or replaces a record. */
  put<C extends CollectionName>(c: C, record: Collections[C]): void {
    this.#over[c].set(record.id, record);
  }

  /** Removes a record if present. */
  remove(c: CollectionName, id: string): void {
    this.#over[c].set(id, null);
  }

  /** The diff from the state to the working view; unchanged records are left out. */
  diff(): StoreDiff {
    const out: StoreDiff = {};
    for (const c of COLLECTION_NAMES) {
      if (this.#over[c].size > 0) setPart(out, c, this.#part(c));
    }
    return out;
  }

  #part<C extends CollectionName>(c: C): RecordsDiff<Collections[C]> {
    const part = emptyRecordsDiff<Collections[C]>();
    const over = this.#over[c] as Map<string, Collections[C] | null>;
    for (const [id, next] of over) {
      const prev = this.#state[c].get(id);
      if (prev === undefined && next !== null) part.added[id] = next;
      else if (prev !== undefined && next === null) part.removed[id] = prev;
      else if (prev !== undefined && next !== null && !sameRecord(prev, next)) part.updated[id] = [prev, next];
    }
    return part;
  }
}
