/**
 * The IndexedDB schema: one typed `DBSchema` per version and the upgrade that
 * brings any older database to the current one. Only `persistence.ts` opens
 * databases with it; tests use the frozen versions to build old databases.
 * Types come from `idb`; nothing here opens or reads anything.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Claim, EventRecord, Link } from './claim-records.ts';
import { newRecordId, type Annotation, type Setting } from './records.ts';
import type { SourceRecord } from './source-records.ts';
import type { StoreIdentity, Version } from './versions.ts';

/** Current schema version. Bump it together with a new block in {@link upgrade}. */
export const DB_VERSION = 5;

/**
 * A record as versions 1–3 stored it: without `layer` and `version`, which
 * version 4 added (ADR 0004). Only the frozen schemas below use it.
 */
export type Unversioned<R> = Omit<R, 'layer' | 'version'>;

/**
 * Schema as of version 1. Frozen: never edit (except that record types lose
 * the fields later versions added); it exists so tests can build a version-1
 * database exactly as version 1 of the app did.
 */
export interface CrossreadDBv1 extends DBSchema {
  annotations: { key: string; value: Unversioned<Annotation>; indexes: { 'by-source': string } };
}

/** Schema as of version 2. Frozen like {@link CrossreadDBv1}. */
export interface CrossreadDBv2 extends DBSchema {
  annotations: { key: string; value: Unversioned<Annotation>; indexes: { 'by-source': string } };
  settings: { key: string; value: Setting };
}

/** Schema as of version 3 (ADR 0003). Frozen like {@link CrossreadDBv1}. */
export interface CrossreadDBv3 extends DBSchema {
  annotations: { key: string; value: Unversioned<Annotation>; indexes: { 'by-source': string } };
  settings: { key: string; value: Setting };
  claims: { key: string; value: Unversioned<Claim> };
  links: { key: string; value: Unversioned<Link>; indexes: { 'by-from': string; 'by-to': string } };
  events: { key: string; value: Unversioned<EventRecord> };
}

/**
 * v4: facts about this database that are never exchanged nor shown: its
 * replica id and the id of its local layer (ADR 0004), both made when the
 * database is created or upgraded to version 4.
 */
export interface MetaRecord {
  id: 'replica' | 'localLayer';
  value: string;
}

/** Schema as of version 4 (ADR 0004). Frozen like {@link CrossreadDBv1}. */
export interface CrossreadDBv4 extends DBSchema {
  annotations: { key: string; value: Annotation; indexes: { 'by-source': string } };
  settings: { key: string; value: Setting };
  claims: { key: string; value: Claim };
  links: { key: string; value: Link; indexes: { 'by-from': string; 'by-to': string } };
  events: { key: string; value: EventRecord };
  meta: { key: string; value: MetaRecord };
}

/**
 * The current schema. Object store names equal collection names
 * (`records.ts`), each with keyPath `id`.
 */
export interface CrossreadDB extends DBSchema {
  /** W3C annotations; `by-source` finds a document's annotations without loading all. */
  annotations: { key: string; value: Annotation; indexes: { 'by-source': string } };
  /** v2: reader settings (creator name), keyed by setting id. */
  settings: { key: string; value: Setting };
  /** v3: claims. No index: evidence is an array of objects, which no key path can index. */
  claims: { key: string; value: Claim };
  /** v3: links between claims; `by-from`/`by-to` find a claim's links without loading all. */
  links: { key: string; value: Link; indexes: { 'by-from': string; 'by-to': string } };
  /** v3: events. */
  events: { key: string; value: EventRecord };
  /** v4: {@link MetaRecord}s, keyed by id. Not a collection: never loaded into the store's state. */
  meta: { key: string; value: MetaRecord };
  /** v5: sources the reader added (ADR 0014), text included. */
  sources: { key: string; value: SourceRecord };
}

/** Version 1's whole upgrade. Frozen like {@link CrossreadDBv1}. */
export function upgradeToV1(db: IDBPDatabase<CrossreadDBv1>): void {
  const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
  annotations.createIndex('by-source', 'target.source');
}

/** Version 2's whole upgrade, from any older version. Frozen like {@link CrossreadDBv2}. */
export function upgradeToV2(db: IDBPDatabase<CrossreadDBv2>, oldVersion: number): void {
  // The v1 function is typed against the frozen v1 schema, a subset of v2's.
  if (oldVersion < 1) upgradeToV1(db as unknown as IDBPDatabase<CrossreadDBv1>);
  if (oldVersion < 2) db.createObjectStore('settings', { keyPath: 'id' });
}

