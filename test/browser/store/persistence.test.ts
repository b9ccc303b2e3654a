import { expect } from '@open-wc/testing';
import { openIdbPersistence, type Persistence } from '../../../src/store/persistence.ts';
import { collectionDiff } from '../../../src/store/diff.ts';
import { CrossreadStore, StoreError, type Annotation } from '../../../src/store/index.ts';
import { annotation } from '../../node/store-fixtures.ts';
import { CURRENT_VERSION, deleteTestDBs, openTestDB, openV1DB, openV2DB, readDisk, uniqueDbName } from './helpers.ts';

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
    expect([...db.objectStoreNames].sort()).to.deep.equal(['annotations', 'claims', 'events', 'links', 'settings']);
    const tx = db.transaction(['annotations', 'claims', 'links', 'events', 'settings']);
    for (const name of tx.objectStoreNames) expect(tx.objectStore(name).keyPath).to.equal('id');
    expect([...tx.objectStore('annotations').indexNames]).to.deep.equal(['by-source']);
    expect(tx.objectStore('annotations').index('by-source').keyPath).to.equal('target.source');
    expect([...tx.objectStore('links').indexNames].sort()).to.deep.equal(['by-from', 'by-to']);
    expect(tx.objectStore('links').index('by-from').keyPath).to.equal('from');
    expect(tx.objectStore('links').index('by-to').keyPath).to.equal('to');
    expect([...tx.objectStore('claims').indexNames]).to.deep.equal([]);
    expect([...tx.objectStore('events').indexNames]).to.deep.equal([]);
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
      ...records.map((r) => tx.objectStore('annotations').put(r)),
      tx.objectStore('settings').put({ id: 'creatorName', value: 'Ada' }),
      tx.done,
    ]);
    v2.close();

    const disk = await readDisk(name);
    expect(disk.annotations).to.have.length(records.length);
    const byId = new Map(disk.annotations.map((a) => [a.id, a]));
    for (const r of records) expect(byId.get(r.id)).to.deep.equal(r);
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
    await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
    v1.close();

    const db = await openTestDB(name);
    toClose.push(db);
    expect(db.version).to.equal(CURRENT_VERSION);
    const after = await db.getAll('annotations');
    expect(after).to.have.length(records.length);
    const byId = new Map(after.map((a) => [a.id, a]));
    for (const r of records) expect(byId.get(r.id)).to.deep.equal(r);
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

describe('commit', () => {
  it('writes several collections in one transaction and loads them back', async () => {
    const name = uniqueDbName('commit');
    const p = await persistence(name);
    await p.commit({
      ...collectionDiff('annotations', { added: { [annotation(1).id]: annotation(1) } }),
      ...collectionDiff('settings', { added: { creatorName: { id: 'creatorName', value: 'Ada' } } }),
    });
    const loaded = await p.loadAll();
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
