/**
 * IndexedDB persistence: the only module that opens databases with `idb`
 * (`db-schema.ts` takes its types only).
 *
 * The store talks to a {@link Persistence}; this file provides the IndexedDB
 * one, `memory-persistence.ts` the fallback. One typed `DBSchema` and its
 * migrations, `if (oldVersion < N)` blocks in `upgrade`, are in `db-schema.ts`.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_VERSION, upgrade, type CrossreadDB, type MetaRecord } from './db-schema.ts';
import { diffCollections, emptyState, type AnyRecord, type DiffIds, type RecordsDiff, type StoreDiff, type StoreState } from './diff.ts';
import { StoreError, toStoreError } from './errors.ts';
import { currentIds, planCommit, type CommitMode, type Committed } from './commit-plan.ts';
import { commitIssues, commitReads, commitScope } from './integrity.ts';
import type { RawRead, RawState } from './quarantine.ts';
import { COLLECTION_NAMES, newRecordId, RECORD_ID_PATTERN, type CollectionName } from './records.ts';
import type { StoreIdentity } from './versions.ts';

// The schema lives in its own module; existing importers (tests, index.ts) find it here as before.
export {
  DB_VERSION,
  upgrade,
  upgradeToV1,
  upgradeToV2,
  upgradeToV3,
  upgradeToV4,
  type CrossreadDB,
  type CrossreadDBv1,
  type CrossreadDBv2,
  type CrossreadDBv3,
  type CrossreadDBv4,
  type MetaRecord,
  type Unversioned,
} from './db-schema.ts';

/** Database name the app uses; tests use unique names. */
export const DB_NAME = 'crossread';

/**
 * Whether the browser keeps Crossread's data under storage pressure:
 * - `persisted`: granted; only the reader can clear it.
 * - `best-effort`: the browser may evict it when space runs low (the default);
 *   asking again later, after more use of the app, may succeed.
 * - `unsupported`: no Storage API here (or nothing is stored: memory mode).
 */
export type StoragePersistence = 'persisted' | 'best-effort' | 'unsupported';

/**
 * Asks the browser to keep this origin's data (`navigator.storage.persist()`),
 * unless it already does (`persisted()`, which never prompts). Never rejects:
 * a browser that throws is treated as one without the API.
 */
export async function askStoragePersistence(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
): Promise<StoragePersistence> {
  if (!storage || typeof storage.persist !== 'function' || typeof storage.persisted !== 'function') return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}

/** Checked records for some ids; `undefined` = no such record. */
export type ReadResult = { [C in CollectionName]?: Map<string, AnyRecord | undefined> };

/**
 * Where the store keeps its records. Every method is all-or-nothing: a
 * rejected `commit` has changed nothing.
 */
export interface Persistence {
  /**
   * `indexeddb` saves across sessions; `memory` loses everything when the tab
   * closes (no IndexedDB); `none` reads and saves nothing (a database this
   * code cannot use: see `no-persistence.ts`).
   */
  readonly mode: 'indexeddb' | 'memory' | 'none';
  /** True when other tabs read the same data, so the store broadcasts its commits. */
  readonly shared: boolean;
  /** This database's replica id and local layer (ADR 0004); the same for every tab on it. */
  readonly identity: StoreIdentity;
  /** Every record of every collection, by database key, as stored: unchecked (`quarantine.ts` sorts them). */
  loadAll(): Promise<RawState>;
  /** The current records for some ids, as stored: unchecked. */
  read(ids: DiffIds): Promise<RawRead>;
  /**
   * Writes a diff in one transaction, merging it with records another tab
   * changed since (`mode`, see `commit-plan.ts`); resolves with the diff as
   * written and the records it cites. Rejects with a {@link StoreError}.
   */
  commit(diff: StoreDiff, mode?: CommitMode): Promise<Committed>;
  /** Asks the browser to keep the stored data (see {@link StoragePersistence}); never rejects. */
  requestPersistence(): Promise<StoragePersistence>;
  /** Closes the connection; later calls reject. */
  close(): void;
}

/** How a persistence reports trouble that happens outside any call (another tab, the browser). */
export interface PersistenceHooks {
  onError(error: StoreError): void;
}

/** Opens a persistence for a database name; the store takes one to allow fakes in tests. */
export type PersistenceOpener = (name: string, hooks: PersistenceHooks) => Promise<Persistence>;

/** Opens (creating or upgrading) a Crossread database; the low-level entry point for tests. */
export function openCrossreadDB(
  name: string,
  callbacks: { blocked?: () => void; blocking?: () => void; terminated?: () => void } = {},
): Promise<IDBPDatabase<CrossreadDB>> {
  return openDB<CrossreadDB>(name, DB_VERSION, { upgrade, ...callbacks });
}

/** Write requests queued at once: about 20 ms of work for records of an import. */
const SLICE = 250;