/** Version 3's whole upgrade, from any older version. Frozen like {@link CrossreadDBv3}. */
export function upgradeToV3(db: IDBPDatabase<CrossreadDBv3>, oldVersion: number): void {
  // The v2 function is typed against the frozen v2 schema, a subset of v3's.
  upgradeToV2(db as unknown as IDBPDatabase<CrossreadDBv2>, oldVersion);
  if (oldVersion < 3) {
    // New stores only: every v2 record stays where it is, untouched.
    db.createObjectStore('claims', { keyPath: 'id' });
    const links = db.createObjectStore('links', { keyPath: 'id' });
    links.createIndex('by-from', 'from');
    links.createIndex('by-to', 'to');
    db.createObjectStore('events', { keyPath: 'id' });
  }
}

/** Collections whose records gained `layer` and `version` in version 4. */
const VERSIONED_STORES = ['annotations', 'claims', 'links', 'events'] as const;

/**
 * Brings a database from `oldVersion` to {@link DB_VERSION}. Each block runs
 * once, in order, in the single upgrade transaction, so a failure anywhere
 * aborts the upgrade and leaves the old version intact. Blocks must keep
 * every record; to rewrite records use `tx.objectStore(...)` cursors and never
 * await anything but IndexedDB requests (the transaction would auto-commit).
 * Earlier versions' upgrades are frozen functions so tests can build old databases.
 */
export function upgrade(
  db: IDBPDatabase<CrossreadDB>,
  oldVersion: number,
  newVersion: number | null,
  tx: IDBPTransaction<CrossreadDB, StoreNames<CrossreadDB>[], 'versionchange'>,
): void {
  // The v4 function is typed against the frozen v4 schema, a subset of the current one.
  upgradeToV4(db as unknown as IDBPDatabase<CrossreadDBv4>, oldVersion, newVersion, tx as unknown as V4Tx);
  // A new store only: every v4 record stays where it is, untouched.
  if (oldVersion < 5) db.createObjectStore('sources', { keyPath: 'id' });
}

type V4Tx = IDBPTransaction<CrossreadDBv4, StoreNames<CrossreadDBv4>[], 'versionchange'>;

/** Version 4's whole upgrade, from any older version. Frozen like {@link CrossreadDBv4}. */
export function upgradeToV4(db: IDBPDatabase<CrossreadDBv4>, oldVersion: number, _newVersion: number | null, tx: V4Tx): void {
  // The v3 function is typed against the frozen v3 schema, a subset of the current one.
  upgradeToV3(db as unknown as IDBPDatabase<CrossreadDBv3>, oldVersion);
  if (oldVersion < 4) {
    // This database becomes a replica with its own layer; every record made so far is its own.
    const id = newRecordId();
    const identity: StoreIdentity = { replica: id, layer: id };
    const meta = db.createObjectStore('meta', { keyPath: 'id' });
    const writes: Promise<unknown>[] = [
      meta.put({ id: 'replica', value: identity.replica }),
      meta.put({ id: 'localLayer', value: identity.layer }),
      ...VERSIONED_STORES.map((c) => addVersionFields(tx, c, identity)),
    ];
    // A failed write aborts the whole upgrade: the database stays at its old version, every record intact.
    Promise.all(writes).catch(() => {
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request itself.
      }
    });
  }
}

/**
 * v4: gives every record of one store its layer and a first version, through
 * a cursor in the upgrade transaction (only IndexedDB requests are awaited, so
 * it stays alive). A record that somehow has them already is left as it is.
 */
async function addVersionFields(
  tx: V4Tx,
  c: (typeof VERSIONED_STORES)[number],
  identity: StoreIdentity,
): Promise<void> {
  const first: Version = { [identity.replica]: 1 };
  let cursor = await tx.objectStore(c).openCursor();
  while (cursor) {
    const record = cursor.value as Partial<Pick<Annotation, 'layer' | 'version'>>;
    if (record.layer === undefined || record.version === undefined) {
      await cursor.update({ ...cursor.value, layer: record.layer ?? identity.layer, version: record.version ?? first });
    }
    cursor = await cursor.continue();
  }
}
