/**
 * Opening storage for the store: which persistence a store gets and what it
 * loads, whatever went wrong. Memory mode only stands in for a browser without
 * IndexedDB; a database that is there but cannot be used (newer data,
 * unreadable) gets a {@link NoPersistence}, so nothing pretends to work.
 */
import { emptyState } from './diff.ts';
import { StoreError, toStoreError } from './errors.ts';
import { MemoryPersistence } from './memory-persistence.ts';
import { NoPersistence } from './no-persistence.ts';
import type { Persistence, PersistenceHooks, PersistenceOpener } from './persistence.ts';
import { sortRecords, type SortedRecords } from './quarantine.ts';
import type { TabSync } from './sync.ts';

/**
 * Opens `name` with `opener` and loads it, valid records apart from damaged
 * ones; never rejects. `listen` starts hearing other tabs between opening and
 * loading (see the engine's `open()`); its channel is closed if the load fails.
 */
export async function openStorage(
  name: string,
  opener: PersistenceOpener,
  hooks: PersistenceHooks,
  fail: (error: StoreError) => void,
  listen: (persistence: Persistence) => TabSync | undefined,
): Promise<{ persistence: Persistence; loaded: SortedRecords; sync: TabSync | undefined }> {
  let persistence: Persistence;
  try {
    persistence = await opener(name, hooks);
  } catch (error) {
    const e = toStoreError(error);
    // Newer data must not be worked around.
    persistence = e.kind === 'newer-data' ? new NoPersistence(e) : new MemoryPersistence();
    fail(e.kind === 'newer-data' ? e : new StoreError('unavailable', { cause: error }));
  }
  const sync = listen(persistence);
  try {
    return { persistence, loaded: sortRecords(await persistence.loadAll()), sync };
  } catch (error) {
    // Opened but unreadable as a whole: let go of it (so it blocks no upgrade) and change nothing.
    persistence.close();
    sync?.close();
    const e = new StoreError('unreadable', { cause: error });
    fail(e);
    return { persistence: new NoPersistence(e), loaded: { state: emptyState(), quarantined: [] }, sync: undefined };
  }
}
