/**
 * In-memory persistence: the fallback when IndexedDB is unavailable, and the
 * persistence of Node tests. Mirrors the IndexedDB one where it matters:
 * records are structured-cloned (so what IndexedDB would reject fails here too),
 * records another store on the same data changed since are merged the same way
 * (`planCommit`), `added` must be new, references are re-checked against the
 * shared data at commit time (`conflict`, as in IndexedDB: the same reads, the
 * same checker), and a failed commit changes nothing.
 */
import { applyDiff, diffCollections, emptyState, type AnyRecord, type DiffIds, type StoreDiff, type StoreState } from './diff.ts';
import { StoreError, toStoreError } from './errors.ts';
import { planCommit, type CommitMode, type Committed } from './commit-plan.ts';
import { commitIssues, readAfter } from './integrity.ts';
import type { Persistence, StoragePersistence } from './persistence.ts';
import type { RawRead, RawState } from './quarantine.ts';
import { COLLECTION_NAMES, newRecordId, type CollectionName } from './records.ts';
import type { StoreIdentity } from './versions.ts';

/** Options for {@link MemoryPersistence}. */
export interface MemoryPersistenceOptions {
  /** Backing data; pass one state to several instances to simulate tabs sharing a database. */
  state?: StoreState;
  /** Whether stores using it broadcast commits; true only when `state` is shared. */
  shared?: boolean;
  /** Replica id and local layer; default: made once per backing `state`, so "tabs" sharing it share them like a database. */
  identity?: StoreIdentity;
}

// One identity per backing state, as a database has one.
const identities = new WeakMap<StoreState, StoreIdentity>();

function identityOf(state: StoreState): StoreIdentity {
  let identity = identities.get(state);
  if (!identity) {
    const id = newRecordId();
    identity = { replica: id, layer: id };
    identities.set(state, identity);
  }
  return identity;
}

/** A {@link Persistence} that keeps records in Maps. */
export class MemoryPersistence implements Persistence {
  readonly mode = 'memory';
  readonly shared: boolean;
  readonly identity: StoreIdentity;
  readonly #state: StoreState;
  #closed = false;

  constructor(options: MemoryPersistenceOptions = {}) {
    this.#state = options.state ?? emptyState();
    this.shared = options.shared ?? false;
    this.identity = options.identity ?? identityOf(this.#state);
  }

  loadAll(): Promise<RawState> {
    return settled(() => {
      this.#check();
      const out = emptyState();
      for (const c of COLLECTION_NAMES) copyInto<AnyRecord>(this.#state[c], out[c]);
      return out;
    });
  }

  read(ids: DiffIds): Promise<RawRead> {
    return settled(() => {
      this.#check();
      const out: { [C in CollectionName]?: Map<string, unknown> } = {};
      for (const c of Object.keys(ids) as CollectionName[]) {
        const map = this.#state[c] as Map<string, unknown>;
        out[c] = new Map(ids[c]!.map((id) => [id, clone(map.get(id))]));
      }
      return out;
    });
  }

  commit(diff: StoreDiff, mode: CommitMode = 'merge'): Promise<Committed> {
    return settled(() => this.#commit(diff, mode));
  }

  #commit(diff: StoreDiff, mode: CommitMode): Committed {
    this.#check();
    let copy: StoreDiff;
    try {
      // Cloning first makes the commit atomic: it throws before anything changed.
      copy = structuredClone(diff);
    } catch (error) {
      throw toStoreError(error);
    }
    const written = planCommit(copy, (c, id) => this.#state[c].get(id), mode, this.identity.replica);
    for (const c of diffCollections(written)) {
      for (const id of Object.keys(written[c]!.added)) {
        if (this.#state[c].has(id)) {
          throw new StoreError('write-failed', { cause: new DOMException(`${id} exists`, 'ConstraintError') });
        }
      }
    }
    // What IndexedDB's commit reads after its writes; another store on the same state may have moved it.
    const cited = readAfter(this.#state, written);
    const issues = commitIssues(written, cited);
    if (issues.length > 0) {
      throw new StoreError('conflict', { cause: new Error(`Dangling reference: ${issues.join('; ')}`) });
    }
    applyDiff(this.#state, written);
    // The caller freezes what it gets; what is kept here stays its own.
    return structuredClone({ written, cited });
  }

  /** Nothing is stored in the browser, so there is nothing to keep. */
  requestPersistence(): Promise<StoragePersistence> {
    return Promise.resolve('unsupported');
  }

  close(): void {
    this.#closed = true;
  }

  #check(): void {
    if (this.#closed) throw new StoreError('closed', { message: 'The store was closed.' });
  }
}

/**
 * Runs `body` at once, as the body of an async function would run: what it
 * returns resolves the promise, what it throws rejects it. The work here is
 * synchronous, but callers of a {@link Persistence} expect failures as rejections.
 */
function settled<T>(body: () => T): Promise<T> {
  return new Promise((resolve) => resolve(body()));
}

function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

function copyInto<R>(from: Map<string, R>, to: Map<string, R>): void {
  for (const [id, record] of from) to.set(id, structuredClone(record));
}