/** A queued request failed: the transaction is aborting with its cause. */
class SliceFailed extends Error {}

class IdbPersistence implements Persistence {
  readonly mode = 'indexeddb';
  readonly shared = true;
  /** Set once the connection is gone; every later call rejects with it. */
  closedBy: StoreError | undefined;

  constructor(
    readonly db: IDBPDatabase<CrossreadDB>,
    readonly identity: StoreIdentity,
  ) {}

  async loadAll(): Promise<RawState> {
    const db = this.#live();
    const tx = db.transaction(COLLECTION_NAMES, 'readonly');
    const out = {} as { [C in CollectionName]: Map<unknown, unknown> };
    // One getAllKeys and one getAll per store in one transaction: both in key order, so they pair up.
    // Values are unchecked here: a damaged record must reach the store's check, not fail the load.
    const loads = COLLECTION_NAMES.map(async (c) => {
      const store = tx.objectStore(c);
      const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll() as Promise<unknown[]>]);
      out[c] = new Map(keys.map((key, i) => [key, values[i]]));
    });
    await Promise.all([...loads, tx.done]);
    return out;
  }

  async read(ids: DiffIds): Promise<RawRead> {
    const names = (Object.keys(ids) as CollectionName[]).filter((c) => ids[c]!.length > 0);
    const out: { [C in CollectionName]?: Map<string, unknown> } = {};
    if (names.length === 0) return out;
    const tx = this.#live().transaction(names, 'readonly');
    const reads = names.flatMap((c) => {
      const found = (out[c] = new Map<string, unknown>());
      return ids[c]!.map(async (id) => void found.set(id, (await tx.objectStore(c).get(id)) as unknown));
    });
    await Promise.all([...reads, tx.done]);
    return out;
  }

  /**
   * In one transaction: reads every record the diff updates or removes as the
   * database holds it now, plans the write ({@link planCommit}: written as is,
   * merged with another tab's write, or refused as `conflict`), writes it,
   * then re-reads every record its references depend on ({@link commitReads})
   * and aborts with `conflict` if another tab's transaction, committed just
   * before, makes one dangle ({@link commitIssues}). IndexedDB runs readwrite
   * transactions with overlapping scopes one after the other, and the scope
   * covers the stores read, so of two racing tabs the second always sees the
   * first's writes.
   */
  async commit(diff: StoreDiff, mode: CommitMode = 'merge'): Promise<Committed> {
    if (diffCollections(diff).length === 0) return { written: diff, cited: emptyState() };
    let tx: IDBPTransaction<CrossreadDB, CollectionName[], 'readwrite'>;
    try {
      tx = this.#live().transaction(commitScope(diff), 'readwrite');
    } catch (error) {
      throw toStoreError(error);
    }
    // Settled, never rejected: the outcome is read after the checks.
    const done = tx.done.then(
      () => undefined,
      (error: unknown) => toStoreError(tx.error ?? error),
    );
    // Aborted here: the error is the cause. A failed request: the transaction's own error names
    // the cause (QuotaExceededError appears only there).
    const fail = async (error: unknown, abort: boolean): Promise<never> => {
      if (abort) tx.abort();
      const own = await done;
      throw abort ? toStoreError(error) : (own ?? toStoreError(error));
    };
    const requests: Promise<unknown>[] = [];
    // A large diff (an import of thousands of records) is queued a slice at a time, each slice
    // once the last one's final request succeeded: the page paints and answers between slices,
    // and the transaction stays active, since only its own requests are awaited. A failed
    // request stops the queueing: the transaction is aborting.
    let failing = false;
    const queue = async (request: Promise<unknown>): Promise<void> => {
      requests.push(request);
      // Heard at once: a failure before the next slice is never reported unhandled.
      request.catch(() => void (failing = true));
      if (requests.length % SLICE === 0) await request.then(() => undefined, () => undefined);
    };
    const now = emptyState();
    const keep = (into: StoreState, c: CollectionName, record: AnyRecord | undefined) => {
      if (record) (into[c] as Map<string, AnyRecord>).set(record.id, record);
    };
    let written: StoreDiff;
    try {
      const ids = currentIds(diff);
      await Promise.all((Object.keys(ids) as CollectionName[]).flatMap((c) => ids[c]!.map(async (id) => keep(now, c, await tx.objectStore(c).get(id)))));
      // Still inside the transaction: only IndexedDB requests were awaited.
      written = planCommit(diff, (c, id) => now[c].get(id), mode, this.identity.replica);
    } catch (error) {
      return fail(error, true);
    }
    const found = emptyState();
    const reads = commitReads(written);
    try {
      for (const c of diffCollections(written)) {
        const store = tx.objectStore(c);
        const part: RecordsDiff<AnyRecord> = written[c]!; // typed: Object.values of a union of parts is any[]
        for (const id of Object.keys(part.removed)) if (!failing) await queue(store.delete(id));
        // `add`, not `put`: an added record must be new, so a stale or replayed diff fails loudly.
        for (const record of Object.values(part.added)) if (!failing) await queue(store.add(record));
        for (const [, to] of Object.values(part.updated)) if (!failing) await queue(store.put(to));
      }
      if (failing) throw new SliceFailed();
      // Queued after the writes, so they see them (and every transaction committed before this one).
      for (const c of Object.keys(reads.ids) as CollectionName[]) {
        for (const id of reads.ids[c]!) requests.push(tx.objectStore(c).get(id).then((r) => keep(found, c, r)));
      }
      for (const c of reads.whole) {
        requests.push(tx.objectStore(c).getAll().then((all) => all.forEach((r) => keep(found, c, r))));
      }
      for (const [index, ids] of [['by-from', reads.linksFrom], ['by-to', reads.linksTo]] as const) {
        for (const id of ids) requests.push(tx.objectStore('links').index(index).getAll(id).then((all) => all.forEach((r) => keep(found, 'links', r))));
      }
    } catch (error) {
      // The requests already queued fail with the transaction: heard, so none goes unhandled.
      void Promise.allSettled(requests);
      // A request failed (the transaction aborts on its own, naming the cause), or one was
      // refused at once (e.g. DataCloneError): abort, undoing the requests already queued.
      return fail(error, !(error instanceof SliceFailed));
    }
    const results = await Promise.allSettled(requests);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) return fail(failed.reason, false);
    // Still inside the transaction: this runs in the microtasks of the last request's success event.
    const issues = commitIssues(written, found);
    if (issues.length > 0) {
      tx.abort();
      await done;
      throw new StoreError('conflict', { cause: new Error(`Dangling reference: ${issues.join('; ')}`) });
    }
    const error = await done;
    if (error) throw error;
    return { written, cited: found };
  }

  requestPersistence(): Promise<StoragePersistence> {
    return askStoragePersistence();
  }

  close(): void {
    this.closedBy ??= new StoreError('closed', { message: 'The store was closed.' });
    this.db.close();
  }

  #live(): IDBPDatabase<CrossreadDB> {
    if (this.closedBy) throw this.closedBy;
    return this.db;
  }
}

