import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { openIdbPersistence, type Persistence } from '../../../src/store/persistence.ts';
import { collectionDiff } from '../../../src/store/diff.ts';
import { buildClaim, buildEvent, buildLink } from '../../../src/store/claim-records.ts';
import {
  CrossreadStore,
  RecordSchemas,
  StoreError,
  stateIssues,
  type Annotation,
  type CollectionName,
  type StoreState,
} from '../../../src/store/index.ts';
import { LAYER, annotation, fixedId } from '../../node/store-fixtures.ts';
import {
  CURRENT_VERSION,
  deleteTestDBs,
  openTestDB,
  openV1DB,
  openV2DB,
  openV3DB,
  openV4DB,
  readDisk,
  readMeta,
  uniqueDbName,
  unversioned,
} from './helpers.ts';
import { checkedState } from '../../shared/state-of.ts';
import { watchRejections } from '../../shared/until.ts';

const noHooks = { onError: () => {} };
const toClose: { close(): void }[] = [];
afterEach(async () => {
  for (const c of toClose.splice(0)) c.close();
  await deleteTestDBs();
});

async function persistence(name: string): Promise<Persistence> {
  const p = await openIdbPersistence(name, noHooks);
  toClose.push(p);
  return p;
}

describe('schema and migrations', () => {
  it('creates the current schema from scratch', async () => {
    const db = await openTestDB(uniqueDbName('fresh'));
    toClose.push(db);
    expect(db.version).to.equal(CURRENT_VERSION);
    expect([...db.objectStoreNames].sort()).to.deep.equal(['annotations', 'claims', 'events', 'links', 'meta', 'settings', 'sources']);
    const meta = await db.getAll('meta');
    expect(meta.map((m) => m.id).sort()).to.deep.equal(['localLayer', 'replica']);
    // A new database's own layer is named after it.
    expect(meta[0]!.value).to.equal(meta[1]!.value).and.to.match(/^urn:uuid:/);
    const tx = db.transaction(['annotations', 'claims', 'links', 'events', 'settings', 'sources']);
    for (const name of tx.objectStoreNames) expect(tx.objectStore(name).keyPath).to.equal('id');
    expect([...tx.objectStore('annotations').indexNames]).to.deep.equal(['by-source']);
    expect(tx.objectStore('annotations').index('by-source').keyPath).to.equal('target.source');
    expect([...tx.objectStore('links').indexNames].sort()).to.deep.equal(['by-from', 'by-to']);
    expect(tx.objectStore('links').index('by-from').keyPath).to.equal('from');
    expect(tx.objectStore('links').index('by-to').keyPath).to.equal('to');
    expect([...tx.objectStore('claims').indexNames]).to.deep.equal([]);
    expect([...tx.objectStore('events').indexNames]).to.deep.equal([]);
    expect([...tx.objectStore('sources').indexNames]).to.deep.equal([]);
  });

  it('keeps every record of a version-4 database, its replica and layer, when adding the sources store (v5)', async () => {
    const name = uniqueDbName('v4');
    const v4 = await openV4DB(name);
    expect(v4.version).to.equal(4);
    const [replica, layer] = [fixedId(990), fixedId(991)];
    expect([...v4.objectStoreNames].sort()).to.deep.equal(['annotations', 'claims', 'events', 'links', 'meta', 'settings']);
    const version = { [replica]: 1 };
    const annotations = Array.from({ length: 5 }, (_, n) => ({ ...annotation(n), layer, version }));
    const claim = { ...buildClaim({ statement: 'Kept', evidence: { annotation: fixedId(2), stance: 'asserts' } }, { id: fixedId(500), now: '2025-01-02T03:04:05.000Z', creatorName: 'Ada', layer }), version };
    const tx = v4.transaction(['annotations', 'claims', 'meta', 'settings'], 'readwrite');
    await Promise.all([
      ...annotations.map((r) => tx.objectStore('annotations').put(r)),
      tx.objectStore('claims').put(claim),
      tx.objectStore('meta').put({ id: 'replica', value: replica }),
      tx.objectStore('meta').put({ id: 'localLayer', value: layer }),
      tx.objectStore('settings').put({ id: 'creatorName', value: 'Ada' }),
      tx.done,
    ]);
    v4.close();

    const disk = await readDisk(name);
    expect(disk.annotations).to.deep.equal(annotations);
    expect(disk.claims).to.deep.equal([claim]);
    expect(disk.settings).to.deep.equal([{ id: 'creatorName', value: 'Ada' }]);
    expect(disk.sources).to.deep.equal([]);
    expect(await readMeta(name)).to.deep.equal({ replica, localLayer: layer });

    const store = new CrossreadStore({ name });
    toClose.push(store);
    await store.open();
    expect([store.annotations.size, store.claims.size, store.sources.size]).to.deep.equal([5, 1, 0]);
    const text = 'A paragraph of my own.';
    const added = (await store.addSource({ id: 'user-mine-0123456789', title: 'Mine', format: 'text', text, hash: 'a0123456789' })).value;
    expect(added).to.deep.include({ layer, version: { [replica]: 1 } });
    expect((await readDisk(name)).sources).to.deep.equal([added]);
  });

  it('keeps every record of a version-2 database when upgrading to version 3', async () => {
    const name = uniqueDbName('v2');
    const records: Annotation[] = Array.from({ length: 40 }, (_, n) => ({
      ...annotation(n, n % 4 === 0 ? { note: undefined, tags: [] } : {}),
      target: { ...annotation(n).target, source: `doc-${n % 5}` },
    }));
    const v2 = await openV2DB(name);
    expect(v2.version).to.equal(2);
    expect([...v2.objectStoreNames].sort()).to.deep.equal(['annotations', 'settings']);
    const tx = v2.transaction(['annotations', 'settings'], 'readwrite');
    await Promise.all([
      ...records.map((r) => tx.objectStore('annotations').put(unversioned(r))),
      tx.objectStore('settings').put({ id: 'creatorName', value: 'Ada' }),
      tx.done,
    ]);
    v2.close();

    const disk = await readDisk(name);
    const { replica, localLayer } = await readMeta(name);
    const versioned = (r: Annotation) => ({ ...unversioned(r), layer: localLayer, version: { [replica!]: 1 } });
    expect(disk.annotations).to.have.length(records.length);
    const byId = new Map(disk.annotations.map((a) => [a.id, a]));
    for (const r of records) expect(byId.get(r.id)).to.deep.equal(versioned(r));
    expect(disk.settings).to.deep.equal([{ id: 'creatorName', value: 'Ada' }]);
    expect([disk.claims, disk.links, disk.events]).to.deep.equal([[], [], []]);

    // The store loads them all and can build claims on them at once.
    const store = new CrossreadStore({ name });
    toClose.push(store);
    await store.open();
    expect(store.mode).to.equal('indexeddb');
    expect(store.annotations.size).to.equal(records.length);
    expect(store.creatorName).to.equal('Ada');
    expect(store.annotationsOf('doc-3')).to.have.length(8);
    const claim = (await store.createClaim({ statement: 'Upgraded', evidence: { annotation: records[3]!.id, stance: 'asserts' } })).value;
    expect((await readDisk(name)).claims).to.deep.equal([claim]);
    expect(claim).to.include({ layer: localLayer }).and.to.deep.include({ version: { [replica!]: 1 } });
  });

  it('keeps every record of a version-3 database, giving each its layer and a first version (v4)', async () => {
    const name = uniqueDbName('v3');
    const T = '2025-01-02T03:04:05.000Z';
    const ctx = (n: number) => ({ id: fixedId(n), now: T, creatorName: 'Ada', layer: LAYER });
    const events = [buildEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' }, ctx(900)), buildEvent({ name: 'Protests', start: '2020' }, ctx(901))];
    const annotations = Array.from({ length: 30 }, (_, n) => annotation(n, n % 5 === 0 ? { events: [fixedId(900)] } : {}));
    const claims = Array.from({ length: 10 }, (_, n) =>
      buildClaim({ statement: `Claim ${n}`, evidence: { annotation: fixedId(n), stance: 'asserts' }, events: n % 2 ? [fixedId(901)] : [], tags: ['kz'] }, ctx(500 + n)),
    );
    const links = Array.from({ length: 9 }, (_, n) =>
      buildLink({ relation: n % 2 ? 'supports' : 'contradicts', from: fixedId(500 + n), to: fixedId(501 + n), rationale: n % 3 ? undefined : 'Because' }, ctx(700 + n)),
    );
    const v3 = await openV3DB(name);
    expect(v3.version).to.equal(3);
    expect([...v3.objectStoreNames].sort()).to.deep.equal(['annotations', 'claims', 'events', 'links', 'settings']);
    const tx = v3.transaction(['annotations', 'settings', 'claims', 'links', 'events'], 'readwrite');
    await Promise.all([
      ...annotations.map((r) => tx.objectStore('annotations').put(unversioned(r))),
      ...claims.map((r) => tx.objectStore('claims').put(unversioned(r))),
      ...links.map((r) => tx.objectStore('links').put(unversioned(r))),
      ...events.map((r) => tx.objectStore('events').put(unversioned(r))),
      tx.objectStore('settings').put({ id: 'creatorName', value: 'Ada' }),
      tx.done,
    ]);
    v3.close();

    // Opened by the current code: every record there, with the database's own layer and version 1 by it.
    const disk = await readDisk(name);
    const { replica, localLayer } = await readMeta(name);
    expect(replica).to.match(/^urn:uuid:/);
    expect(localLayer).to.equal(replica);
    const expected = { annotations, claims, links, events };
    for (const c of ['annotations', 'claims', 'links', 'events'] as const) {
      const made = expected[c] as { id: string; layer: string; version: unknown }[];
      const byId = new Map((disk[c] as { id: string }[]).map((r) => [r.id, r]));
      expect(byId.size, c).to.equal(made.length);
      for (const r of made) {
        const stored = byId.get(r.id);
        expect(stored, `${c} ${r.id}`).to.deep.equal({ ...unversioned(r), layer: localLayer, version: { [replica!]: 1 } });
        expect(v.safeParse(RecordSchemas[c as CollectionName], stored).success, `${c} ${r.id} passes its schema`).to.equal(true);
      }
    }
    expect(disk.settings).to.deep.equal([{ id: 'creatorName', value: 'Ada' }]);
    const db = await openTestDB(name);
    expect(await db.countFromIndex('links', 'by-from', fixedId(503))).to.equal(1);
    db.close();

    // The store loads them intact and writes the next version.
    const store = new CrossreadStore({ name });
    toClose.push(store);
    await store.open();
    expect([store.annotations.size, store.claims.size, store.links.size, store.events.size]).to.deep.equal([30, 10, 9, 2]);
    expect(store.localLayer).to.equal(localLayer);
    expect(store.replica).to.equal(replica);
    const state: StoreState = { annotations: new Map(store.annotations), settings: new Map(), claims: new Map(store.claims), links: new Map(store.links), events: new Map(store.events), sources: new Map(store.sources) };
    expect(stateIssues(state)).to.deep.equal([]);
    const edited = (await store.updateClaim(fixedId(503), { statement: 'Edited after the upgrade' })).value;
    expect(edited.version).to.deep.equal({ [replica!]: 2 });
    expect((await readDisk(name)).claims.find((c) => c.id === fixedId(503))).to.deep.equal(edited);
  });

  it('keeps every record of a version-1 database when upgrading', async () => {
    const name = uniqueDbName('v1');
    const records: Annotation[] = Array.from({ length: 60 }, (_, n) => ({
      ...annotation(n, n % 3 === 0 ? { note: undefined } : {}),
      target: { ...annotation(n).target, source: `doc-${n % 4}` },
    }));
    const v1 = await openV1DB(name);
    expect(v1.version).to.equal(1);
    expect([...v1.objectStoreNames]).to.deep.equal(['annotations']);
    const tx = v1.transaction('annotations', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(unversioned(r))), tx.done]);
    v1.close();

    const db = await openTestDB(name);
    toClose.push(db);
    expect(db.version).to.equal(CURRENT_VERSION);
    const replica = (await db.get('meta', 'replica'))!.value;
    const after = await db.getAll('annotations');
    expect(after).to.have.length(records.length);
    const byId = new Map(after.map((a) => [a.id, a]));
    for (const r of records) expect(byId.get(r.id)).to.deep.equal({ ...unversioned(r), layer: replica, version: { [replica]: 1 } });
    expect(await db.countFromIndex('annotations', 'by-source', 'doc-1')).to.equal(15);
    expect(await db.getAll('settings')).to.deep.equal([]);
    expect(await db.getAll('claims')).to.deep.equal([]);

    // And the store loads them all.
    const store = new CrossreadStore({ name });
    toClose.push(store);
    await store.open();
    expect(store.annotations.size).to.equal(records.length);
    expect(store.annotationsOf('doc-2')).to.have.length(15);
  });
});

