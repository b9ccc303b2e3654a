/**
 * The persistence of a store that must neither read nor write: the database
 * is there but this code cannot use it (saved by a newer Crossread, or
 * unreadable). Unlike memory mode, which stands in for a browser without
 * IndexedDB, nothing pretends to work: the store holds nothing and every write
 * is refused with the reason the store was given.
 */
import type { Committed } from './commit-plan.ts';
import type { StoreError } from './errors.ts';
import type { Persistence, StoragePersistence } from './persistence.ts';
import { emptyRaw, type RawRead, type RawState } from './quarantine.ts';
import type { StoreIdentity } from './versions.ts';

/** A {@link Persistence} that holds nothing and refuses every write with one error. */
export class NoPersistence implements Persistence {
  readonly mode = 'none';
  readonly shared = false;
  // No database may be written, so no replica writes: versions never get stamped.
  readonly identity: StoreIdentity = { replica: '', layer: '' };
  readonly #error: StoreError;

  constructor(error: StoreError) {
    this.#error = error;
  }

  loadAll(): Promise<RawState> {
    return Promise.resolve(emptyRaw());
  }

  read(): Promise<RawRead> {
    return Promise.resolve({});
  }

  commit(): Promise<Committed> {
    return Promise.reject(this.#error);
  }

  /** Nothing is stored, so there is nothing to keep. */
  requestPersistence(): Promise<StoragePersistence> {
    return Promise.resolve('unsupported');
  }

  close(): void {}
}
