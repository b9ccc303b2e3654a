// Test helpers for IndexedDB: unique database names, raw access, cleanup (after idb's test/utils.ts).
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import {
  DB_VERSION,
  openCrossreadDB,
  openIdbPersistence,
  upgradeToV1,
  upgradeToV2,
  upgradeToV3,
  upgradeToV4,
  type CrossreadDB,
  type CrossreadDBv1,
  type CrossreadDBv2,
  type CrossreadDBv3,
  type CrossreadDBv4,
  type PersistenceOpener,
  type Unversioned,
} from '../../../src/store/persistence.ts';
import type { Annotation, Claim, EventRecord, Link, Setting, SourceRecord, StoreDiff } from '../../../src/store/index.ts';
import { testDbName } from '../../shared/db-name.ts';

const created = new Set<string>();

/** A database name no other test uses ({@link testDbName}), deleted by {@link deleteTestDBs}. */
export function uniqueDbName(label: string): string {
  const name = testDbName(label);
  created.add(name);
  return name;
}

/** Opens a database at the current version, as the app does. Close it when done. */
export function openTestDB(name: string): Promise<IDBPDatabase<CrossreadDB>> {
  return openCrossreadDB(name);
}

/** Opens a database at version 1 with the frozen version-1 upgrade, as version 1 of the app did. */
export function openV1DB(name: string): Promise<IDBPDatabase<CrossreadDBv1>> {
  return openDB<CrossreadDBv1>(name, 1, { upgrade: (db) => upgradeToV1(db) });
}

/** Opens a database at version 2 with the frozen version-2 upgrade, as version 2 of the app did. */
export function openV2DB(name: string): Promise<IDBPDatabase<CrossreadDBv2>> {
  return openDB<CrossreadDBv2>(name, 2, { upgrade: (db, oldVersion) => upgradeToV2(db, oldVersion) });
}

/** Opens a database at version 3 with the frozen version-3 upgrade, as version 3 of the app did. */
export function openV3DB(name: string): Promise<IDBPDatabase<CrossreadDBv3>> {
  return openDB<CrossreadDBv3>(name, 3, { upgrade: (db, oldVersion) => upgradeToV3(db, oldVersion) });
}

/** Opens a database at version 4 with the frozen version-4 upgrade, as version 4 of the app did. */
export function openV4DB(name: string): Promise<IDBPDatabase<CrossreadDBv4>> {
  return openDB<CrossreadDBv4>(name, 4, { upgrade: (db, oldVersion, newVersion, tx) => upgradeToV4(db, oldVersion, newVersion, tx) });
}

/** A record as versions 1–3 of the app stored it: without `layer` and `version`. */
export function unversioned<R extends { layer: string; version: unknown }>(record: R): Unversioned<R> {
  const { layer: _layer, version: _version, ...rest } = record;
  return rest;
}

/** The replica id and local layer a database made when it reached version 4. */
export async function readMeta(name: string): Promise<{ replica?: string; localLayer?: string }> {
  const db = await openTestDB(name);
  try {
    const all = await db.getAll('meta');
    return Object.fromEntries(all.map((m) => [m.id, m.value]));
  } finally {
    db.close();
  }
}

/** Everything on disk. */
export interface Disk {
  annotations: Annotation[];
  settings: Setting[];
  claims: Claim[];
  links: Link[];
  events: EventRecord[];
  sources: SourceRecord[];
}

/** Everything on disk, read through a fresh connection that is closed afterwards. */
export async function readDisk(name: string): Promise<Disk> {
  const db = await openTestDB(name);
  try {
    return {
      annotations: await db.getAll('annotations'),
      settings: await db.getAll('settings'),
      claims: await db.getAll('claims'),
      links: await db.getAll('links'),
      events: await db.getAll('events'),
      sources: await db.getAll('sources'),
    };
  } finally {
    db.close();
  }
}

/** Deletes one database; fails the test if a connection left open blocks it. */
export function deleteTestDB(name: string): Promise<void> {
  created.delete(name);
  return new Promise((resolve, reject) => {
    deleteDB(name, { blocked: () => reject(new Error(`A connection to ${name} was left open`)) }).then(resolve, reject);
  });
}

/** Deletes every database made with {@link uniqueDbName}; call in `afterEach`. */
export async function deleteTestDBs(): Promise<void> {
  await Promise.all([...created].map((name) => deleteTestDB(name)));
}

/** The version the current code opens. */
export const CURRENT_VERSION = DB_VERSION;

/**
 * IndexedDB persistence whose commits pass through `tamper` first: it may change the diff, or
 * throw to play a refused write (a full disk, a conflict), for `makeStore({openPersistence})`.
 */
export function tampered(tamper: (diff: StoreDiff) => StoreDiff): PersistenceOpener {
  return async (name, hooks) => {
    const p = await openIdbPersistence(name, hooks);
    return { mode: p.mode, shared: p.shared, identity: p.identity, loadAll: () => p.loadAll(), read: (ids) => p.read(ids), close: () => p.close(), commit: (diff, mode) => p.commit(tamper(diff), mode), requestPersistence: () => p.requestPersistence() };
  };
}