describe('identity', () => {
  it('keeps the replica id and local layer across sessions, and makes a lost replica id anew without touching the layer', async () => {
    const name = uniqueDbName('identity');
    const first = await persistence(name);
    const { identity } = first;
    first.close();
    const again = await persistence(name);
    expect(again.identity).to.deep.equal(identity);
    again.close();

    const db = await openTestDB(name);
    await db.delete('meta', 'replica');
    db.close();
    const repaired = await persistence(name);
    expect(repaired.identity.layer).to.equal(identity.layer);
    expect(repaired.identity.replica).to.match(/^urn:uuid:/).and.not.equal(identity.replica);
    expect((await readMeta(name)).replica).to.equal(repaired.identity.replica);
    repaired.close();

    // A damaged replica id would be stamped on every write and have each refused: it is made anew too.
    const damaged = await openTestDB(name);
    await damaged.put('meta', { id: 'replica', value: 42 } as never);
    damaged.close();
    const renewed = await persistence(name);
    expect(renewed.identity.layer).to.equal(identity.layer);
    expect(renewed.identity.replica).to.match(/^urn:uuid:/);
    expect((await readMeta(name)).replica).to.equal(renewed.identity.replica);
  });
});

describe('commit', () => {
  it('writes several collections in one transaction and loads them back', async () => {
    const name = uniqueDbName('commit');
    const p = await persistence(name);
    await p.commit({
      ...collectionDiff('annotations', { added: { [annotation(1).id]: annotation(1) } }),
      ...collectionDiff('settings', { added: { creatorName: { id: 'creatorName', value: 'Ada' } } }),
    });
    const loaded = checkedState(await p.loadAll());
    expect([...loaded.annotations.values()]).to.deep.equal([annotation(1)]);
    expect(loaded.settings.get('creatorName')?.value).to.equal('Ada');
    const read = await p.read({ annotations: [annotation(1).id, annotation(2).id] });
    expect([...read.annotations!.entries()]).to.deep.equal([[annotation(1).id, annotation(1)], [annotation(2).id, undefined]]);
  });

  it('writes nothing when one record cannot be stored (DataCloneError)', async () => {
    const name = uniqueDbName('clone');
    const p = await persistence(name);
    const poisoned = { ...annotation(2), creator: { type: 'Person', name: 'x', toString: () => 'fn' } } as unknown as Annotation;
    let error: unknown;
    try {
      await p.commit(collectionDiff('annotations', { added: { [annotation(1).id]: annotation(1), [poisoned.id]: poisoned } }));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StoreError);
    expect((error as StoreError).kind).to.equal('write-failed');
    expect(((error as StoreError).cause as DOMException).name).to.equal('DataCloneError');
    expect((await readDisk(name)).annotations).to.deep.equal([]);
  });

  it('writes nothing when an added record already exists (ConstraintError)', async () => {
    const name = uniqueDbName('constraint');
    const p = await persistence(name);
    await p.commit(collectionDiff('annotations', { added: { [annotation(1).id]: annotation(1) } }));
    let error: unknown;
    try {
      await p.commit(collectionDiff('annotations', { added: { [annotation(2).id]: annotation(2), [annotation(1).id]: annotation(1) } }));
    } catch (e) {
      error = e;
    }
    expect((error as StoreError).kind).to.equal('write-failed');
    expect((await readDisk(name)).annotations.map((a) => a.id)).to.deep.equal([annotation(1).id]);
  });

  it('writes a diff of more records than one slice queues, other tasks running between slices, all or nothing', async () => {
    const name = uniqueDbName('slices');
    const p = await persistence(name);
    const many = Array.from({ length: 1100 }, (_, i) => annotation(100 + i));
    const added = Object.fromEntries(many.map((a) => [a.id, a]));
    // Timer ticks seen between the first and the last record queued: none if all were queued in
    // one task.
    let ticks = 0;
    const at: number[] = [];
    const proto = IDBObjectStore.prototype;
    const add = Object.getOwnPropertyDescriptor(proto, 'add')!;
    Object.defineProperty(proto, 'add', {
      ...add,
      value(this: IDBObjectStore, ...args: unknown[]) {
        at.push(ticks);
        return (add.value as (...a: unknown[]) => IDBRequest).apply(this, args);
      },
    });
    const timer = setInterval(() => ticks++, 0);
    try {
      await p.commit(collectionDiff('annotations', { added }));
    } finally {
      clearInterval(timer);
      Object.defineProperty(proto, 'add', add);
    }
    expect(at.length).to.equal(1100);
    expect(at.at(-1)! - at[0]!).to.be.greaterThan(0);
    expect((await readDisk(name)).annotations.length).to.equal(1100);
    // One record that exists already, in the first slice (the queueing stops) or the last: nothing
    // of the diff is written.
    const more = Array.from({ length: 800 }, (_, i) => annotation(2000 + i));
    // Every request that fails with the transaction is heard: no unhandled rejection.
    const unhandled = watchRejections();
    for (const order of [[many[0]!, ...more], [...more, many[0]!]]) {
      let error: unknown;
      try {
        await p.commit(collectionDiff('annotations', { added: Object.fromEntries(order.map((a) => [a.id, a])) }));
      } catch (e) {
        error = e;
      }
      expect((error as StoreError).kind).to.equal('write-failed');
      expect((await readDisk(name)).annotations.length).to.equal(1100);
    }
    expect((await unhandled.stop()).map(String)).to.deep.equal([]);
  });

  it('rejects after close with a StoreError', async () => {
    const p = await persistence(uniqueDbName('closed'));
    p.close();
    let error: unknown;
    try {
      await p.commit(collectionDiff('annotations', { added: { [annotation(1).id]: annotation(1) } }));
    } catch (e) {
      error = e;
    }
    expect((error as StoreError).kind).to.equal('closed');
  });
});