/**
 * Opens the IndexedDB persistence. Rejects with a {@link StoreError} of kind
 * `unavailable` (no IndexedDB, or it refuses to open) or `newer-data` (the
 * database was saved by a newer Crossread: IndexedDB's `VersionError`).
 * While another tab blocks an upgrade, reports `blocked` and keeps waiting;
 * once open, a newer version opening in another tab closes this connection
 * and reports `outdated`.
 */
export const openIdbPersistence: PersistenceOpener = async (name, hooks) => {
  if (typeof indexedDB === 'undefined' || indexedDB === null) throw new StoreError('unavailable');
  let persistence: IdbPersistence | undefined;
  const stop = (error: StoreError) => {
    if (!persistence || persistence.closedBy) return;
    persistence.closedBy = error;
    persistence.db.close();
    hooks.onError(error);
  };
  try {
    const db = await openCrossreadDB(name, {
      blocked: () => hooks.onError(new StoreError('blocked')),
      // A newer version wants to open in another tab: let it, and stop saving here.
      blocking: () => stop(new StoreError('outdated')),
      terminated: () => stop(new StoreError('closed')),
    });
    persistence = new IdbPersistence(db, await readIdentity(db));
    return persistence;
  } catch (error) {
    const e = toStoreError(error);
    throw e.kind === 'newer-data' ? e : new StoreError('unavailable', { cause: error });
  }
};

/**
 * The replica id and local layer the v4 upgrade stored; made now if they are
 * missing or damaged (not an id: every write would carry it and be refused).
 */
async function readIdentity(db: IDBPDatabase<CrossreadDB>): Promise<StoreIdentity> {
  const read = async (id: MetaRecord['id']) => {
    const value = ((await db.get('meta', id)) as { value?: unknown } | undefined)?.value;
    return typeof value === 'string' && RECORD_ID_PATTERN.test(value) ? { value } : undefined;
  };
  const [replica, layer] = await Promise.all([read('replica'), read('localLayer')]);
  if (replica && layer) return { replica: replica.value, layer: layer.value };
  // Only if someone deleted them (devtools): a new replica id is safe; the layer is made once, like the upgrade does.
  const identity = { replica: replica?.value ?? newRecordId(), layer: layer?.value ?? '' };
  identity.layer ||= identity.replica;
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([
    tx.store.put({ id: 'replica', value: identity.replica }),
    tx.store.put({ id: 'localLayer', value: identity.layer }),
    tx.done,
  ]);
  return identity;
}
